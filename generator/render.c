/* Rendering one team's outputs; see render.h. */
#include "render.h"

#include "answers.h"
#include "brand.h"
#include "chart.h"
#include "diag.h"
#include "document.h"
#include "fonts.h"
#include "html.h"
#include "model.h"
#include "options.h"
#include "outfile.h"
#include "pdf.h"
#include "portfolio.h"
#include "reassess.h"
#include "report.h"
#include "report_xml.h"
#include "roadmap_files.h"
#include "summary.h"
#include "xalloc.h"
#include "xmlout.h"

#include <stdlib.h>
#include <string.h>

struct render_resources {
	struct brand *brand;
	struct html_template *html;   /* NULL unless HTML is wanted */
	struct portfolio_page *index; /* the portfolio page; NULL unless it is wanted */
	struct report_resources *report; /* the catalogue, section list and parsed Markdown */
	/* Made on first use, in the worker: a Pango font map starts a thread,
	 * and a thread in the parent at fork time can deadlock the children. */
	struct pdf_cache *pdf;
};

void
render_resources_release(struct render_resources *resources)
{
	pdf_cache_free(resources->pdf);
	resources->pdf = NULL;
}

const struct brand *
render_resources_brand(const struct render_resources *resources)
{
	return resources->brand;
}

const struct portfolio_page *
render_resources_index(const struct render_resources *resources)
{
	return resources->index;
}

struct render_resources *
render_resources_load(const struct options *options, const struct framework *framework,
		      struct diag *diag)
{
	struct render_resources *resources = xcalloc(1, sizeof *resources);
	char *schema_folder = xasprintf("%s/content/schema", options->data_folder);
	char *fonts_folder = xasprintf("%s/fonts", options->data_folder);
	char *templates_folder = xasprintf("%s/templates", options->data_folder);
	int failed = 0;

	/* The brand, then fontconfig's fonts for it when anything is laid
	 * out: the brand's families must resolve to real fonts. */
	int lays_out_text = (options->formats & (FORMAT_PDF | FORMAT_HTML | FORMAT_INDEX)) ||
			    options->chart_png;

	resources->brand = brand_load(options->brand_path, schema_folder, options->allow_brand_path,
				      diag);
	if (resources->brand == NULL) {
		failed = 1;
	} else if (lays_out_text) {
		const char *families[] = { resources->brand->heading_font,
					   resources->brand->body_font };

		failed |= fonts_configure(fonts_folder, families, 2, diag) != 0;
		failed |= fonts_check_family(resources->brand->heading_font, options->brand_path,
					     diag) != 0;
		failed |= fonts_check_family(resources->brand->body_font, options->brand_path,
					     diag) != 0;
	}
	if ((options->formats & (FORMAT_PDF | FORMAT_HTML)) || options->write_document ||
	    options->chart_png || options->reassess_days > 0) {
		resources->report = report_resources_load(options->data_folder,
							  options->messages_path,
							  options->sections_path, framework, diag);
		failed |= resources->report == NULL;
	}
	if (options->formats & FORMAT_HTML) {
		resources->html = html_template_load(templates_folder, "report", diag);
		failed |= resources->html == NULL;
	}
	if (options->formats & FORMAT_INDEX) {
		resources->index = portfolio_page_load(templates_folder, diag);
		failed |= resources->index == NULL;
	}
	free(schema_folder);
	free(fonts_folder);
	free(templates_folder);
	if (failed) {
		render_resources_free(resources);
		return NULL;
	}
	return resources;
}

void
render_resources_free(struct render_resources *resources)
{
	if (resources == NULL)
		return;
	brand_free(resources->brand);
	html_template_free(resources->html);
	portfolio_page_free(resources->index);
	report_resources_free(resources->report);
	pdf_cache_free(resources->pdf);
	free(resources);
}

/* Serializes document to name in folder atomically, indented, UTF-8. */
static int
render_write_xml(const struct outfile_folder *folder, const char *name, xmlDocPtr document,
		 struct diag *diag)
{
	size_t length;
	xmlChar *text = xmlout_serialize(document, &length);
	int result;

	if (text == NULL) {
		diag_error(diag, folder->path, 0, "cannot serialize %s", name);
		return -1;
	}
	result = outfile_write(folder, name, text, length, diag);
	xmlFree(text);
	return result;
}

/* The first <chart> of kind in the document's sections, or NULL. */
static xmlNodePtr
render_find_chart(xmlDocPtr document, const char *kind)
{
	for (xmlNodePtr section = xmlDocGetRootElement(document)->children; section != NULL;
	     section = section->next)
		for (xmlNodePtr node = section->children; node != NULL; node = node->next)
			if (xmlout_is(node, "chart") && xmlout_get(node, "kind") != NULL &&
			    strcmp(xmlout_get(node, "kind"), kind) == 0)
				return node;
	return NULL;
}

/* name: the document's first chart of kind, 520 points wide in its own
 * proportions, at two pixels a point; nothing when there is none. */
static int
render_chart_png(const struct outfile_folder *folder, xmlDocPtr document, const char *kind,
		 const char *name, const struct brand *brand, struct diag *diag)
{
	xmlNodePtr chart = render_find_chart(document, kind);
	struct chart_input input;
	int result;

	if (chart == NULL || document_chart_input(chart, &input) != 0)
		return 0;
	result = chart_write_png(folder, name, &input, brand, 520, 520 * chart_aspect(&input), 2,
				 diag);
	chart_input_release(&input);
	return result;
}

int
render_team(struct render_resources *resources, const struct options *options,
	    const struct outfile_folder *folder, const struct model *model, struct diag *diag)
{
	xmlDocPtr document = NULL;
	int failed = 0;

	if (options->write_model) {
		xmlDocPtr model_xml = report_xml_build(model);

		failed |= render_write_xml(folder, "report.xml", model_xml, diag) != 0;
		xmlFreeDoc(model_xml);
	}
	if (options->formats & FORMAT_ROADMAP)
		failed |= roadmap_files_write(folder, model, diag) != 0;

	/* One document for both reports. */
	if ((options->formats & (FORMAT_PDF | FORMAT_HTML)) || options->write_document ||
	    options->chart_png)
		document = report_build(resources->report, model, resources->brand);
	if (options->write_document && document != NULL)
		failed |= render_write_xml(folder, "document.xml", document, diag) != 0;
	if (options->formats & FORMAT_PDF) {
		if (resources->pdf == NULL)
			resources->pdf = pdf_cache_new();
		failed |= pdf_render(folder, "report.pdf", document, resources->brand,
				     resources->pdf, diag) != 0;
	}
	if (options->formats & FORMAT_HTML)
		failed |= html_render(folder, "report.html", resources->html, document,
				      resources->brand, diag) != 0;
	if (options->chart_png && document != NULL) {
		failed |= render_chart_png(folder, document, "radar", "chart.png", resources->brand,
					   diag) != 0;
		failed |= render_chart_png(folder, document, "trend", "trend.png", resources->brand,
					   diag) != 0;
	}
	xmlFreeDoc(document);
	if (options->reassess_days > 0)
		failed |= reassess_write(folder, model, resources->report, (int)options->reassess_days,
					 diag) != 0;
	/* Last, so that it lists the reports that were written. */
	failed |= summary_write_team(folder, model, diag) != 0;
	return failed ? -1 : 0;
}
