/* The HTML report: the report document with the brand, the stylesheet and
 * each chart's SVG, transformed by the replaceable XSLT template in
 * templates/; and the portfolio page through its own template. */
#ifndef MATURITY_HTML_H
#define MATURITY_HTML_H

#include <libxml/tree.h>

struct brand;
struct chart_input;
struct diag;
struct framework;
struct html_template;
struct outfile_folder;

#define HTML_RENDER_NAMESPACE "urn:maturity:render:1"

/* Loads folder/NAME.xsl (name is "report" or "index") and the shared
 * folder/report.css.  Returns the template (free with html_template_free)
 * or NULL after reporting. */
struct html_template *html_template_load(const char *folder, const char *name,
					 struct diag *diag);

void html_template_free(struct html_template *template);

/* Writes the HTML report of document (report.h) to name in folder,
 * atomically.  The document is changed while the template runs and
 * restored after.  Returns 0, or -1 after reporting. */
int html_render(const struct outfile_folder *folder, const char *name,
		const struct html_template *template, xmlDocPtr document,
		const struct brand *brand, struct diag *diag);

/* Writes any document through a template: document's root is wrapped in
 * <render> with the brand (and framework's stage colours), the CSS and
 * the chart of chart (when not NULL).  Takes ownership of document.
 * Returns 0, or -1 after reporting. */
int html_render_document(const struct outfile_folder *folder, const char *name,
			 const struct html_template *template, xmlDocPtr document,
			 const struct chart_input *chart, const struct framework *framework,
			 const struct brand *brand, struct diag *diag);

/* A page written in parts, for pages whose rows would not fit in memory
 * as one document: the template turns document into the page, leaving a
 * comment <!--rows:NAME--> where each section of rows goes; for each,
 * writer is called and writes that section's rows with html_rows_write. */
struct html_rows;
typedef int (*html_rows_writer)(struct html_rows *rows, const char *section, void *context);

/* Writes the page of document (taken over, as html_render_document) to
 * name in folder, atomically, calling writer for each section of rows.
 * Returns 0, or -1 after reporting (nothing is left on disk). */
int html_render_rows(const struct outfile_folder *folder, const char *name,
		     const struct html_template *template, xmlDocPtr document,
		     const struct chart_input *chart, const struct framework *framework,
		     const struct brand *brand, html_rows_writer writer, void *context,
		     struct diag *diag);

/* Runs the template over chunk (taken over; its root is wrapped in a bare
 * <render>) with its parameter rows set to the current section's name,
 * and writes the elements that come out in the section's place.  Returns
 * 0, or -1 after reporting. */
int html_rows_write(struct html_rows *rows, xmlDocPtr chunk);

#endif
