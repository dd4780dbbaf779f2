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

#define HTML_RENDER_NAMESPACE "urn:maturity:render:1"

/* Loads folder/NAME.xsl (name is "report" or "index") and the shared
 * folder/report.css.  Returns the template (free with html_template_free)
 * or NULL after reporting. */
struct html_template *html_template_load(const char *folder, const char *name,
					 struct diag *diag);

void html_template_free(struct html_template *template);

/* Writes the HTML report of document (report.h) to path, atomically.  The
 * document is changed while the template runs and restored after.
 * Returns 0, or -1 after reporting. */
int html_render(const char *path, const struct html_template *template, xmlDocPtr document,
		const struct brand *brand, struct diag *diag);

/* Writes any document through a template: document's root is wrapped in
 * <render> with the brand (and framework's stage colours), the CSS and
 * the chart of chart (when not NULL).  Takes ownership of document.
 * Returns 0, or -1 after reporting. */
int html_render_document(const char *path, const struct html_template *template,
			 xmlDocPtr document, const struct chart_input *chart,
			 const struct framework *framework, const struct brand *brand,
			 struct diag *diag);

#endif
