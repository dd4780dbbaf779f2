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
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum { HTML_TEMPLATE_MAX_BYTES = 2 * 1024 * 1024 };

/* A chart's width in the page, in points, its height in its proportions;
 * CSS scales it to the column. */
#define HTML_CHART_WIDTH 520.0

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
	xmlDocPtr svg = chart_svg(input, brand, cache, HTML_CHART_WIDTH,
				  HTML_CHART_WIDTH * chart_aspect(input), source, diag);
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

/* Wraps document's root in <render>: with the brand (and framework's stage
 * colours), the CSS and the chart when full, bare otherwise.  Returns 0,
 * or -1 after reporting and freeing document. */
static int
html_wrap(xmlDocPtr document, int full, const struct html_template *template,
	  const struct chart_input *chart, const struct framework *framework,
	  const struct brand *brand, const char *path, struct diag *diag)
{
	xmlNodePtr content, wrapper;

	wrapper = xmlNewDocNode(document, NULL, (const xmlChar *)"render", NULL);
	content = xmlDocSetRootElement(document, wrapper);
	xmlSetNs(wrapper, xmlNewNs(wrapper, (const xmlChar *)HTML_RENDER_NAMESPACE, NULL));
	if (full) {
		html_brand(wrapper, brand, framework);
		xmlNewTextChild(wrapper, wrapper->ns, (const xmlChar *)"style",
				(const xmlChar *)template->css);
	}
	if (full && chart != NULL &&
	    html_chart(wrapper, chart, brand, template->chart, path, diag) != 0) {
		xmlFreeNode(content);
		xmlFreeDoc(document);
		return -1;
	}
	xmlAddChild(wrapper, content);
	return 0;
}

/* Runs the template over document with params (NULL-ended name, XPath
 * value pairs; may be NULL), with file and network access forbidden.
 * Returns the result (free with xmlFreeDoc) or NULL after reporting. */
static xmlDocPtr
html_apply(const struct html_template *template, xmlDocPtr document, const char **params,
	   const char *path, struct diag *diag)
{
	xsltTransformContextPtr context;
	xmlDocPtr result;
	int status;

	context = xsltNewTransformContext(template->stylesheet, document);
	if (context == NULL || xsltSetCtxtSecurityPrefs(template->security, context) != 0) {
		diag_error(diag, path, 0, "cannot start the HTML template");
		xsltFreeTransformContext(context);
		return NULL;
	}
	result = xsltApplyStylesheetUser(template->stylesheet, document, params, NULL, NULL, context);
	status = context->state;
	xsltFreeTransformContext(context);
	if (result == NULL || status != XSLT_STATE_OK) {
		diag_error(diag, path, 0, "the HTML template failed");
		xmlFreeDoc(result);
		return NULL;
	}
	return result;
}

/* html_apply, then frees document. */
static xmlDocPtr
html_transform(const struct html_template *template, xmlDocPtr document, const char **params,
	       const char *path, struct diag *diag)
{
	xmlDocPtr result = html_apply(template, document, params, path, diag);

	xmlFreeDoc(document);
	return result;
}

/* The whole page of document as HTML text (free with xmlFree), or NULL
 * after reporting. */
static xmlChar *
html_page(const struct html_template *template, xmlDocPtr document,
	  const struct chart_input *chart, const struct framework *framework,
	  const struct brand *brand, const char *path, int *length, struct diag *diag)
{
	xmlDocPtr result;
	xmlChar *html = NULL;

	if (html_wrap(document, 1, template, chart, framework, brand, path, diag) != 0)
		return NULL;
	result = html_transform(template, document, NULL, path, diag);
	if (result == NULL)
		return NULL;
	if (xsltSaveResultToString(&html, length, result, template->stylesheet) != 0 ||
	    html == NULL) {
		diag_error(diag, path, 0, "the HTML template failed");
		xmlFree(html);
		html = NULL;
	}
	xmlFreeDoc(result);
	return html;
}

int
html_render_document(const struct outfile_folder *folder, const char *name,
		     const struct html_template *template, xmlDocPtr document,
		     const struct chart_input *chart, const struct framework *framework,
		     const struct brand *brand, struct diag *diag)
{
	char path[4096];
	int length = 0, status;
	xmlChar *html;

	snprintf(path, sizeof path, "%s/%s", folder->path, name);
	html = html_page(template, document, chart, framework, brand, path, &length, diag);
	if (html == NULL)
		return -1;
	status = outfile_write(folder, name, html, (size_t)length, diag);
	xmlFree(html);
	return status;
}

/* libxml2's writes into an output file.  A failed write is kept in the
 * file for outfile_commit to report with its cause; libxml2 is told it
 * succeeded so that it prints nothing of its own. */
static int
html_output_write(void *context, const char *buffer, int length)
{
	outfile_put(context, buffer, (size_t)length);
	return length;
}

static int
html_output_close(void *context)
{
	(void)context;
	return 0;
}

/* Returns NULL, with the failure kept in file, when out of memory. */
static xmlOutputBufferPtr
html_output(struct outfile *file)
{
	xmlOutputBufferPtr output = xmlOutputBufferCreateIO(html_output_write, html_output_close,
							    file, NULL);

	if (output == NULL)
		file->error = ENOMEM;
	return output;
}

/* Where a streamed page's rows go. */
struct html_rows {
	const struct html_template *template;
	xmlOutputBufferPtr output;
	const char *section;
	const char *path;
	struct diag *diag;
};

int
html_rows_write(struct html_rows *rows, xmlDocPtr chunk)
{
	char *value = xasprintf("'%s'", rows->section);
	const char *params[] = { "rows", value, NULL };
	xmlDocPtr result;

	if (html_wrap(chunk, 0, rows->template, NULL, NULL, NULL, rows->path, rows->diag) != 0) {
		free(value);
		return -1;
	}
	result = html_transform(rows->template, chunk, params, rows->path, rows->diag);
	free(value);
	if (result == NULL)
		return -1;
	for (xmlNodePtr node = result->children; node != NULL; node = node->next)
		if (node->type == XML_ELEMENT_NODE)
			htmlNodeDumpFormatOutput(rows->output, result, node, "UTF-8", 0);
	xmlFreeDoc(result);
	return xmlOutputBufferFlush(rows->output) < 0 ? -1 : 0;
}

/* The marker the template leaves where a section's rows go. */
static const char html_rows_marker[] = "<!--rows:";

int
html_render_rows(const struct outfile_folder *folder, const char *name,
		 const struct html_template *template, xmlDocPtr document,
		 const struct chart_input *chart, const struct framework *framework,
		 const struct brand *brand, html_rows_writer writer, void *context,
		 struct diag *diag)
{
	char path[4096];
	struct html_rows rows = { .template = template, .path = path, .diag = diag };
	struct outfile file;
	int length = 0, failed = 0;
	xmlChar *html;
	const char *cursor, *marker;

	snprintf(path, sizeof path, "%s/%s", folder->path, name);
	html = html_page(template, document, chart, framework, brand, path, &length, diag);
	if (html == NULL)
		return -1;
	if (outfile_open(&file, folder, name, diag) != 0) {
		xmlFree(html);
		return -1;
	}
	rows.output = html_output(&file);
	if (rows.output == NULL) {
		xmlFree(html);
		outfile_commit(&file, diag);
		return -1;
	}
	/* The page around the rows, and each section's rows in its place. */
	cursor = (const char *)html;
	while (!failed && (marker = strstr(cursor, html_rows_marker)) != NULL) {
		const char *section = marker + strlen(html_rows_marker);
		const char *end = strstr(section, "-->");
		char *name_of_section;

		if (end == NULL)
			break;
		xmlOutputBufferWrite(rows.output, (int)(marker - cursor), cursor);
		name_of_section = xstrndup(section, (size_t)(end - section));
		rows.section = name_of_section;
		failed = writer(&rows, name_of_section, context) != 0;
		free(name_of_section);
		cursor = end + 3;
	}
	xmlOutputBufferWrite(rows.output, (int)strlen(cursor), cursor);
	xmlFree(html);
	xmlOutputBufferClose(rows.output);
	if (failed) {
		outfile_abort(&file);
		return -1;
	}
	return outfile_commit(&file, diag);
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
		svg = chart_svg(&input, brand, template->chart, HTML_CHART_WIDTH,
				HTML_CHART_WIDTH * chart_aspect(&input), path, diag);
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

/* Writes result to name in folder, serialised straight into the file. */
static int
html_save(const struct outfile_folder *folder, const char *name,
	  const struct html_template *template, xmlDocPtr result, struct diag *diag)
{
	struct outfile file;
	xmlOutputBufferPtr output;

	if (outfile_open(&file, folder, name, diag) != 0)
		return -1;
	output = html_output(&file);
	if (output != NULL) {
		xsltSaveResultTo(output, result, template->stylesheet);
		xmlOutputBufferClose(output);
	}
	return outfile_commit(&file, diag);
}

int
html_render(const struct outfile_folder *folder, const char *name,
	    const struct html_template *template, xmlDocPtr document, const struct brand *brand,
	    struct diag *diag)
{
	xmlNodePtr root = xmlDocGetRootElement(document);
	xmlNsPtr render = xmlNewNs(NULL, (const xmlChar *)HTML_RENDER_NAMESPACE,
				   (const xmlChar *)"r");
	GPtrArray *added = g_ptr_array_new();
	char *path = xasprintf("%s/%s", folder->path, name);
	xmlDocPtr result = NULL;
	xmlNodePtr node;
	int status = -1;

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
	if (html_add_charts(root->children, template, brand, added, path, diag) == 0)
		result = html_apply(template, document, NULL, path, diag);

	/* The document as it was. */
	for (guint index = 0; index < added->len; index++) {
		xmlNodePtr child = g_ptr_array_index(added, index);

		xmlUnlinkNode(child);
		xmlFreeNode(child);
	}
	g_ptr_array_free(added, TRUE);
	xmlFreeNs(render);
	if (result != NULL) {
		status = html_save(folder, name, template, result, diag);
		xmlFreeDoc(result);
	}
	free(path);
	return status;
}
