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

int
document_chart_input(xmlNodePtr chart, struct chart_input *input)
{
	size_t axes = 0, axis = 0;
	const char *stages = xmlout_get(chart, "stages");

	for (xmlNodePtr node = chart->children; node != NULL; node = node->next)
		axes += xmlout_is(node, "axis");
	if (axes == 0)
		return -1;
	chart_input_init(input, axes);
	input->missing_label = xmlout_get(chart, "missing");
	input->stage_count = stages != NULL ? strtoul(stages, NULL, 10) : 0;
	for (xmlNodePtr node = chart->children; node != NULL; node = node->next) {
		if (xmlout_is(node, "axis")) {
			input->labels[axis++] = xmlout_get(node, "label");
		} else if (xmlout_is(node, "series")) {
			const char *kind = xmlout_get(node, "kind");
			struct chart_series *series = chart_input_add_series(
				input,
				kind == NULL			     ? CHART_CURRENT
				: strcmp(kind, "previous") == 0	     ? CHART_PREVIOUS
				: strcmp(kind, "benchmark") == 0     ? CHART_BENCHMARK
								     : CHART_CURRENT,
				xmlout_get(node, "label"));

			if (series != NULL)
				document_chart_values(xmlout_get(node, "values"), series->values, axes);
		} else if (xmlout_is(node, "threshold") &&
			   input->threshold_count < CHART_THRESHOLDS_MAX) {
			struct chart_threshold *threshold =
				&input->thresholds[input->threshold_count++];
			const char *value = xmlout_get(node, "value");
			const char *stage = xmlout_get(node, "stage");

			threshold->value = value != NULL ? strtod(value, NULL) : 1;
			threshold->stage = stage != NULL ? strtoul(stage, NULL, 10) : 0;
			threshold->label = xmlout_get(node, "label");
		}
	}
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
