/* The document vocabulary shared by the report's renderers: sections,
 * headings, paragraphs with inline emphasis and links, lists, facts, key
 * figures, tables, charts, meters, cards and notes, as XML elements in one
 * namespace (content/schema/document.rng describes it).  report.c builds
 * documents; html.c and pdf.c only read them.  Nothing here knows what a
 * report says. */
#ifndef MATURITY_DOCUMENT_H
#define MATURITY_DOCUMENT_H

#include <libxml/tree.h>

#define DOCUMENT_NAMESPACE "urn:maturity:document:1"

struct chart_input;

/* A new document whose root is <document lang="language">. */
xmlDocPtr document_new(const char *language);

/* Fills a chart's input from a <chart> element: a radar's axes and
 * series, or a trend's dates and lines, and the thresholds.  Release it
 * with chart_input_release.  Returns 0, or -1 when the element holds no
 * axis (a radar) or no date (a trend). */
int document_chart_input(xmlNodePtr chart, struct chart_input *input);

/* True when a block of this name may not break across pages. */
int document_keeps_together(xmlNodePtr block);

#endif
