/* The portfolio's writers: summary.csv, summary.json and index.html, one
 * team at a time, from the teams' descriptions and the portfolio's
 * figures; they compute nothing.  See portfolio.h. */
#include "portfolio.h"

#include "chart.h"
#include "csvout.h"
#include "diag.h"
#include "framework.h"
#include "html.h"
#include "interrupt.h"
#include "outfile.h"
#include "score.h"
#include "summary.h"
#include "xalloc.h"
#include "xmlout.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PORTFOLIO_NAMESPACE "urn:maturity:portfolio:1"

enum {
	PORTFOLIO_JSON_FLAGS = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) | JSON_COMPACT,
	PORTFOLIO_CHUNK = 256,                       /* teams per piece of the page */
	PORTFOLIO_WEAKEST = 3,                       /* domains named weakest in summary.json */
};

/* One member of the top-level object of summary.json, on a line of its
 * own: the key and the value each written by jansson. */
static void
portfolio_json_member(FILE *stream, const char *key, json_t *value, int first)
{
	json_t *name = json_string(key);

	fputs(first ? "{\n  " : ",\n  ", stream);
	json_dumpf(name, stream, JSON_ENCODE_ANY);
	fputs(": ", stream);
	json_dumpf(value, stream, PORTFOLIO_JSON_FLAGS | JSON_ENCODE_ANY);
	json_decref(name);
	json_decref(value);
}

/* The head of summary.json: the portfolio's figures, each a member of
 * the object the team list ends. */
static void
portfolio_json_head(FILE *stream, const struct portfolio *portfolio,
		    const struct framework *framework)
{
	const struct portfolio_figures *figures = portfolio_figures_of(portfolio);
	json_t *stages = json_object(), *median = json_object(), *weak = json_array();

	for (size_t index = 0; index < framework->stage_count; index++)
		json_object_set_new(stages, framework->stages[index].id,
				    json_integer((json_int_t)figures->stages[index]));
	for (size_t index = 0; index < framework->domain_count; index++) {
		size_t weakest = figures->weakest[index];

		json_object_set_new(median, framework->domains[index].id,
				    figures->assessed[index] ? json_real(figures->medians[index])
							     : json_null());
		if (figures->assessed[weakest] && json_array_size(weak) < PORTFOLIO_WEAKEST)
			json_array_append_new(weak, json_string(framework->domains[weakest].id));
	}
	portfolio_json_member(stream, "content", json_string(framework->id), 1);
	portfolio_json_member(stream, "teams", json_integer((json_int_t)figures->teams), 0);
	portfolio_json_member(stream, "stages", stages, 0);
	portfolio_json_member(stream, "median", median, 0);
	portfolio_json_member(stream, "weakest", weak, 0);
	fputs(",\n  \"team_list\": [", stream);
}

/* One team of the list: its description, and where its folder is. */
static void
portfolio_json_team(FILE *stream, const struct summary *summary, const char *link,
		    const struct framework *framework, int first)
{
	json_t *entry = summary_to_json(summary, framework);

	json_object_set_new(entry, "folder", json_string(link));
	fputs(first ? "\n    " : ",\n    ", stream);
	json_dumpf(entry, stream, PORTFOLIO_JSON_FLAGS);
	json_decref(entry);
}

/* summary.csv and summary.json, one team at a time. */
static int
portfolio_write_data(const struct outfile_folder *folder, const struct portfolio *portfolio,
		     const struct framework *framework, struct diag *diag)
{
	size_t count = portfolio_team_count(portfolio);
	struct outfile csv, json;
	int failed = 0;

	if (outfile_open(&csv, folder, "summary.csv", diag) != 0)
		return -1;
	if (outfile_open(&json, folder, "summary.json", diag) != 0) {
		outfile_abort(&csv);
		return -1;
	}
	summary_csv_header(csv.stream, framework);
	csvout_text(csv.stream, "folder", 0);
	csvout_end_row(csv.stream);
	portfolio_json_head(json.stream, portfolio, framework);
	for (size_t index = 0; index < count && !failed; index++) {
		struct summary summary;
		char *link;

		if (interrupt_requested() || portfolio_team(portfolio, index, &summary, &link, diag) != 0) {
			failed = 1;
			break;
		}
		summary_csv_row(csv.stream, &summary, framework);
		csvout_text(csv.stream, link, 0);
		csvout_end_row(csv.stream);
		portfolio_json_team(json.stream, &summary, link, framework, index == 0);
		summary_release(&summary);
		free(link);
	}
	fputs(count > 0 ? "\n  ]\n}\n" : "]\n}\n", json.stream);
	if (failed) {
		outfile_abort(&csv);
		outfile_abort(&json);
		return -1;
	}
	failed |= outfile_commit(&csv, diag) != 0;
	failed |= outfile_commit(&json, diag) != 0;
	return failed ? -1 : 0;
}

/* The id of the stage a score (1.00-4.00) falls in. */
static const char *
portfolio_band(const struct framework *framework, double score)
{
	return framework->stages[framework_stage_for(framework, score)].id;
}

/* The portfolio as XML for the index template, without its teams. */
static xmlDocPtr
portfolio_xml(const struct portfolio *portfolio, const struct framework *framework,
	      const char *generated)
{
	const struct portfolio_figures *figures = portfolio_figures_of(portfolio);
	xmlDocPtr document = xmlout_document(PORTFOLIO_NAMESPACE, "portfolio");
	xmlNodePtr root = xmlDocGetRootElement(document), list;

	xmlout_attribute(root, "generated", generated);
	xmlout_attribute_format(root, "teams", "%zu", figures->teams);
	xmlout_attribute(root, "content", framework->id);
	xmlout_text_element(root, "title", framework->title);
	list = xmlout_element(root, "stages");
	for (size_t index = 0; index < framework->stage_count; index++) {
		xmlNodePtr node = xmlout_text_element(list, "stage", framework->stages[index].label);

		xmlout_attribute(node, "id", framework->stages[index].id);
		xmlout_attribute_format(node, "min", "%.2f", framework->stages[index].minimum);
		xmlout_attribute_format(node, "count", "%zu", figures->stages[index]);
		xmlout_attribute_format(node, "fraction", "%.4f",
					figures->teams ? (double)figures->stages[index] /
								 (double)figures->teams
						       : 0);
	}
	list = xmlout_element(root, "domains");
	for (size_t rank = 0; rank < framework->domain_count; rank++) {
		size_t index = figures->weakest[rank];
		xmlNodePtr node = xmlout_text_element(list, "domain", framework->domains[index].label);

		xmlout_attribute(node, "id", framework->domains[index].id);
		xmlout_attribute_format(node, "number", "%zu", index + 1);
		xmlout_attribute_format(node, "weakest-rank", "%zu", rank + 1);
		xmlout_attribute_format(node, "assessed", "%zu", figures->assessed[index]);
		if (figures->assessed[index] > 0) {
			xmlout_attribute_format(node, "median", "%.2f", figures->medians[index]);
			xmlout_attribute_format(node, "fraction", "%.4f",
						score_fraction(figures->medians[index]));
			xmlout_attribute(node, "band", portfolio_band(framework, figures->medians[index]));
		}
	}
	return document;
}

/* One team under the portfolio element root. */
static void
portfolio_xml_team(xmlNodePtr root, const struct summary *summary, const char *link,
		   const struct framework *framework)
{
	xmlNodePtr node = xmlout_element(root, "team");

	xmlout_attribute(node, "id", summary->team);
	xmlout_attribute(node, "date", summary->date);
	xmlout_attribute(node, "stage", framework->stages[summary->stage].id);
	xmlout_attribute_format(node, "overall", "%.2f", summary->overall);
	xmlout_attribute_format(node, "score10", "%.1f", summary->score10);
	if (summary->has_previous)
		xmlout_attribute_format(node, "change", "%+.2f", summary->change);
	xmlout_attribute(node, "folder", link);
	xmlout_text_element(node, "name", summary->name);
	for (size_t output = 0; output < SUMMARY_OUTPUTS; output++) {
		char *href;

		if (!(summary->files & (1u << output)))
			continue;
		href = xasprintf("%s/%s", link, summary_outputs[output]);
		xmlout_attribute(xmlout_text_element(node, "file", summary_outputs[output]), "href",
				 href);
		free(href);
	}
	for (size_t domain = 0; domain < framework->domain_count; domain++) {
		xmlNodePtr score = xmlout_element(node, "score");

		xmlout_attribute(score, "domain", framework->domains[domain].id);
		if (summary->domains[domain] >= 0) {
			xmlout_attribute_format(score, "value", "%.2f", summary->domains[domain]);
			xmlout_attribute(score, "band", portfolio_band(framework, summary->domains[domain]));
		}
	}
}

/* What the page's rows need. */
struct portfolio_page {
	const struct portfolio *portfolio;
	const struct framework *framework;
	const char *generated;
	struct diag *diag;
};

/* A section of the page's rows: every team, a chunk at a time, each chunk
 * a portfolio document of its own that the template turns into rows. */
static int
portfolio_page_rows(struct html_rows *rows, const char *section, void *context)
{
	const struct portfolio_page *page = context;
	size_t count = portfolio_team_count(page->portfolio);

	(void)section;
	for (size_t start = 0; start < count; start += PORTFOLIO_CHUNK) {
		xmlDocPtr chunk = portfolio_xml(page->portfolio, page->framework, page->generated);
		xmlNodePtr root = xmlDocGetRootElement(chunk);

		for (size_t index = start; index < count && index < start + PORTFOLIO_CHUNK; index++) {
			struct summary summary;
			char *link;

			if (interrupt_requested() ||
			    portfolio_team(page->portfolio, index, &summary, &link, page->diag) != 0) {
				xmlFreeDoc(chunk);
				return -1;
			}
			portfolio_xml_team(root, &summary, link, page->framework);
			summary_release(&summary);
			free(link);
		}
		if (html_rows_write(rows, chunk) != 0)
			return -1;
	}
	return 0;
}

/* index.html: the median radar over the pack's stage thresholds, then the
 * page in parts. */
static int
portfolio_write_page(const struct outfile_folder *folder, const struct portfolio *portfolio,
		     const struct framework *framework, const struct brand *brand,
		     const struct html_template *template, const char *generated,
		     struct diag *diag)
{
	const struct portfolio_figures *figures = portfolio_figures_of(portfolio);
	struct portfolio_page page = { portfolio, framework, generated, diag };
	struct chart_input chart;
	struct chart_series *series;
	char label[96], thresholds[CHART_THRESHOLDS_MAX][96];
	int result;

	snprintf(label, sizeof label, "Portfolio median (%zu teams)", figures->teams);
	chart_input_init(&chart, framework->domain_count);
	chart.stage_count = framework->stage_count;
	for (size_t axis = 0; axis < framework->domain_count; axis++)
		chart.labels[axis] = framework->domains[axis].label;
	series = chart_input_add_series(&chart, CHART_CURRENT, label);
	for (size_t axis = 0; axis < framework->domain_count; axis++)
		series->values[axis] = figures->medians[axis];
	for (size_t stage = 1;
	     stage < framework->stage_count && chart.threshold_count < CHART_THRESHOLDS_MAX; stage++) {
		struct chart_threshold *threshold = &chart.thresholds[chart.threshold_count];

		snprintf(thresholds[chart.threshold_count], sizeof thresholds[0], "%s from %.2f",
			 framework->stages[stage].label, framework->stages[stage].minimum);
		threshold->value = framework->stages[stage].minimum;
		threshold->stage = stage;
		threshold->label = thresholds[chart.threshold_count++];
	}
	result = html_render_rows(folder, "index.html", template,
				  portfolio_xml(portfolio, framework, generated),
				  figures->teams > 0 ? &chart : NULL, framework, brand,
				  portfolio_page_rows, &page, diag);
	chart_input_release(&chart);
	return result;
}

int
portfolio_write(const struct portfolio *portfolio, const struct outfile_folder *folder,
		const struct framework *framework, const struct brand *brand,
		const struct html_template *template, const char *generated, struct diag *diag)
{
	if (portfolio_write_data(folder, portfolio, framework, diag) != 0)
		return -1;
	if (template == NULL)
		return 0;
	return portfolio_write_page(folder, portfolio, framework, brand, template, generated, diag);
}
