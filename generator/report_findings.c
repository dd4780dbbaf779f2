/* The report's findings: the executive summary, the strengths, the radar
 * chart with its table, and the domain breakdown. */
#include "answers.h"
#include "framework.h"
#include "model.h"
#include "report_parts.h"
#include "xalloc.h"
#include "xmlout.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

/* Whom the advice is written for: the profile's fits by name. */
static void
report_fitted(struct report_context *context, xmlNodePtr paragraph)
{
	const struct model *model = context->model;
	const char **names;
	xmlNodePtr fragment;

	if (model->fit_count == 0) {
		if (model->profile_count == 0)
			report_say(context, paragraph, "summary.general", REPORT_NONE);
		return;
	}
	names = xcalloc(model->fit_count, sizeof *names);
	fragment = report_fragment(context);
	for (size_t index = 0; index < model->fit_count; index++)
		names[index] = model->fits[index]->name;
	report_join(context, fragment, names, model->fit_count, 0);
	report_say(context, paragraph, "summary.fitted",
		   REPORT_ARGUMENTS(REPORT_NODES("profile", fragment->children)));
	xmlFreeNode(fragment);
	free(names);
}

/* The verdict: the stage chip, its tagline and where the team stands. */
static void
report_verdict(struct report_context *context, xmlNodePtr section)
{
	const struct model *model = context->model;
	const struct framework *framework = context->framework;
	const struct framework_stage *stage = &framework->stages[model->stage];
	xmlNodePtr group = report_block(section, "group", "verdict");
	xmlNodePtr paragraph;
	char score10[REPORT_NUMBER], overall[REPORT_NUMBER], number[REPORT_NUMBER],
		count[REPORT_NUMBER], points[REPORT_NUMBER], minimum[REPORT_NUMBER];

	xmlout_attribute(report_chip(context, group, model->stage), "size", "large");
	xmlout_text_element(report_block(group, "p", "tagline"), "em", stage->tagline);
	report_score10(score10, model->display);
	report_score(overall, model->overall);
	snprintf(number, sizeof number, "%zu", model->stage + 1);
	snprintf(count, sizeof count, "%zu", framework->stage_count);
	paragraph = report_paragraph(
		context, group, "lead", "summary.verdict",
		REPORT_ARGUMENTS(REPORT_TEXT("team", context->answers->name),
				 REPORT_TEXT("stage", stage->label), REPORT_TEXT("number", number),
				 REPORT_TEXT("count", count), REPORT_TEXT("model", framework->title),
				 REPORT_TEXT("score10", score10), REPORT_TEXT("overall", overall)));
	xmlout_text(paragraph, " ");
	if (model->has_next_stage) {
		report_score(points, model->to_next_stage);
		report_score(minimum, framework->stages[model->next_stage].minimum);
		report_say(context, paragraph, "summary.to-next",
			   REPORT_ARGUMENTS(REPORT_TEXT("points", points),
					    REPORT_TEXT("next",
							framework->stages[model->next_stage].label),
					    REPORT_TEXT("minimum", minimum)));
	} else {
		report_say(context, paragraph, "summary.top",
			   REPORT_ARGUMENTS(REPORT_TEXT("stage", stage->label)));
	}
	xmlout_text(paragraph, " ");
	report_fitted(context, paragraph);
}

/* One key figure: a label, a value (text, or a chip when stage >= 0), a
 * unit and a note. */
static xmlNodePtr
report_tile(struct report_context *context, xmlNodePtr tiles, const char *label_id,
	    const char *value, long stage, const char *unit_id, const char *note_id,
	    const struct catalogue_argument *note_arguments)
{
	xmlNodePtr tile = xmlout_element(tiles, "tile");

	report_say(context, xmlout_element(tile, "label"), label_id, REPORT_NONE);
	if (stage >= 0)
		report_chip(context, xmlout_element(tile, "value"), (size_t)stage);
	else
		xmlout_text_element(tile, "value", value);
	if (unit_id != NULL)
		report_say(context, xmlout_element(tile, "unit"), unit_id, REPORT_NONE);
	report_say(context, xmlout_element(tile, "note"), note_id, note_arguments);
	return tile;
}

static void
report_summary_tiles(struct report_context *context, xmlNodePtr section)
{
	const struct model *model = context->model;
	const struct framework *framework = context->framework;
	xmlNodePtr tiles = xmlout_element(section, "tiles");
	char score10[REPORT_NUMBER], overall[REPORT_NUMBER], minimum[REPORT_NUMBER],
		points[REPORT_NUMBER], respondents[REPORT_NUMBER];
	size_t count = context->answers->respondent_count;

	report_score10(score10, model->display);
	report_score(overall, model->overall);
	report_score(minimum, framework->stages[model->stage].minimum);
	report_tile(context, tiles, "figure.overall", score10, -1, "unit.ten", "figure.out-of-four",
		    REPORT_ARGUMENTS(REPORT_TEXT("overall", overall)));
	report_tile(context, tiles, "figure.stage", NULL, (long)model->stage, NULL,
		    "figure.stage-from", REPORT_ARGUMENTS(REPORT_TEXT("minimum", minimum)));
	if (model->has_next_stage) {
		report_score(points, model->to_next_stage);
		report_tile(context, tiles, "figure.next-stage",
			    framework->stages[model->next_stage].label, -1, NULL,
			    "figure.points-to-go", REPORT_ARGUMENTS(REPORT_TEXT("points", points)));
	} else {
		report_tile(context, tiles, "figure.next-stage", "\u2014", -1, NULL,
			    "figure.highest-stage", REPORT_NONE);
	}
	snprintf(respondents, sizeof respondents, "%zu", count);
	report_tile(context, tiles, "figure.respondents", respondents, -1, NULL,
		    "figure.people-answered", REPORT_ARGUMENTS(REPORT_COUNT("count", respondents, count)));
}

/* "X, at 2.78." or "X and Y tie ..., at 2.78.": one end of the profile. */
static void
report_profile_end(struct report_context *context, xmlNodePtr parent, const size_t *domains,
		   size_t count, const char *single_id, const char *tie_id)
{
	const char **names = xcalloc(count, sizeof *names);
	xmlNodePtr fragment = report_fragment(context);
	char score[REPORT_NUMBER];

	for (size_t index = 0; index < count; index++)
		names[index] = context->framework->domains[domains[index]].label;
	report_join(context, fragment, names, count, 1);
	report_score(score, context->model->domains[domains[0]].score);
	report_say(context, parent, count > 1 ? tie_id : single_id,
		   REPORT_ARGUMENTS(REPORT_NODES("domains", fragment->children),
				    REPORT_TEXT("score", score)));
	xmlFreeNode(fragment);
	free(names);
}

/* How the domains compare: uneven (naming the strongest and weakest, ties
 * as ties) or even, and which domains nobody answered. */
static void
report_profile_finding(struct report_context *context, xmlNodePtr findings)
{
	const struct model *model = context->model;
	xmlNodePtr finding = report_block(findings, "group", "finding"), paragraph;
	char limit[REPORT_NUMBER];

	report_heading(context, finding, 3, "summary.profile", REPORT_NONE);
	if (model->assessed_count > 0 && model->uneven) {
		paragraph = report_block(finding, "p", NULL);
		report_profile_end(context, paragraph, model->ranking, model->strongest_count,
				   "summary.strongest", "summary.strongest-tie");
		xmlout_text(paragraph, " ");
		report_profile_end(context, paragraph,
				   model->ranking + model->assessed_count - model->weakest_count,
				   model->weakest_count, "summary.weakest", "summary.weakest-tie");
		xmlout_text(paragraph, " ");
		report_say(context, paragraph, "summary.weakest-first", REPORT_NONE);
	} else {
		snprintf(limit, sizeof limit, "%.1f", MODEL_UNEVEN);
		report_paragraph(context, finding, NULL, "summary.even",
				 REPORT_ARGUMENTS(REPORT_TEXT("limit", limit)));
	}
	if (model->assessed_count < model->domain_count) {
		size_t missing = model->domain_count - model->assessed_count, count = 0;
		const char **names = xcalloc(missing, sizeof *names);
		xmlNodePtr fragment = report_fragment(context);
		char assessed[REPORT_NUMBER], total[REPORT_NUMBER];

		for (size_t index = 0; index < model->domain_count; index++)
			if (!model->domains[index].assessed)
				names[count++] = context->framework->domains[index].label;
		report_join(context, fragment, names, count, 1);
		snprintf(assessed, sizeof assessed, "%zu", model->assessed_count);
		snprintf(total, sizeof total, "%zu", model->domain_count);
		report_paragraph(context, finding, "note", "summary.not-assessed",
				 REPORT_ARGUMENTS(REPORT_TEXT("assessed", assessed),
						  REPORT_TEXT("total", total),
						  REPORT_NODES("domains", fragment->children),
						  REPORT_COUNT("missing", NULL, missing)));
		xmlFreeNode(fragment);
		free(names);
	}
}

/* Whether the respondents share one picture, and where they do not. */
static void
report_agreement_finding(struct report_context *context, xmlNodePtr findings)
{
	const struct model *model = context->model;
	size_t respondents = context->answers->respondent_count;
	xmlNodePtr finding = report_block(findings, "group", "finding"), list;
	char limit[REPORT_NUMBER], count[REPORT_NUMBER];

	snprintf(limit, sizeof limit, "%.1f", MODEL_DISAGREEMENT);
	snprintf(count, sizeof count, "%zu", respondents);
	if (model->disagreement_count == 0) {
		report_heading(context, finding, 3, "summary.agreement", REPORT_NONE);
		report_paragraph(context, finding, NULL,
				 respondents > 1 ? "summary.agree" : "summary.one-respondent",
				 REPORT_ARGUMENTS(REPORT_TEXT("count", count),
						  REPORT_TEXT("limit", limit)));
		return;
	}
	report_heading(context, finding, 3, "summary.disagreement", REPORT_NONE);
	report_paragraph(context, finding, NULL, "summary.disagree",
			 REPORT_ARGUMENTS(REPORT_TEXT("limit", limit)));
	list = report_block(finding, "list", NULL);
	xmlout_attribute(list, "style", "bullet");
	for (size_t index = 0; index < model->disagreement_count; index++) {
		size_t domain = model->disagreements[index];
		xmlNodePtr paragraph = report_block(xmlout_element(list, "item"), "p", NULL);
		char spread[REPORT_NUMBER];

		report_score(spread, model->domains[domain].spread);
		report_say(context, xmlout_element(paragraph, "flag"), "flag.not-aligned",
			   REPORT_NONE);
		xmlout_text(paragraph, " ");
		report_say(context, paragraph, "summary.disagreement-item",
			   REPORT_ARGUMENTS(REPORT_TEXT("domain",
							context->framework->domains[domain].label),
					    REPORT_TEXT("spread", spread)));
	}
}

/* The domains that fell since the previous assessment, and the actions
 * the roadmap gives them. */
static void
report_regressions(struct report_context *context, xmlNodePtr finding)
{
	const struct model *model = context->model;
	const struct roadmap *roadmap = &model->roadmap;
	xmlNodePtr list;
	char limit[REPORT_NUMBER], count[REPORT_NUMBER], actions_text[REPORT_NUMBER];
	size_t actions = 0;

	snprintf(limit, sizeof limit, "%.2f", ROADMAP_REGRESSION);
	snprintf(count, sizeof count, "%zu", model->regression_count);
	report_paragraph(context, finding, NULL, "summary.regressions",
			 REPORT_ARGUMENTS(REPORT_COUNT("count", count, model->regression_count),
					  REPORT_TEXT("limit", limit)));
	list = report_list(finding, NULL);
	for (size_t index = 0; index < model->regression_count; index++) {
		const struct model_domain *domain = &model->domains[model->regressions[index]];
		xmlNodePtr paragraph = report_item(list);
		char previous[REPORT_NUMBER], score[REPORT_NUMBER];

		report_score(previous, domain->previous);
		report_score(score, domain->score);
		report_change(context, paragraph, domain->change);
		xmlout_text(paragraph, " ");
		report_say(context, paragraph, "summary.regression-item",
			   REPORT_ARGUMENTS(REPORT_TEXT("domain",
							context->framework->domains[domain->domain].label),
					    REPORT_TEXT("previous", previous),
					    REPORT_TEXT("score", score)));
	}
	for (size_t index = 0; index < roadmap->action_count; index++)
		actions += roadmap->actions[index].source == ROADMAP_FROM_REGRESSION;
	snprintf(actions_text, sizeof actions_text, "%zu", actions);
	if (actions > 0)
		report_paragraph(context, finding, "note",
				 actions == model->regression_count ? "summary.regression-actions-all"
								    : "summary.regression-actions-some",
				 REPORT_ARGUMENTS(REPORT_COUNT("count", count, model->regression_count),
						  REPORT_TEXT("actions", actions_text)));
}

/* The change since the previous assessment: overall, the stage, and the
 * domains that fell. */
static void
report_change_finding(struct report_context *context, xmlNodePtr findings)
{
	const struct model *model = context->model;
	const struct framework *framework = context->framework;
	xmlNodePtr finding = report_block(findings, "group", "finding"), figure;
	char previous[REPORT_NUMBER], *date = report_date(context, model->previous->date);

	report_heading(context, finding, 3, "summary.change", REPORT_NONE);
	figure = report_block(finding, "p", "figure");
	report_change(context, figure, model->overall_change);
	xmlout_text(figure, " ");
	report_say(context, figure, model->has_first ? "summary.change-since-last"
						     : "summary.change-overall",
		   REPORT_NONE);
	if (model->has_first) {
		char *first = report_date(context, model->history[0].date);

		figure = report_block(finding, "p", "figure");
		report_change(context, figure, model->first_change);
		xmlout_text(figure, " ");
		report_say(context, figure, "summary.change-since-first",
			   REPORT_ARGUMENTS(REPORT_TEXT("date", first)));
		free(first);
	}
	report_score(previous, model->previous_overall);
	report_paragraph(context, finding, NULL,
			 model->previous_stage == model->stage ? "summary.change-same-stage"
			 : model->previous_stage > model->stage ? "summary.change-fell-stage"
								 : "summary.change-new-stage",
			 REPORT_ARGUMENTS(REPORT_TEXT("date", date), REPORT_TEXT("previous", previous),
					  REPORT_TEXT("previous-stage",
						      framework->stages[model->previous_stage].label),
					  REPORT_TEXT("stage", framework->stages[model->stage].label)));
	if (model->regression_count > 0)
		report_regressions(context, finding);
	free(date);
}

/* How the team's profile changed the advice: each fit's line, and how
 * many actions it left out. */
static void
report_fit_finding(struct report_context *context, xmlNodePtr findings)
{
	const struct model *model = context->model;
	size_t left_out = model->roadmap.omission_count;
	xmlNodePtr finding = report_block(findings, "group", "finding"), list;
	char count[REPORT_NUMBER];

	report_heading(context, finding, 3, "summary.fit", REPORT_NONE);
	if (model->fit_count == 0) {
		report_paragraph(context, finding, NULL,
				 model->profile_count == 0 ? "summary.fit-no-profile" : "summary.fit-none",
				 REPORT_NONE);
		return;
	}
	report_paragraph(context, finding, NULL, "summary.fit-intro", REPORT_NONE);
	list = report_list(finding, NULL);
	for (size_t index = 0; index < model->fit_count; index++)
		xmlout_text(report_item(list), model->fits[index]->why);
	snprintf(count, sizeof count, "%zu", left_out);
	if (left_out > 0)
		report_paragraph(context, finding, "note", "summary.left-out",
				 REPORT_ARGUMENTS(REPORT_COUNT("count", count, left_out)));
}

/* A scored row: label, score out of 4, a bar, and notes. */
static xmlNodePtr
report_meter(struct report_context *context, xmlNodePtr parent, const char *label,
	     const char *description, int assessed, double score, double fraction)
{
	xmlNodePtr meter = xmlout_element(parent, "meter");
	char text[REPORT_NUMBER];

	xmlout_text_element(meter, "label", label);
	if (assessed) {
		report_score(text, score);
		xmlout_attribute_format(meter, "fraction", "%.4f", fraction);
		xmlout_text_element(meter, "value", text);
		report_say(context, xmlout_element(meter, "unit"), "unit.four", REPORT_NONE);
	} else {
		report_say(context, report_block(meter, "value", "muted"), "domain.not-assessed",
			   REPORT_NONE);
	}
	xmlout_text_element(meter, "description", description);
	return meter;
}

static void
report_charters_finding(struct report_context *context, xmlNodePtr findings)
{
	const struct model *model = context->model;
	xmlNodePtr finding = report_block(findings, "group", "finding");

	report_heading(context, finding, 3, "summary.charters", REPORT_NONE);
	report_paragraph(context, finding, "small", "summary.charters-intro", REPORT_NONE);
	for (size_t index = 0; index < model->charter_count; index++) {
		const struct model_charter *charter = &model->charters[index];
		const struct framework_charter *definition =
			&context->framework->charters[charter->charter];

		report_meter(context, finding, definition->label, definition->description,
			     charter->assessed, charter->score, charter->fraction);
	}
}

void
report_summary(struct report_context *context, xmlNodePtr section)
{
	const struct model *model = context->model;
	xmlNodePtr findings;

	report_verdict(context, section);
	report_summary_tiles(context, section);
	findings = report_block(section, "group", "findings");
	report_profile_finding(context, findings);
	report_agreement_finding(context, findings);
	if (model->has_previous)
		report_change_finding(context, findings);
	report_fit_finding(context, findings);
	if (model->charter_count > 0)
		report_charters_finding(context, findings);
}

/* The strongest practices, one per domain, and why each matters. */
void
report_strengths(struct report_context *context, xmlNodePtr section)
{
	const struct model *model = context->model;
	const struct framework *framework = context->framework;
	xmlNodePtr list;

	report_paragraph(context, section, "intro", "strengths.intro", REPORT_NONE);
	list = report_block(section, "list", "strengths");
	xmlout_attribute(list, "style", "plain");
	xmlout_attribute(list, "columns", "2");
	for (size_t index = 0; index < model->strength_count; index++) {
		const struct model_strength *strength = &model->strengths[index];
		const struct framework_option *option =
			&framework->questions[strength->question].options[strength->option - 1];
		xmlNodePtr item = xmlout_element(list, "item");
		char level[REPORT_NUMBER];

		snprintf(level, sizeof level, "%d", strength->option);
		report_paragraph(context, item, "eyebrow", "strengths.eyebrow",
				 REPORT_ARGUMENTS(REPORT_TEXT("domain",
							      framework->domains[strength->domain].label),
						  REPORT_TEXT("level", level)));
		xmlout_text(report_block(item, "p", NULL),
			    option->strength != NULL ? option->strength : option->insight);
	}
}

/* One outline of the chart: its kind, legend and a value per domain (< 0
 * where there is none). */
static void
report_series(struct report_context *context, xmlNodePtr chart, const char *kind,
	      const char *legend_id, const char *date, const double *scores)
{
	xmlNodePtr series = xmlout_element(chart, "series");
	char *day = date != NULL ? report_date(context, date) : NULL;
	GString *values = g_string_new(NULL);

	for (size_t axis = 0; axis < context->model->domain_count; axis++) {
		char score[REPORT_NUMBER];

		report_score(score, scores[axis]);
		g_string_append_printf(values, "%s%s", axis ? " " : "", scores[axis] >= 0 ? score : "-");
	}
	xmlout_attribute(series, "kind", kind);
	report_attribute(context, series, "label", legend_id,
			 REPORT_ARGUMENTS(REPORT_TEXT("date", day)));
	xmlout_attribute(series, "values", values->str);
	g_string_free(values, TRUE);
	free(day);
}

/* The radar chart's data: one axis per domain; this assessment and the
 * ones before it, MODEL_RADAR_ASSESSMENTS in all, the newest first; the
 * portfolio median; the stage thresholds. */
static void
report_chart(struct report_context *context, xmlNodePtr section)
{
	static const char *const earlier_ids[] = { "chart.previous", "chart.earlier" };
	const struct model *model = context->model;
	const struct framework *framework = context->framework;
	xmlNodePtr chart = xmlout_element(section, "chart");
	GString *description = g_string_new(NULL);
	double *current = xcalloc(model->domain_count ? model->domain_count : 1, sizeof *current);
	double *benchmark = xcalloc(model->domain_count ? model->domain_count : 1, sizeof *benchmark);
	double *target = xcalloc(model->domain_count ? model->domain_count : 1, sizeof *target);
	int any_benchmark = 0;

	xmlout_attribute(chart, "kind", "radar");
	xmlout_attribute_format(chart, "stages", "%zu", framework->stage_count);
	report_attribute(context, chart, "missing", "chart.missing", REPORT_NONE);
	report_append(context, description, "chart.description", REPORT_NONE);
	for (size_t axis = 0; axis < model->domain_count; axis++) {
		const struct model_domain *domain = &model->domains[axis];
		char score[REPORT_NUMBER];

		xmlout_attribute(xmlout_element(chart, "axis"), "label",
				 framework->domains[axis].label);
		current[axis] = domain->assessed ? domain->score : -1;
		benchmark[axis] = domain->has_benchmark ? domain->benchmark : -1;
		target[axis] = domain->has_target ? domain->target : -1;
		any_benchmark |= domain->has_benchmark;
		report_score(score, domain->score);
		report_append(context, description,
			      domain->assessed ? "chart.axis" : "chart.axis-missing",
			      REPORT_ARGUMENTS(REPORT_TEXT("domain", framework->domains[axis].label),
					       REPORT_TEXT("score", score)));
	}
	xmlout_attribute(chart, "description", description->str);
	report_series(context, chart, "current", "chart.current", context->answers->date, current);
	for (size_t back = 1; back < MODEL_RADAR_ASSESSMENTS && back < model->history_count; back++) {
		const struct model_assessment *point = &model->history[model->history_count - 1 - back];

		report_series(context, chart, "previous", earlier_ids[back > 1], point->date,
			      point->domains);
	}
	if (model->target_count > 0)
		report_series(context, chart, "target", "chart.target", NULL, target);
	if (any_benchmark)
		report_series(context, chart, "benchmark", "chart.benchmark", NULL, benchmark);
	report_thresholds(context, chart);
	free(current);
	free(benchmark);
	free(target);
	g_string_free(description, TRUE);
}

/* A cell aligned to the end holding a change, or "none" muted. */
static void
report_change_cell(struct report_context *context, xmlNodePtr row, int present, double change)
{
	xmlNodePtr cell = xmlout_element(row, "cell");

	xmlout_attribute(cell, "align", "end");
	if (present) {
		report_change(context, cell, change);
	} else {
		xmlout_attribute(cell, "role", "muted");
		report_say(context, cell, "table.none", REPORT_NONE);
	}
}

/* The table beside the chart: each domain's score and band; with an
 * earlier assessment its previous score and change, and with two or more
 * its change since the first. */
static void
report_domain_table(struct report_context *context, xmlNodePtr section)
{
	const struct model *model = context->model;
	const struct framework *framework = context->framework;
	xmlNodePtr table = xmlout_element(section, "table"), row;
	static const char *const headings[] = { "table.domain", "table.score", "table.band",
						"table.previous", "table.change", "table.since-first" };
	size_t columns = model->has_first ? 6 : model->has_previous ? 5 : 3;

	report_say(context, xmlout_element(table, "caption"), "table.domains-caption", REPORT_NONE);
	row = report_block(table, "row", "head");
	for (size_t column = 0; column < columns; column++) {
		xmlNodePtr cell = xmlout_element(row, "cell");

		if (column == 1 || column >= 3)
			xmlout_attribute(cell, "align", "end");
		report_say(context, cell, headings[column], REPORT_NONE);
	}
	for (size_t rank = 0; rank < model->domain_count; rank++) {
		const struct model_domain *domain = &model->domains[model->ranking[rank]];
		xmlNodePtr cell;
		char text[REPORT_NUMBER];

		row = xmlout_element(table, "row");
		cell = report_block(row, "cell", "header");
		xmlout_text(cell, framework->domains[domain->domain].label);
		cell = xmlout_element(row, "cell");
		xmlout_attribute(cell, "align", "end");
		if (domain->assessed) {
			report_score(text, domain->score);
			xmlout_text(cell, text);
			report_chip(context, xmlout_element(row, "cell"), domain->band);
		} else {
			xmlout_attribute(cell, "role", "muted");
			report_say(context, cell, "domain.not-assessed", REPORT_NONE);
			report_say(context, report_block(row, "cell", "muted"), "table.none",
				   REPORT_NONE);
		}
		if (!model->has_previous)
			continue;
		cell = xmlout_element(row, "cell");
		xmlout_attribute(cell, "align", "end");
		if (domain->assessed && domain->has_previous) {
			report_score(text, domain->previous);
			xmlout_text(cell, text);
		} else {
			xmlout_attribute(cell, "role", "muted");
			report_say(context, cell, "table.none", REPORT_NONE);
		}
		report_change_cell(context, row, domain->has_previous, domain->change);
		if (model->has_first)
			report_change_cell(context, row, domain->has_first, domain->first_change);
	}
}

/* The radar chart, what it shows, and the same figures as a table. */
void
report_profile(struct report_context *context, xmlNodePtr section)
{
	const struct model *model = context->model;

	/* What the outlines are, each in a paragraph of its own: the first is
	 * the same for every team. */
	report_paragraph(context, section, "intro", "profile.intro", REPORT_NONE);
	if (model->history_count > 2 && MODEL_RADAR_ASSESSMENTS > 2) {
		char *date = report_date(context, model->previous->date);
		char *earlier = report_date(context, model->history[model->history_count - 3].date);

		report_paragraph(context, section, "intro", "profile.previous-two",
				 REPORT_ARGUMENTS(REPORT_TEXT("date", date),
						  REPORT_TEXT("earlier", earlier)));
		free(date);
		free(earlier);
	} else if (model->has_previous) {
		char *date = report_date(context, model->previous->date);

		report_paragraph(context, section, "intro", "profile.previous",
				 REPORT_ARGUMENTS(REPORT_TEXT("date", date)));
		free(date);
	}
	if (model->target_count > 0)
		report_paragraph(context, section, "intro", "profile.target", REPORT_NONE);
	for (size_t index = 0; index < model->domain_count; index++)
		if (model->domains[index].has_benchmark) {
			report_paragraph(context, section, "intro", "profile.benchmark", REPORT_NONE);
			break;
		}
	report_chart(context, section);
	report_domain_table(context, section);
}

/* A note of change: the change, then message id with the date of the
 * assessment it is counted from and the score then (as placeholder). */
static void
report_domain_since(struct report_context *context, xmlNodePtr meter, double change,
		    const char *id, const char *placeholder, const char *iso, double then)
{
	xmlNodePtr note = xmlout_element(meter, "note");
	char *date = report_date(context, iso), score[REPORT_NUMBER];

	report_change(context, note, change);
	xmlout_text(note, " ");
	report_score(score, then);
	report_say(context, note, id,
		   REPORT_ARGUMENTS(REPORT_TEXT("date", date), REPORT_TEXT(placeholder, score)));
	free(date);
}

/* The notes under a domain's bar: its changes, the respondents' spread,
 * its target, its place in the portfolio. */
static void
report_domain_notes(struct report_context *context, xmlNodePtr meter,
		    const struct model_domain *domain)
{
	const struct model *model = context->model;
	char text[REPORT_NUMBER];
	xmlNodePtr note;

	if (domain->has_previous)
		report_domain_since(context, meter, domain->change, "domain.since", "previous",
				    model->previous->date, domain->previous);
	if (domain->has_first)
		report_domain_since(context, meter, domain->first_change, "domain.since-first", "first",
				    model->history[0].date, domain->first);
	if (context->answers->respondent_count > 1) {
		note = xmlout_element(meter, "note");
		report_score(text, domain->spread);
		report_say(context, note, "domain.spread",
			   REPORT_ARGUMENTS(REPORT_TEXT("spread", text)));
		if (domain->disagreement) {
			xmlout_text(note, " ");
			report_say(context, xmlout_element(note, "flag"), "flag.not-aligned",
				   REPORT_NONE);
		}
	}
	if (domain->has_target) {
		char target[REPORT_NUMBER];

		report_score(target, domain->target);
		report_score(text, domain->gap);
		report_say(context, xmlout_element(meter, "note"),
			   domain->gap > 0 ? "domain.target-gap" : "domain.target-met",
			   REPORT_ARGUMENTS(REPORT_TEXT("target", target), REPORT_TEXT("gap", text)));
	}
	if (domain->percentile >= 0) {
		snprintf(text, sizeof text, "%.0f", domain->percentile);
		report_say(context, xmlout_element(meter, "note"), "domain.percentile",
			   REPORT_ARGUMENTS(REPORT_TEXT("percentile", text)));
	}
}

/* Where the targets come from: each source that gives one. */
static void
report_targets_source(struct report_context *context, xmlNodePtr section)
{
	static const char *const ids[] = { NULL, "targets.stage", "targets.file", "targets.answers" };
	const struct model *model = context->model;
	const struct framework_stage *stage = NULL;
	int used[4] = { 0 };
	char *names[3];
	size_t count = 0;
	char minimum[REPORT_NUMBER];
	xmlNodePtr fragment = report_fragment(context);

	for (size_t index = 0; index < model->domain_count; index++)
		if (model->domains[index].has_target) {
			used[model->domains[index].target_source] = 1;
			if (model->domains[index].target_source == DOMAIN_TARGET_STAGE)
				stage = &context->framework->stages[framework_stage_for(
					context->framework, model->domains[index].target)];
		}
	report_score(minimum, stage != NULL ? stage->minimum : 0);
	for (int source = DOMAIN_TARGET_ANSWERS; source > DOMAIN_TARGET_NONE; source--)
		if (used[source])
			names[count++] = report_string(
				context, ids[source],
				REPORT_ARGUMENTS(REPORT_TEXT("stage", stage != NULL ? stage->label : ""),
						 REPORT_TEXT("minimum", minimum)));
	report_join(context, fragment, (const char *const *)names, count, 0);
	report_paragraph(context, section, "intro", "domains.targets",
			 REPORT_ARGUMENTS(REPORT_NODES("sources", fragment->children)));
	xmlFreeNode(fragment);
	for (size_t index = 0; index < count; index++)
		free(names[index]);
}

/* Every domain from strongest to weakest: score, bar, band and notes. */
void
report_domains(struct report_context *context, xmlNodePtr section)
{
	const struct model *model = context->model;
	const struct framework *framework = context->framework;
	const char **names = xcalloc(framework->stage_count, sizeof *names);
	xmlNodePtr fragment = report_fragment(context);

	for (size_t stage = 1; stage < framework->stage_count; stage++)
		names[stage - 1] = framework->stages[stage].label;
	report_join(context, fragment, names, framework->stage_count - 1, 0);
	report_paragraph(context, section, "intro", "domains.intro",
			 REPORT_ARGUMENTS(REPORT_NODES("stages", fragment->children)));
	xmlFreeNode(fragment);
	free(names);
	if (model->target_count > 0)
		report_targets_source(context, section);
	for (size_t rank = 0; rank < model->domain_count; rank++) {
		const struct model_domain *domain = &model->domains[model->ranking[rank]];
		const struct framework_domain *definition = &framework->domains[domain->domain];
		xmlNodePtr meter = report_meter(context, section, definition->label,
						definition->description, domain->assessed,
						domain->score, domain->fraction);

		if (!domain->assessed) {
			report_say(context, xmlout_element(meter, "note"), "domain.unanswered",
				   REPORT_NONE);
			continue;
		}
		xmlout_attribute_format(meter, "stage", "%zu", domain->band);
		report_chip(context, meter, domain->band);
		report_domain_notes(context, meter, domain);
	}
}
