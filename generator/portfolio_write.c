/* The portfolio's data writers: summary.csv and summary.json, one team at
 * a time, from the teams' descriptions and the portfolio's figures; they
 * compute nothing (the page is portfolio_page.c's).  See portfolio.h. */
#include "portfolio.h"

#include "csvout.h"
#include "diag.h"
#include "framework.h"
#include "interrupt.h"
#include "outfile.h"
#include "summary.h"
#include "xalloc.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	PORTFOLIO_JSON_FLAGS = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) | JSON_COMPACT,
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

/* Counts by stage id. */
static json_t *
portfolio_json_stages(const size_t *counts, const struct framework *framework)
{
	json_t *stages = json_object();

	for (size_t index = 0; index < framework->stage_count; index++)
		json_object_set_new(stages, framework->stages[index].id,
				    json_integer((json_int_t)counts[index]));
	return stages;
}

/* Each domain's median by id, null where nobody was assessed. */
static json_t *
portfolio_json_medians(const struct portfolio_figures *figures, const struct framework *framework)
{
	json_t *median = json_object();

	for (size_t index = 0; index < framework->domain_count; index++)
		json_object_set_new(median, framework->domains[index].id,
				    figures->assessed[index] ? json_real(figures->medians[index])
							     : json_null());
	return median;
}

static json_t *
portfolio_json_overall(const struct portfolio_figures *figures)
{
	return figures->overall_count > 0 ? json_real(figures->overall_median) : json_null();
}

/* Each unit in path order: its teams, stages and medians. */
static json_t *
portfolio_json_units(const struct portfolio *portfolio, const struct framework *framework)
{
	const struct portfolio_units *units = portfolio_units_of(portfolio);
	json_t *list = json_array();

	for (size_t index = 0; index < portfolio_units_count(units); index++) {
		const struct portfolio_unit *unit = portfolio_units_at(units, index);
		json_t *entry = json_object();

		json_object_set_new(entry, "unit", json_string(unit->path));
		json_object_set_new(entry, "teams", json_integer((json_int_t)unit->figures.teams));
		json_object_set_new(entry, "stages", portfolio_json_stages(unit->figures.stages,
									   framework));
		json_object_set_new(entry, "median_overall", portfolio_json_overall(&unit->figures));
		json_object_set_new(entry, "median", portfolio_json_medians(&unit->figures, framework));
		json_array_append_new(list, entry);
	}
	return list;
}

/* Each quarter, oldest first: its stages and the teams that moved. */
static json_t *
portfolio_json_quarters(const struct portfolio *portfolio, const struct framework *framework)
{
	const struct portfolio_quarters *quarters = portfolio_quarters_of(portfolio);
	json_t *list = json_array();

	for (size_t index = 0; index < quarters->count; index++) {
		const struct portfolio_quarter *quarter = &quarters->quarters[index];
		json_t *entry = json_object();

		json_object_set_new(entry, "quarter", json_string(quarter->label));
		json_object_set_new(entry, "end", json_string(quarter->end));
		json_object_set_new(entry, "teams", json_integer((json_int_t)quarter->teams));
		json_object_set_new(entry, "stages", portfolio_json_stages(quarter->stages, framework));
		json_object_set_new(entry, "up", json_integer((json_int_t)quarter->up));
		json_object_set_new(entry, "down", json_integer((json_int_t)quarter->down));
		json_array_append_new(list, entry);
	}
	return list;
}

/* The teams that changed stage in the last quarter, each read again for
 * its name.  NULL after reporting a team that cannot be. */
static json_t *
portfolio_json_movers(const struct portfolio *portfolio, const struct framework *framework,
		      struct diag *diag)
{
	const struct portfolio_quarters *quarters = portfolio_quarters_of(portfolio);
	json_t *list = json_array();

	for (size_t index = 0; index < quarters->mover_count; index++) {
		const struct portfolio_mover *mover = &quarters->movers[index];
		struct summary summary;
		json_t *entry;
		char *link;

		if (portfolio_team(portfolio, mover->team, &summary, &link, diag) != 0) {
			json_decref(list);
			return NULL;
		}
		entry = json_object();
		json_object_set_new(entry, "team", json_string(summary.team));
		json_object_set_new(entry, "name", json_string(summary.name));
		json_object_set_new(entry, "from", json_string(framework->stages[mover->from].id));
		json_object_set_new(entry, "to", json_string(framework->stages[mover->to].id));
		json_object_set_new(entry, "direction",
				    json_string(mover->to > mover->from ? "up" : "down"));
		json_array_append_new(list, entry);
		summary_release(&summary);
		free(link);
	}
	return list;
}

/* The head of summary.json: the portfolio's figures, each a member of
 * the object the team list ends.  Returns 0, or -1 after reporting. */
static int
portfolio_json_head(FILE *stream, const struct portfolio *portfolio,
		    const struct framework *framework, struct diag *diag)
{
	const struct portfolio_figures *figures = portfolio_figures_of(portfolio);
	json_t *weak = json_array(), *movers = portfolio_json_movers(portfolio, framework, diag);

	if (movers == NULL) {
		json_decref(weak);
		return -1;
	}
	for (size_t index = 0; index < framework->domain_count; index++) {
		size_t weakest = figures->weakest[index];

		if (figures->assessed[weakest] && json_array_size(weak) < PORTFOLIO_WEAKEST)
			json_array_append_new(weak, json_string(framework->domains[weakest].id));
	}
	portfolio_json_member(stream, "content", json_string(framework->id), 1);
	portfolio_json_member(stream, "teams", json_integer((json_int_t)figures->teams), 0);
	portfolio_json_member(stream, "stages", portfolio_json_stages(figures->stages, framework), 0);
	portfolio_json_member(stream, "median_overall", portfolio_json_overall(figures), 0);
	portfolio_json_member(stream, "median", portfolio_json_medians(figures, framework), 0);
	portfolio_json_member(stream, "weakest", weak, 0);
	portfolio_json_member(stream, "units", portfolio_json_units(portfolio, framework), 0);
	portfolio_json_member(stream, "quarters", portfolio_json_quarters(portfolio, framework), 0);
	portfolio_json_member(stream, "movers", movers, 0);
	fputs(",\n  \"team_list\": [", stream);
	return 0;
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
	failed = portfolio_json_head(json.stream, portfolio, framework, diag) != 0;
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

int
portfolio_write(const struct portfolio *portfolio, const struct outfile_folder *folder,
		const struct framework *framework, const struct brand *brand,
		const struct portfolio_page *page, const char *generated, struct diag *diag)
{
	if (portfolio_write_data(folder, portfolio, framework, diag) != 0)
		return -1;
	if (page == NULL)
		return 0;
	return portfolio_page_write(folder, portfolio, framework, brand, page, generated, diag);
}
