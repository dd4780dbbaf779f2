/* Markdown as XML: a cmark tree turned into libxml2 elements, in one of
 * two vocabularies: CommonMark's own XML names (paragraph, emph, link ...)
 * for the report model, or the report document's (p, em, link ...).  Raw
 * HTML is dropped and only http, https and mailto links are kept, so
 * nothing a content writer types can become markup in a report. */
#ifndef MATURITY_MARKDOWN_H
#define MATURITY_MARKDOWN_H

#include <libxml/tree.h>

/* Parses markdown and appends its blocks as children of parent, in
 * parent's namespace, named as CommonMark's XML names them.  Never fails
 * on any input. */
void markdown_append_xml(xmlNodePtr parent, const char *markdown);

/* The same in the document vocabulary of document.h: text as text,
 * headings at level 4. */
void markdown_append_document(xmlNodePtr parent, const char *markdown);

/* True when url may be a link in a report: http, https or mailto. */
int markdown_safe_url(const char *url);

#endif
