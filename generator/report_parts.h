/* What the parts of the report builder share: the state of one document
 * being built, and helpers that put catalogue messages, numbers, dates and
 * stage chips into it.  Private to report*.c. */
#ifndef MATURITY_REPORT_PARTS_H
#define MATURITY_REPORT_PARTS_H

#include <glib.h>
#include <libxml/tree.h>
#include <stddef.h>

#include "catalogue.h"

struct answers;
struct brand;
struct framework;
struct model;
struct report_resources;

/* Message arguments: a list ended by REPORT_END. */
#define REPORT_TEXT(name, text) { (name), (text), NULL, 0 }
#define REPORT_NODES(name, nodes) { (name), NULL, (nodes), 0 }
#define REPORT_COUNT(name, text, number) { (name), (text), NULL, (double)(number) }
#define REPORT_END { NULL, NULL, NULL, 0 }
#define REPORT_ARGUMENTS(...) ((const struct catalogue_argument[]){ __VA_ARGS__, REPORT_END })
#define REPORT_NONE ((const struct catalogue_argument[]){ REPORT_END })

/* A number as the report prints it, in a buffer of this size. */
enum { REPORT_NUMBER = 32 };

/* Room for every section (enum report_section). */
enum { REPORT_SECTIONS_MAX = 16 };

struct report_context {
	const struct report_resources *resources;
	const struct catalogue *catalogue;
	const struct model *model;
	const struct framework *framework;
	const struct answers *answers;
	const struct brand *brand;
	xmlDocPtr document;
	xmlNodePtr root;
	int has_section[REPORT_SECTIONS_MAX];    /* by enum report_section: in this report */
	int section_number[REPORT_SECTIONS_MAX]; /* its number, 0 when unnumbered or absent */
};

/* The sections a report can have; their order comes from the section list. */
enum report_section {
	REPORT_COVER,
	REPORT_CONTENTS,
	REPORT_SUMMARY,
	REPORT_STRENGTHS,
	REPORT_PROFILE,
	REPORT_HISTORY,
	REPORT_DOMAINS,
	REPORT_STAGE,
	REPORT_PATH,
	REPORT_ROADMAP,
	REPORT_PLAYBOOKS,
	REPORT_APPENDIX,
	REPORT_SECTION_COUNT,
};

/* Appends message id, filled in with arguments, to parent. */
void report_say(const struct report_context *context, xmlNodePtr parent, const char *id,
		const struct catalogue_argument *arguments);

/* The message as plain text; free with free. */
char *report_string(const struct report_context *context, const char *id,
		    const struct catalogue_argument *arguments);

/* Sets attribute name of node to the message as plain text. */
void report_attribute(const struct report_context *context, xmlNodePtr node, const char *name,
		      const char *id, const struct catalogue_argument *arguments);

/* Appends the message as plain text to text. */
void report_append(const struct report_context *context, GString *text, const char *id,
		   const struct catalogue_argument *arguments);

/* A new child element name of parent, with role when not NULL. */
xmlNodePtr report_block(xmlNodePtr parent, const char *name, const char *role);

/* A paragraph (<p role>) holding message id. */
xmlNodePtr report_paragraph(const struct report_context *context, xmlNodePtr parent,
			    const char *role, const char *id,
			    const struct catalogue_argument *arguments);

/* A heading of level (3 or 4) holding message id. */
xmlNodePtr report_heading(const struct report_context *context, xmlNodePtr parent, int level,
			  const char *id, const struct catalogue_argument *arguments);

/* An element to build a placeholder's nodes in; its children are the
 * argument.  Free with xmlFreeNode. */
xmlNodePtr report_fragment(const struct report_context *context);

/* Numbers as printed: a score with two decimals, the /10 score with one,
 * a signed change with a true minus sign. */
void report_score(char buffer[REPORT_NUMBER], double score);
void report_score10(char buffer[REPORT_NUMBER], double display);
void report_change_text(char buffer[REPORT_NUMBER], double change);

/* A date YYYY-MM-DD for people ("14 October 2026"); free with free. */
char *report_date(const struct report_context *context, const char *iso);

/* A date YYYY-MM-DD as its month and year ("October 2026"); free with
 * free. */
char *report_month(const struct report_context *context, const char *iso);

/* A chart's <threshold> for each stage but the first: where it begins. */
void report_thresholds(const struct report_context *context, xmlNodePtr chart);

/* A stage's label in a chip of its colour. */
xmlNodePtr report_chip(const struct report_context *context, xmlNodePtr parent, size_t stage);

/* A change such as +0.85 as <change direction="up|down|none">. */
xmlNodePtr report_change(const struct report_context *context, xmlNodePtr parent, double change);

/* Appends the Markdown's blocks, parsed when the resources were loaded. */
void report_markdown(const struct report_context *context, xmlNodePtr parent,
		     const char *markdown);

/* A bulleted list (<list style="bullet">) under parent, with role when not
 * NULL; each item's paragraph comes from report_item. */
xmlNodePtr report_list(xmlNodePtr parent, const char *role);

/* A new item of list holding one paragraph, returned to fill. */
xmlNodePtr report_item(xmlNodePtr list);

/* A list of names joined as a sentence does ("A, B and C"), each in
 * <strong> when strong; appended to parent. */
void report_join(const struct report_context *context, xmlNodePtr parent,
		 const char *const *names, size_t count, int strong);

/* A stage section of the pack: its heading (level 3) and its Markdown. */
struct framework_section;
void report_stage_section(struct report_context *context, xmlNodePtr section,
			  const struct framework_section *content);

/* The sections. */
void report_cover(struct report_context *context);
void report_contents(struct report_context *context, xmlNodePtr section);
void report_summary(struct report_context *context, xmlNodePtr section);
void report_strengths(struct report_context *context, xmlNodePtr section);
void report_profile(struct report_context *context, xmlNodePtr section);
void report_history(struct report_context *context, xmlNodePtr section);
void report_domains(struct report_context *context, xmlNodePtr section);
void report_stage(struct report_context *context, xmlNodePtr section);
void report_path(struct report_context *context, xmlNodePtr section);
void report_roadmap(struct report_context *context, xmlNodePtr section);
void report_playbooks(struct report_context *context, xmlNodePtr section);
void report_appendix(struct report_context *context, xmlNodePtr section);

/* The message of a numbered section's title. */
const char *report_title_id(const struct report_context *context, enum report_section section);

/* The labels of the current and next stage (the current one again at the
 * last stage). */
const char *report_stage_label(const struct report_context *context);
const char *report_next_label(const struct report_context *context);

/* Every message the report uses, and how many. */
extern const struct catalogue_message report_messages[];
extern const size_t report_message_count;

#endif
