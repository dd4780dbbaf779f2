/* The HTML renderer: model XML in, template out; see html.h. */
#include "html.h"

#include "brand.h"
#include "chart.h"
#include "diag.h"
#include "document.h"
#include "framework.h"
#include "outfile.h"
#include "xalloc.h"
#include "xmlinput.h"
#include "xmlout.h"

#include <glib.h>
#include <libxml/parser.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <stdlib.h>
#include <string.h>

enum { HTML_TEMPLATE_MAX_BYTES = 2 * 1024 * 1024 };

/* The chart's size in the page, in points; CSS scales it to the column. */
#define HTML_CHART_WIDTH 520.0
#define HTML_CHART_HEIGHT 410.0

struct html_template {
	xsltStylesheetPtr stylesheet;
	xsltSecurityPrefsPtr security;
	char *css;
	/* The chart's text, kept from one page to the next in this process.
	 * Pages change it even through a const template: it only ever spares
	 * work, never changes what is drawn. */
	struct chart_cache *chart;
};

struct html_template *
html_template_load(const char *folder, const char *name, struct diag *diag)
{
	struct html_template *template = xcalloc(1, sizeof *template);
	char *xsl_path = xasprintf("%s/%s.xsl", folder, name);
	char *css_path = xasprintf("%s/report.css", folder);
	xmlDocPtr document;
	size_t length;

	/* The stylesheet is XML like any input: read it the same safe way. */
	document = xmlinput_read(xsl_path, HTML_TEMPLATE_MAX_BYTES, NULL, diag);
	if (document != NULL) {
		template->stylesheet = xsltParseStylesheetDoc(document);
		if (template->stylesheet == NULL) {
			diag_error(diag, xsl_path, 0, "not a usable XSLT stylesheet");
			xmlFreeDoc(document);
		}
	}
	template->css = xmlinput_slurp(css_path, HTML_TEMPLATE_MAX_BYTES, &length, diag);
	template->chart = chart_cache_new();

	/* A template may shape the page but never read, write or fetch. */
	template->security = xsltNewSecurityPrefs();
	if (template->security == NULL ||
	    xsltSetSecurityPrefs(template->security, XSLT_SECPREF_READ_FILE, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(template->security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(template->security, XSLT_SECPREF_CREATE_DIRECTORY,
				 xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(template->security, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(template->security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid)) {
		diag_error(diag, xsl_path, 0, "cannot set the template's security limits");
		html_template_free(template);
		template = NULL;
	} else if (template->stylesheet == NULL || template->css == NULL) {
		html_template_free(template);
		template = NULL;
	}
	free(xsl_path);
	free(css_path);
	return template;
}

void
html_template_free(struct html_template *template)
{
	if (template == NULL)
		return;
	if (template->stylesheet != NULL)
		xsltFreeStylesheet(template->stylesheet);
	if (template->security != NULL)
		xsltFreeSecurityPrefs(template->security);
	free(template->css);
	chart_cache_free(template->chart);
	free(template);
}

static void
html_color(xmlNodePtr node, const char *name, const struct brand_color *color)
{
	xmlNewProp(node, (const xmlChar *)name, (const xmlChar *)color->hex);
}

/* The brand as the template sees it: names, colours, fonts, the logo as a
 * data URI and each of the pack's stages with its colour. */
static void
html_brand(xmlNodePtr parent, const struct brand *brand, const struct framework *framework)
{
	xmlNodePtr node = xmlNewChild(parent, parent->ns, (const xmlChar *)"brand", NULL);

	xmlNewProp(node, (const xmlChar *)"paper",
		   (const xmlChar *)(brand->paper == PAPER_LETTER ? "letter" : "a4"));
	html_color(node, "primary", &brand->primary);
	html_color(node, "accent", &brand->accent);
	html_color(node, "text", &brand->text);
	xmlNewProp(node, (const xmlChar *)"heading-font", (const xmlChar *)brand->heading_font);
	xmlNewProp(node, (const xmlChar *)"body-font", (const xmlChar *)brand->body_font);
	if (brand->logo_png != NULL) {
		gchar *encoded = g_base64_encode(brand->logo_png, brand->logo_png_size);
		char *uri = xasprintf("data:image/png;base64,%s", encoded);

		xmlNewProp(node, (const xmlChar *)"logo", (const xmlChar *)uri);
		g_free(encoded);
		free(uri);
	}
	xmlNewTextChild(node, node->ns, (const xmlChar *)"organization",
			(const xmlChar *)brand->organization);
	xmlNewTextChild(node, node->ns, (const xmlChar *)"title", (const xmlChar *)brand->report_title);
	xmlNewTextChild(node, node->ns, (const xmlChar *)"footer", (const xmlChar *)brand->footer);
	xmlNewTextChild(node, node->ns, (const xmlChar *)"confidentiality",
			(const xmlChar *)brand->confidentiality);
	for (size_t index = 0; framework != NULL && index < framework->stage_count; index++) {
		struct brand_color color = brand_stage_color(brand, index, framework->stage_count);
		xmlNodePtr stage = xmlNewTextChild(node, node->ns, (const xmlChar *)"stage-color",
						   (const xmlChar *)color.hex);

		xmlNewProp(stage, (const xmlChar *)"stage", (const xmlChar *)framework->stages[index].id);
	}
}

/* The chart's SVG placed under <chart>. */
static int
html_chart(xmlNodePtr parent, const struct chart_input *input, const struct brand *brand,
	   struct chart_cache *cache, const char *source, struct diag *diag)
{
	xmlDocPtr svg = chart_svg(input, brand, cache, HTML_CHART_WIDTH, HTML_CHART_HEIGHT, source,
				  diag);
	xmlNodePtr chart, copy;

	if (svg == NULL)
		return -1;
	chart = xmlNewChild(parent, parent->ns, (const xmlChar *)"chart", NULL);
	copy = xmlDocCopyNode(xmlDocGetRootElement(svg), parent->doc, 1);
	xmlFreeDoc(svg);
	if (copy == NULL) {
		diag_error(diag, source, 0, "out of memory placing the chart");
		return -1;
	}
	xmlAddChild(chart, copy);
	return 0;
}

/* Runs the template over document and writes the result to path,
 * serialised straight into the file. */
static int
html_transform(const char *path, const struct html_template *template, xmlDocPtr document,
	       struct diag *diag)
{
	xsltTransformContextPtr context;
	struct outfile file;
	xmlDocPtr result;
	int status;

	context = xsltNewTransformContext(template->stylesheet, document);
	if (context == NULL || xsltSetCtxtSecurityPrefs(template->security, context) != 0) {
		diag_error(diag, path, 0, "cannot start the HTML template");
		xsltFreeTransformContext(context);
		return -1;
	}
	result = xsltApplyStylesheetUser(template->stylesheet, document, NULL, NULL, NULL, context);
	status = context->state;
	xsltFreeTransformContext(context);
	if (result == NULL || status != XSLT_STATE_OK) {
		diag_error(diag, path, 0, "the HTML template failed");
		xmlFreeDoc(result);
		return -1;
	}
	if (outfile_open(&file, path, diag) != 0) {
		xmlFreeDoc(result);
		return -1;
	}
	/* A short count is a write error; outfile_commit reports the stream's. */
	if (xsltSaveResultToFile(file.stream, result, template->stylesheet) < 0) {
		diag_error(diag, path, 0, "cannot write the HTML page");
		xmlFreeDoc(result);
		outfile_abort(&file);
		return -1;
	}
	xmlFreeDoc(result);
	return outfile_commit(&file, diag);
}

int
html_render_document(const char *path, const struct html_template *template,
		     xmlDocPtr document, const struct chart_input *chart,
		     const struct framework *framework, const struct brand *brand,
		     struct diag *diag)
{
	xmlNodePtr content, wrapper;
	int status;

	/* <render> holds the brand, the CSS, the chart and the document. */
	wrapper = xmlNewDocNode(document, NULL, (const xmlChar *)"render", NULL);
	content = xmlDocSetRootElement(document, wrapper);
	xmlSetNs(wrapper, xmlNewNs(wrapper, (const xmlChar *)HTML_RENDER_NAMESPACE, NULL));
	html_brand(wrapper, brand, framework);
	xmlNewTextChild(wrapper, wrapper->ns, (const xmlChar *)"style", (const xmlChar *)template->css);
	if (chart != NULL && html_chart(wrapper, chart, brand, template->chart, path, diag) != 0) {
		xmlFreeNode(content);
		xmlFreeDoc(document);
		return -1;
	}
	xmlAddChild(wrapper, content);
	status = html_transform(path, template, document, diag);
	xmlFreeDoc(document);
	return status;
}

/* Puts each chart's SVG inside its <chart> element, adding what it put to
 * added.  Returns 0, or -1 after reporting. */
static int
html_add_charts(xmlNodePtr node, const struct html_template *template, const struct brand *brand,
		GPtrArray *added, const char *path, struct diag *diag)
{
	for (; node != NULL; node = node->next) {
		struct chart_input input;
		xmlDocPtr svg;
		xmlNodePtr copy;

		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (!xmlout_is(node, "chart")) {
			if (html_add_charts(node->children, template, brand, added, path, diag) != 0)
				return -1;
			continue;
		}
		if (document_chart_input(node, &input) != 0)
			continue;
		svg = chart_svg(&input, brand, template->chart, HTML_CHART_WIDTH, HTML_CHART_HEIGHT,
				path, diag);
		chart_input_release(&input);
		if (svg == NULL)
			return -1;
		copy = xmlDocCopyNode(xmlDocGetRootElement(svg), node->doc, 1);
		xmlFreeDoc(svg);
		if (copy == NULL) {
			diag_error(diag, path, 0, "out of memory placing the chart");
			return -1;
		}
		xmlAddChild(node, copy);
		g_ptr_array_add(added, copy);
	}
	return 0;
}

int
html_render(const char *path, const struct html_template *template, xmlDocPtr document,
	    const struct brand *brand, struct diag *diag)
{
	xmlNodePtr root = xmlDocGetRootElement(document);
	xmlNsPtr render = xmlNewNs(NULL, (const xmlChar *)HTML_RENDER_NAMESPACE,
				   (const xmlChar *)"r");
	GPtrArray *added = g_ptr_array_new();
	xmlNodePtr node;
	int result;

	/* The brand and the CSS go in as the template's r: elements. */
	node = xmlNewDocNode(document, render, (const xmlChar *)"holder", NULL);
	html_brand(node, brand, NULL);
	xmlout_text_element(node, "style", template->css);
	while (node->children != NULL) {
		xmlNodePtr child = node->children;

		xmlUnlinkNode(child);
		xmlAddChild(root, child);
		g_ptr_array_add(added, child);
	}
	xmlFreeNode(node);
	result = html_add_charts(root->children, template, brand, added, path, diag);
	if (result == 0)
		result = html_transform(path, template, document, diag);

	/* The document as it was. */
	for (guint index = 0; index < added->len; index++) {
		xmlNodePtr child = g_ptr_array_index(added, index);

		xmlUnlinkNode(child);
		xmlFreeNode(child);
	}
	g_ptr_array_free(added, TRUE);
	xmlFreeNs(render);
	return result;
}
