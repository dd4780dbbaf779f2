/* The report's progress over time: how often the team was assessed, the
 * change since the first and the last assessment and its pace, the
 * overall score and stage at each date, and the trend of every domain. */
#include "answers.h"
#include "framework.h"
#include "model.h"
#include "report_parts.h"
#include "xalloc.h"
#include "xmlout.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

/* A key figure of change: the change as its value, a note on where from. */
static void
report_history_change_tile(struct report_context *context, xmlNodePtr tiles,
			   const char *label_id, double change,
			   const struct model_assessment *from)
{
	xmlNodePtr tile = xmlout_element(tiles, "tile");
	char score[REPORT_NUMBER], *date = report_date(context, from->date);

	report_say(context, xmlout_element(tile, "label"), label_id, REPORT_NONE);
	report_change(context, xmlout_element(tile, "value"), change);
	report_score(score, from->overall);
	report_say(context, xmlout_element(tile, "note"), "history.from",
		   REPORT_ARGUMENTS(REPORT_TEXT("score", score), REPORT_TEXT("date", date)));
	free(date);
}

/* The key figures: how many assessments, the change since the first and
 * since the last, and the pace. */
static void
report_history_tiles(struct report_context *context, xmlNodePtr section)
{
	const struct model *model = context->model;
	xmlNodePtr tiles = xmlout_element(section, "tiles"), tile;
	char count[REPORT_NUMBER], pace[REPORT_NUMBER];
	char *first = report_month(context, model->history[0].date);
	char *last = report_month(context, model->answers->date);

	tile = xmlout_element(tiles, "tile");
	report_say(context, xmlout_element(tile, "label"), "history.assessments", REPORT_NONE);
	snprintf(count, sizeof count, "%zu", model->history_count);
	xmlout_text_element(tile, "value", count);
	report_say(context, xmlout_element(tile, "note"), "history.span",
		   REPORT_ARGUMENTS(REPORT_TEXT("first", first), REPORT_TEXT("last", last)));
	if (model->has_first)
		report_history_change_tile(context, tiles, "history.since-first", model->first_change,
					   &model->history[0]);
	report_history_change_tile(context, tiles, "history.since-last", model->overall_change,
				   &model->history[model->history_count - 2]);
	if (model->has_pace) {
		tile = xmlout_element(tiles, "tile");
		report_say(context, xmlout_element(tile, "label"), "history.pace", REPORT_NONE);
		report_change_text(pace, model->pace * 12);
		xmlout_text_element(tile, "value", pace);
		report_say(context, xmlout_element(tile, "unit"), "unit.year", REPORT_NONE);
		report_say(context, xmlout_element(tile, "note"), "history.pace-note",
			   REPORT_ARGUMENTS(REPORT_TEXT("count", count)));
	}
	free(first);
	free(last);
}

/* The overall score and stage at each date, this assessment marked. */
static void
report_history_table(struct report_context *context, xmlNodePtr section)
{
	static const char *const headings[] = { "table.assessed", "table.overall", "table.score10",
						"table.stage", "table.change" };
	const struct model *model = context->model;
	xmlNodePtr table = xmlout_element(section, "table"), row, cell;

	report_say(context, xmlout_element(table, "caption"), "history.table-caption", REPORT_NONE);
	row = report_block(table, "row", "head");
	for (size_t column = 0; column < 5; column++) {
		cell = xmlout_element(row, "cell");
		if (column == 1 || column == 2 || column == 4)
			xmlout_attribute(cell, "align", "end");
		report_say(context, cell, headings[column], REPORT_NONE);
	}
	for (size_t index = 0; index < model->history_count; index++) {
		const struct model_assessment *point = &model->history[index];
		char text[REPORT_NUMBER], *date = report_date(context, point->date);

		row = report_block(table, "row", index + 1 == model->history_count ? "current" : NULL);
		cell = report_block(row, "cell", "header");
		if (index + 1 == model->history_count)
			report_say(context, cell, "history.this", REPORT_ARGUMENTS(REPORT_TEXT("date", date)));
		else
			xmlout_text(cell, date);
		cell = xmlout_element(row, "cell");
		xmlout_attribute(cell, "align", "end");
		report_score(text, point->overall);
		xmlout_text(cell, text);
		cell = xmlout_element(row, "cell");
		xmlout_attribute(cell, "align", "end");
		report_score10(text, point->display);
		xmlout_text(cell, text);
		report_chip(context, xmlout_element(row, "cell"), point->stage);
		cell = xmlout_element(row, "cell");
		xmlout_attribute(cell, "align", "end");
		if (index == 0) {
			xmlout_attribute(cell, "role", "muted");
			report_say(context, cell, "table.none", REPORT_NONE);
		} else {
			report_change(context, cell, point->change);
		}
		free(date);
	}
}

/* One line of the trend: a label and a value at each date. */
static xmlNodePtr
report_history_line(xmlNodePtr chart, const char *label, const struct model *model,
		    size_t domain, int overall)
{
	xmlNodePtr line = xmlout_element(chart, "line");
	GString *values = g_string_new(NULL);

	xmlout_attribute(line, "label", label);
	if (overall)
		xmlout_attribute(line, "role", "overall");
	for (size_t index = 0; index < model->history_count; index++) {
		double value = overall ? model->history[index].overall
				       : model->history[index].domains[domain];
		char score[REPORT_NUMBER];

		report_score(score, value);
		g_string_append_printf(values, "%s%s", index ? " " : "", value >= 0 ? score : "-");
	}
	xmlout_attribute(line, "values", values->str);
	g_string_free(values, TRUE);
	return line;
}

/* The trend's data: the dates at their place in time, the overall line,
 * a line per domain, the stage thresholds. */
static void
report_history_chart(struct report_context *context, xmlNodePtr section)
{
	const struct model *model = context->model;
	const struct framework *framework = context->framework;
	const struct model_assessment *last = &model->history[model->history_count - 1];
	xmlNodePtr chart = xmlout_element(section, "chart");
	char *label, first_score[REPORT_NUMBER], last_score[REPORT_NUMBER];
	GString *description = g_string_new(NULL);

	xmlout_attribute(chart, "kind", "trend");
	xmlout_attribute_format(chart, "stages", "%zu", framework->stage_count);
	report_attribute(context, chart, "missing", "chart.missing", REPORT_NONE);
	report_score(first_score, model->history[0].overall);
	report_score(last_score, model->overall);
	report_append(context, description, "history.chart-description",
		      REPORT_ARGUMENTS(REPORT_TEXT("first", first_score),
				       REPORT_TEXT("last", last_score)));
	xmlout_attribute(chart, "description", description->str);
	report_attribute(context, chart, "line-label", "history.line", REPORT_NONE);
	for (size_t index = 0; index < model->history_count; index++) {
		xmlNodePtr date = xmlout_element(chart, "date");

		label = report_month(context, model->history[index].date);
		xmlout_attribute(date, "label", label);
		xmlout_attribute_format(date, "position", "%.4f",
					last->months > 0 ? model->history[index].months / last->months
							 : 0.0);
		free(label);
	}
	label = report_string(context, "history.overall", REPORT_NONE);
	report_history_line(chart, label, model, 0, 1);
	free(label);
	for (size_t domain = 0; domain < model->domain_count; domain++) {
		xmlNodePtr line = report_history_line(chart, framework->domains[domain].label, model,
						      domain, 0);
		char target[REPORT_NUMBER];

		if (!model->domains[domain].has_target)
			continue;
		report_score(target, model->domains[domain].target);
		xmlout_attribute(line, "target", target);
	}
	if (model->target_count > 0)
		report_attribute(context, chart, "target-label", "chart.target", REPORT_NONE);
	report_thresholds(context, chart);
	g_string_free(description, TRUE);
}

void
report_history(struct report_context *context, xmlNodePtr section)
{
	const struct model *model = context->model;
	char count[REPORT_NUMBER], *first = report_date(context, model->history[0].date);
	char *last = report_date(context, model->answers->date);

	snprintf(count, sizeof count, "%zu", model->history_count);
	report_paragraph(context, section, "intro", "history.intro",
			 REPORT_ARGUMENTS(REPORT_TEXT("team", context->answers->name),
					  REPORT_COUNT("count", count, model->history_count),
					  REPORT_TEXT("first", first), REPORT_TEXT("last", last)));
	report_history_tiles(context, section);
	report_paragraph(context, section, "intro",
			 model->target_count > 0 ? "history.chart-intro-targets" : "history.chart-intro",
			 REPORT_NONE);
	report_history_chart(context, section);
	report_history_table(context, section);
	free(first);
	free(last);
}
