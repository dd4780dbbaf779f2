/* index.html, the portfolio page: the portfolio's figures, units and
 * quarters as one XML document for the index template, then its teams a
 * chunk at a time; it computes nothing.  The table-sorting script is
 * loaded with the template, and its SHA-256 goes into the page's
 * content-security policy, so that the page runs that script and no
 * other.  See portfolio.h. */
#include "portfolio.h"

#include "chart.h"
#include "diag.h"
#include "framework.h"
#include "html.h"
#include "infile.h"
#include "interrupt.h"
#include "score.h"
#include "summary.h"
#include "xalloc.h"
#include "xmlout.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PORTFOLIO_NAMESPACE "urn:maturity:portfolio:1"

enum {
	PORTFOLIO_CHUNK = 256,                  /* teams per piece of the page */
	PORTFOLIO_SCRIPT_MAX_BYTES = 64 * 1024, /* index.js */
	PORTFOLIO_SHA256_BYTES = 32,
};

struct portfolio_page {
	struct html_template *template;
	char *script;             /* index.js, as read */
	char *script_hash;        /* "sha256-BASE64", for script-src */
};

/* "sha256-" and the base64 of the SHA-256 of text, as a content-security
 * policy names an inline script. */
static char *
portfolio_page_hash(const char *text, size_t length)
{
	GChecksum *checksum = xlibrary(g_checksum_new(G_CHECKSUM_SHA256));
	guint8 digest[PORTFOLIO_SHA256_BYTES];
	gsize digest_length = sizeof digest;
	gchar *encoded;
	char *hash;

	g_checksum_update(checksum, (const guchar *)text, (gssize)length);
	g_checksum_get_digest(checksum, digest, &digest_length);
	g_checksum_free(checksum);
	encoded = g_base64_encode(digest, digest_length);
	hash = xasprintf("sha256-%s", encoded);
	g_free(encoded);
	return hash;
}

struct portfolio_page *
portfolio_page_load(const char *templates_folder, struct diag *diag)
{
	struct portfolio_page *page = xcalloc(1, sizeof *page);
	char *script_path = xasprintf("%s/index.js", templates_folder);
	size_t length = 0;

	page->template = html_template_load(templates_folder, "index", diag);
	page->script = infile_read(script_path, INFILE_FOLLOW, PORTFOLIO_SCRIPT_MAX_BYTES, &length,
				   diag);
	if (page->script != NULL && strstr(page->script, "</") != NULL) {
		diag_error(diag, script_path, 0, "the script holds \"</\", which would end it early");
		free(page->script);
		page->script = NULL;
	}
	free(script_path);
	if (page->template == NULL || page->script == NULL) {
		portfolio_page_free(page);
		return NULL;
	}
	page->script_hash = portfolio_page_hash(page->script, length);
	return page;
}

void
portfolio_page_free(struct portfolio_page *page)
{
	if (page == NULL)
		return;
	html_template_free(page->template);
	free(page->script);
	free(page->script_hash);
	free(page);
}

/* The id of the stage a score (1.00-4.00) falls in. */
static const char *
portfolio_band(const struct framework *framework, double score)
{
	return framework->stages[framework_stage_for(framework, score)].id;
}

/* The pack's stages under parent: each one's label, its score band
 * (from min, below the next one's min) and counts of teams (NULL: none). */
static void
portfolio_xml_stages(xmlNodePtr parent, const struct framework *framework, const size_t *counts,
		     size_t teams)
{
	xmlNodePtr list = xmlout_element(parent, "stages");

	for (size_t index = 0; index < framework->stage_count; index++) {
		xmlNodePtr node = xmlout_text_element(list, "stage", framework->stages[index].label);

		xmlout_attribute(node, "id", framework->stages[index].id);
		xmlout_attribute_format(node, "number", "%zu", index);
		xmlout_attribute_format(node, "min", "%.2f", framework->stages[index].minimum);
		if (index + 1 < framework->stage_count)
			xmlout_attribute_format(node, "below", "%.2f",
						framework->stages[index + 1].minimum);
		if (counts == NULL)
			continue;
		xmlout_attribute_format(node, "count", "%zu", counts[index]);
		xmlout_attribute_format(node, "fraction", "%.4f",
					teams ? (double)counts[index] / (double)teams : 0);
	}
}

/* A median under parent as element name: its value, band and fraction. */
static void
portfolio_xml_median(xmlNodePtr parent, const char *name, double median,
		     const struct framework *framework)
{
	xmlNodePtr node = xmlout_element(parent, name);

	if (median < 0)
		return;
	xmlout_attribute_format(node, "median", "%.2f", median);
	xmlout_attribute_format(node, "fraction", "%.4f", score_fraction(median));
	xmlout_attribute(node, "band", portfolio_band(framework, median));
}

/* The domains, weakest median first. */
static void
portfolio_xml_domains(xmlNodePtr root, const struct portfolio_figures *figures,
		      const struct framework *framework)
{
	xmlNodePtr list = xmlout_element(root, "domains");

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
}

/* Each unit in path order: its segments, teams, stages and medians. */
static void
portfolio_xml_units(xmlNodePtr root, const struct portfolio *portfolio,
		    const struct framework *framework)
{
	const struct portfolio_units *units = portfolio_units_of(portfolio);
	xmlNodePtr list = xmlout_element(root, "units");

	for (size_t index = 0; index < portfolio_units_count(units); index++) {
		const struct portfolio_unit *unit = portfolio_units_at(units, index);
		const char *last = strrchr(unit->path, '/');
		xmlNodePtr node = xmlout_element(list, "unit");

		xmlout_attribute(node, "path", unit->path);
		xmlout_attribute(node, "name", last != NULL ? last + 1 : unit->path);
		xmlout_attribute_format(node, "depth", "%zu", unit->depth);
		xmlout_attribute_format(node, "number", "%zu", index + 1);
		xmlout_attribute_format(node, "teams", "%zu", unit->figures.teams);
		portfolio_xml_stages(node, framework, unit->figures.stages, unit->figures.teams);
		portfolio_xml_median(node, "overall", unit->figures.overall_median, framework);
		for (size_t domain = 0; domain < framework->domain_count; domain++) {
			xmlNodePtr median = xmlout_element(node, "median");

			xmlout_attribute(median, "domain", framework->domains[domain].id);
			if (unit->figures.assessed[domain] == 0)
				continue;
			xmlout_attribute_format(median, "value", "%.2f", unit->figures.medians[domain]);
			xmlout_attribute(median, "band",
					 portfolio_band(framework, unit->figures.medians[domain]));
		}
	}
}

/* Each quarter, oldest first, with its stages and movements. */
static void
portfolio_xml_quarters(xmlNodePtr root, const struct portfolio *portfolio,
		       const struct framework *framework)
{
	const struct portfolio_quarters *quarters = portfolio_quarters_of(portfolio);
	xmlNodePtr list = xmlout_element(root, "quarters");

	xmlout_attribute_format(list, "movers", "%zu", quarters->mover_count);
	for (size_t index = 0; index < quarters->count; index++) {
		const struct portfolio_quarter *quarter = &quarters->quarters[index];
		xmlNodePtr node = xmlout_element(list, "quarter");

		xmlout_attribute(node, "label", quarter->label);
		xmlout_attribute(node, "end", quarter->end);
		xmlout_attribute_format(node, "teams", "%zu", quarter->teams);
		xmlout_attribute_format(node, "up", "%zu", quarter->up);
		xmlout_attribute_format(node, "down", "%zu", quarter->down);
		portfolio_xml_stages(node, framework, quarter->stages, quarter->teams);
	}
}

/* The portfolio as XML for the index template, without its teams. */
static xmlDocPtr
portfolio_xml(const struct portfolio *portfolio, const struct framework *framework,
	      const struct portfolio_page *page, const char *generated)
{
	const struct portfolio_figures *figures = portfolio_figures_of(portfolio);
	xmlDocPtr document = xmlout_document(PORTFOLIO_NAMESPACE, "portfolio");
	xmlNodePtr root = xmlDocGetRootElement(document);
	const char *first, *last;

	xmlout_attribute(root, "generated", generated);
	xmlout_attribute_format(root, "teams", "%zu", figures->teams);
	xmlout_attribute(root, "content", framework->id);
	if (portfolio_dates(portfolio, &first, &last)) {
		xmlout_attribute(root, "first", first);
		xmlout_attribute(root, "last", last);
	}
	xmlout_text_element(root, "title", framework->title);
	xmlout_attribute(xmlout_text_element(root, "script", page->script), "hash",
			 page->script_hash);
	portfolio_xml_stages(root, framework, figures->stages, figures->teams);
	portfolio_xml_median(root, "overall", figures->overall_median, framework);
	portfolio_xml_domains(root, figures, framework);
	portfolio_xml_units(root, portfolio, framework);
	portfolio_xml_quarters(root, portfolio, framework);
	return document;
}

/* A piece of rows: the stages (for their labels) and what is added. */
static xmlDocPtr
portfolio_xml_chunk(const struct framework *framework)
{
	xmlDocPtr document = xmlout_document(PORTFOLIO_NAMESPACE, "portfolio");

	portfolio_xml_stages(xmlDocGetRootElement(document), framework, NULL, 0);
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
	xmlout_attribute_format(node, "stage-number", "%zu", summary->stage);
	xmlout_attribute(node, "overall-band", portfolio_band(framework, summary->overall));
	xmlout_attribute_format(node, "overall", "%.2f", summary->overall);
	xmlout_attribute_format(node, "score10", "%.1f", summary->score10);
	if (summary->has_previous)
		xmlout_attribute_format(node, "change", "%+.2f", summary->change);
	xmlout_attribute(node, "unit", summary->unit);
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

/* One mover under root: the team, where it went from and to. */
static void
portfolio_xml_mover(xmlNodePtr root, const struct portfolio_mover *mover,
		    const struct summary *summary, const char *link,
		    const struct framework *framework)
{
	xmlNodePtr node = xmlout_text_element(root, "mover", summary->name);

	xmlout_attribute(node, "id", summary->team);
	xmlout_attribute(node, "folder", link);
	xmlout_attribute(node, "from", framework->stages[mover->from].id);
	xmlout_attribute(node, "to", framework->stages[mover->to].id);
	xmlout_attribute(node, "direction", mover->to > mover->from ? "up" : "down");
}

/* What the page's rows need. */
struct portfolio_rows {
	const struct portfolio *portfolio;
	const struct framework *framework;
	struct diag *diag;
};

/* The rows of count items (teams, or movers when movers), a chunk at a
 * time, each chunk a document of its own the template turns into rows. */
static int
portfolio_page_rows(struct html_rows *rows, const char *section, void *context)
{
	const struct portfolio_rows *page = context;
	const struct portfolio_quarters *quarters = portfolio_quarters_of(page->portfolio);
	int movers = strcmp(section, "movers") == 0;
	size_t count = movers ? quarters->mover_count : portfolio_team_count(page->portfolio);

	for (size_t start = 0; start < count; start += PORTFOLIO_CHUNK) {
		xmlDocPtr chunk = portfolio_xml_chunk(page->framework);
		xmlNodePtr root = xmlDocGetRootElement(chunk);

		for (size_t index = start; index < count && index < start + PORTFOLIO_CHUNK; index++) {
			size_t team = movers ? quarters->movers[index].team : index;
			struct summary summary;
			char *link;

			if (interrupt_requested() ||
			    portfolio_team(page->portfolio, team, &summary, &link, page->diag) != 0) {
				xmlFreeDoc(chunk);
				return -1;
			}
			if (movers)
				portfolio_xml_mover(root, &quarters->movers[index], &summary, link,
						    page->framework);
			else
				portfolio_xml_team(root, &summary, link, page->framework);
			summary_release(&summary);
			free(link);
		}
		if (html_rows_write(rows, chunk) != 0)
			return -1;
	}
	return 0;
}

int
portfolio_page_write(const struct outfile_folder *folder, const struct portfolio *portfolio,
		     const struct framework *framework, const struct brand *brand,
		     const struct portfolio_page *page, const char *generated, struct diag *diag)
{
	const struct portfolio_figures *figures = portfolio_figures_of(portfolio);
	struct portfolio_rows rows = { portfolio, framework, diag };
	struct chart_input chart;
	struct chart_series *series;
	char label[96], thresholds[CHART_THRESHOLDS_MAX][96];
	int result;

	/* The median radar over the pack's stage thresholds. */
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
	result = html_render_rows(folder, "index.html", page->template,
				  portfolio_xml(portfolio, framework, page, generated),
				  figures->teams > 0 ? &chart : NULL, framework, brand,
				  portfolio_page_rows, &rows, diag);
	chart_input_release(&chart);
	return result;
}
