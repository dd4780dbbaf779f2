/* The report document: everything a team's report says, built once from
 * the model, in the document vocabulary of document.h, with every word
 * from the message catalogue and the sections in the order the section
 * list gives.  The HTML and PDF renderers read it and nothing else. */
#ifndef MATURITY_REPORT_H
#define MATURITY_REPORT_H

#include <libxml/tree.h>

struct brand;
struct diag;
struct framework;
struct model;
struct report_resources;

/* Loads what every team's document shares: the catalogue (templates'
 * messages.xml, with messages_path's overrides when not NULL), the section
 * list (sections_path, or the templates' sections.xml when NULL), and the
 * framework's Markdown, parsed here once.  Returns NULL after reporting. */
struct report_resources *report_resources_load(const char *data_folder,
					       const char *messages_path,
					       const char *sections_path,
					       const struct framework *framework,
					       struct diag *diag);

void report_resources_free(struct report_resources *resources);

/* The report document of model under brand: a new document (free with
 * xmlFreeDoc).  model's framework must be the one resources were loaded
 * with.  Never fails. */
xmlDocPtr report_build(const struct report_resources *resources, const struct model *model,
		       const struct brand *brand);

/* The words of a reminder to assess the team of model again on due
 * (YYYY-MM-DD), from the catalogue: the event's title, its description
 * (which says when the assessment is overdue) and the alarm's text.  Free
 * each with free. */
struct report_reminder {
	char *summary;
	char *description;
	char *alarm;
};

void report_reminder(const struct report_resources *resources, const struct model *model,
		     const char *due, int overdue, struct report_reminder *reminder);

#endif
