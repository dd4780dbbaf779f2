/* The HTML report: report.xml wrapped with the brand, the stylesheet and
 * the chart, transformed by the replaceable XSLT template in templates/. */
#ifndef MATURITY_HTML_H
#define MATURITY_HTML_H

struct brand;
struct diag;
struct html_template;
struct model;

#define HTML_RENDER_NAMESPACE "urn:maturity:render:1"

/* Loads folder/report.xsl and folder/report.css.  Returns the template
 * (free with html_template_free) or NULL after reporting. */
struct html_template *html_template_load(const char *folder, struct diag *diag);

void html_template_free(struct html_template *template);

/* Writes the HTML report of model to path, atomically.  Returns 0, or -1
 * after reporting. */
int html_render(const char *path, const struct html_template *template,
		const struct model *model, const struct brand *brand, struct diag *diag);

#endif
