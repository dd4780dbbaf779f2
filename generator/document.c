/* The document vocabulary; see document.h. */
#include "document.h"

#include "chart.h"
#include "xmlout.h"

#include <stdlib.h>
#include <string.h>

xmlDocPtr
document_new(const char *language)
{
	xmlDocPtr document = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = xmlNewDocNode(document, NULL, (const xmlChar *)"document", NULL);

	xmlDocSetRootElement(document, root);
	xmlSetNs(root, xmlNewNs(root, (const xmlChar *)DOCUMENT_NAMESPACE, NULL));
	xmlout_attribute(root, "lang", language);
	return document;
}

/* Reads "2.56 2.78 - 3.00" into values (count of them); "-" or anything
 * that is not a number is no value (-1). */
static void
document_chart_values(const char *list, double *values, size_t count)
{
	const char *cursor = list != NULL ? list : "";

	for (size_t axis = 0; axis < count; axis++) {
		char *end;
		double value;

		cursor += strspn(cursor, " ");
		value = strtod(cursor, &end);
		values[axis] = end != cursor && value >= 1 && value <= 4 ? value : -1;
		cursor = end != cursor ? end : cursor + strcspn(cursor, " ");
	}
}

/* A threshold of either kind of chart. */
static void
document_chart_threshold(xmlNodePtr node, struct chart_input *input)
{
	struct chart_threshold *threshold;
	const char *value = xmlout_get(node, "value");
	const char *stage = xmlout_get(node, "stage");

	if (input->threshold_count >= CHART_THRESHOLDS_MAX)
		return;
	threshold = &input->thresholds[input->threshold_count++];
	threshold->value = value != NULL ? strtod(value, NULL) : 1;
	threshold->stage = stage != NULL ? strtoul(stage, NULL, 10) : 0;
	threshold->label = xmlout_get(node, "label");
}

/* A trend: its dates, lines and thresholds.  Returns 0, or -1 when it has
 * no date. */
static int
document_trend_input(xmlNodePtr chart, struct chart_input *input)
{
	size_t dates = 0, lines = 0, date = 0, line = 0;

	for (xmlNodePtr node = chart->children; node != NULL; node = node->next) {
		dates += xmlout_is(node, "date");
		lines += xmlout_is(node, "line");
	}
	if (dates == 0)
		return -1;
	chart_input_init_trend(input, dates, lines);
	input->line_label = xmlout_get(chart, "line-label");
	input->target_label = xmlout_get(chart, "target-label");
	for (xmlNodePtr node = chart->children; node != NULL; node = node->next) {
		if (xmlout_is(node, "date") && date < input->date_count) {
			const char *position = xmlout_get(node, "position");

			input->date_labels[date] = xmlout_get(node, "label");
			input->date_positions[date++] = position != NULL ? strtod(position, NULL) : 0;
		} else if (xmlout_is(node, "line") && line < input->line_count) {
			struct chart_line *entry = &input->lines[line++];
			const char *role = xmlout_get(node, "role");
			const char *target = xmlout_get(node, "target");

			entry->label = xmlout_get(node, "label");
			entry->overall = role != NULL && strcmp(role, "overall") == 0;
			if (target != NULL)
				entry->target = strtod(target, NULL);
			document_chart_values(xmlout_get(node, "values"), entry->values,
					      input->date_count);
		} else if (xmlout_is(node, "threshold")) {
			document_chart_threshold(node, input);
		}
	}
	return 0;
}

static enum chart_series_kind
document_series_kind(const char *kind)
{
	if (kind != NULL && strcmp(kind, "previous") == 0)
		return CHART_PREVIOUS;
	if (kind != NULL && strcmp(kind, "benchmark") == 0)
		return CHART_BENCHMARK;
	if (kind != NULL && strcmp(kind, "target") == 0)
		return CHART_TARGET;
	return CHART_CURRENT;
}

int
document_chart_input(xmlNodePtr chart, struct chart_input *input)
{
	size_t axes = 0, axis = 0;
	const char *stages = xmlout_get(chart, "stages");
	const char *kind = xmlout_get(chart, "kind");

	if (kind != NULL && strcmp(kind, "trend") == 0) {
		if (document_trend_input(chart, input) != 0)
			return -1;
	} else {
		for (xmlNodePtr node = chart->children; node != NULL; node = node->next)
			axes += xmlout_is(node, "axis");
		if (axes == 0)
			return -1;
		chart_input_init(input, axes);
		for (xmlNodePtr node = chart->children; node != NULL; node = node->next) {
			struct chart_series *series;

			if (xmlout_is(node, "axis")) {
				input->labels[axis++] = xmlout_get(node, "label");
			} else if (xmlout_is(node, "series")) {
				series = chart_input_add_series(
					input, document_series_kind(xmlout_get(node, "kind")),
					xmlout_get(node, "label"));
				if (series != NULL)
					document_chart_values(xmlout_get(node, "values"),
							      series->values, axes);
			} else if (xmlout_is(node, "threshold")) {
				document_chart_threshold(node, input);
			}
		}
	}
	input->missing_label = xmlout_get(chart, "missing");
	input->stage_count = stages != NULL ? strtoul(stages, NULL, 10) : 0;
	return 0;
}

int
document_keeps_together(xmlNodePtr block)
{
	const char *keep = xmlout_get(block, "keep");

	if (keep != NULL)
		return strcmp(keep, "together") == 0;
	return xmlout_is(block, "card") || xmlout_is(block, "meter") || xmlout_is(block, "tiles") ||
	       xmlout_is(block, "chart") || xmlout_is(block, "gauge");
}
