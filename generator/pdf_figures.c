/* The PDF's figures: key figures on cards, tables, the chart and scored
 * rows, each laid out as boxes that stay together. */
#include "chart.h"
#include "document.h"
#include "pdf_parts.h"
#include "xalloc.h"
#include "xmlout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A row of key figures on tinted cards, all as tall as the tallest.  On a
 * journey (role="journey") the notes are not cut short and the card where
 * the team is (role="here") is outlined. */
void
pdf_tiles(struct pdf_walker *walker, xmlNodePtr tiles, double indent)
{
	enum { TILES_MAX = 6 };
	PangoLayout *layouts[TILES_MAX][3] = { { NULL } };
	int here[TILES_MAX] = { 0 };
	const char *role = xmlout_get(tiles, "role");
	int journey = role != NULL && strcmp(role, "journey") == 0;
	double spacing = 10, padding = 12, height = 0, card;
	size_t count = 0;
	struct typeset_box *box;

	for (xmlNodePtr tile = tiles->children; tile != NULL; tile = tile->next)
		count += xmlout_is(tile, "tile") && count < TILES_MAX;
	if (count == 0)
		return;
	card = (typeset_measure(walker->typeset) - indent - (double)(count - 1) * spacing) /
	       (double)count;
	count = 0;
	for (xmlNodePtr tile = tiles->children; tile != NULL && count < TILES_MAX;
	     tile = tile->next) {
		GString *value = g_string_new(NULL);
		double tile_height = 2 * padding + 4;
		const char *tile_role = xmlout_get(tile, "role");
		char *part;

		if (!xmlout_is(tile, "tile"))
			continue;
		here[count] = journey && tile_role != NULL && strcmp(tile_role, "here") == 0;
		for (xmlNodePtr child = tile->children; child != NULL; child = child->next) {
			part = pdf_markup(walker, child);
			if (xmlout_is(child, "label"))
				layouts[count][0] = typeset_layout(walker->typeset,
								   &walker->styles[STYLE_EYEBROW], part,
								   card - 2 * padding, 2, 0);
			else if (xmlout_is(child, "value"))
				g_string_append(value, part);
			else if (xmlout_is(child, "unit"))
				g_string_append_printf(value,
						       "<span size=\"%d\" weight=\"normal\" "
						       "foreground=\"%s\"> %s</span>",
						       10 * PANGO_SCALE, walker->muted.hex, part);
			else if (xmlout_is(child, "note"))
				layouts[count][2] = typeset_layout(walker->typeset,
								   &walker->styles[STYLE_SMALL], part,
								   card - 2 * padding, journey ? 0 : 3, 0);
			g_free(part);
		}
		layouts[count][1] = typeset_layout(walker->typeset, &walker->styles[STYLE_STAT_SMALL],
						   value->str, card - 2 * padding, 2, 0);
		g_string_free(value, TRUE);
		for (int part_index = 0; part_index < 3; part_index++)
			if (layouts[count][part_index] != NULL)
				tile_height += typeset_height(layouts[count][part_index]);
		if (tile_height > height)
			height = tile_height;
		count++;
	}
	box = typeset_box(walker->typeset, height, pdf_space(walker, PDF_GAP_BLOCK));
	for (size_t index = 0; index < count; index++) {
		double x = indent + (double)index * (card + spacing), y = padding;

		if (here[index]) {
			typeset_rounded(box, x, 0, card, height, 6, walker->brand->primary);
			typeset_rounded(box, x + 1.5, 1.5, card - 3, height - 3, 4.5, walker->track);
		} else {
			typeset_rounded(box, x, 0, card, height, 6, walker->track);
		}
		for (int part_index = 0; part_index < 3; part_index++) {
			PangoLayout *layout = layouts[index][part_index];

			if (layout == NULL)
				continue;
			typeset_show(box, layout, x + padding, y,
				     part_index == 1 ? walker->brand->text : walker->muted);
			y += typeset_height(layout) + 2;
			g_object_unref(layout);
		}
	}
}

/* A table's column widths: figures (cells aligned to the end) get a fixed
 * width, the first column three shares of the rest and every other
 * column two. */
static void
pdf_table_columns(xmlNodePtr row, double measure, double *x, double *width, size_t *count)
{
	double figure = 62, shares = 0, rest = measure, position = 0;
	size_t columns = 0;

	for (xmlNodePtr cell = row->children; cell != NULL && columns < 16; cell = cell->next) {
		const char *align = xmlout_get(cell, "align");

		if (!xmlout_is(cell, "cell"))
			continue;
		if (align != NULL && strcmp(align, "end") == 0) {
			width[columns] = -figure;
			rest -= figure;
		} else {
			width[columns] = columns == 0 ? 3 : 2;
			shares += width[columns];
		}
		columns++;
	}
	for (size_t index = 0; index < columns; index++) {
		width[index] = width[index] < 0 ? -width[index] : rest * width[index] / shares;
		x[index] = position;
		position += width[index];
	}
	*count = columns;
}

/* A table: a caption kept with the header row, then a box per row; a
 * table of a few rows is kept on one page. */
void
pdf_table(struct pdf_walker *walker, xmlNodePtr table, double indent)
{
	double measure = typeset_measure(walker->typeset) - indent, x[16], width[16];
	size_t columns = 0, first = typeset_box_count(walker->typeset), rows = 0, row_index = 0;

	for (xmlNodePtr row = table->children; row != NULL; row = row->next)
		if (xmlout_is(row, "row") && rows++ == 0)
			pdf_table_columns(row, measure, x, width, &columns);
	for (xmlNodePtr node = table->children; node != NULL; node = node->next) {
		const char *role = xmlout_get(node, "role");
		int head = role != NULL && strcmp(role, "head") == 0;
		PangoLayout *layouts[16] = { NULL };
		double height = 0;
		struct typeset_box *box;
		size_t count = 0;

		if (xmlout_is(node, "caption")) {
			char *markup = pdf_markup(walker, node);

			pdf_paragraph(walker, STYLE_ROW, markup, indent,
				      pdf_space(walker, PDF_GAP_BLOCK), 1);
			g_free(markup);
			continue;
		}
		if (!xmlout_is(node, "row") || columns == 0)
			continue;
		for (xmlNodePtr cell = node->children; cell != NULL && count < columns;
		     cell = cell->next) {
			const char *align = xmlout_get(cell, "align");
			char *markup;

			if (!xmlout_is(cell, "cell"))
				continue;
			markup = pdf_markup(walker, cell);
			layouts[count] = typeset_layout(
				walker->typeset, &walker->styles[head ? STYLE_EYEBROW : STYLE_BODY], markup,
				width[count] - 8, 0,
				align != NULL && strcmp(align, "end") == 0 ? TYPESET_RIGHT : 0);
			g_free(markup);
			if (typeset_height(layouts[count]) > height)
				height = typeset_height(layouts[count]);
			count++;
		}
		box = typeset_box(walker->typeset, height + 10, 0);
		/* The head with two rows at least, and never one row alone after
		 * a break. */
		if (head || row_index == 1 || row_index + 2 == rows)
			typeset_keep_with_next(box);
		row_index++;
		for (size_t index = 0; index < count; index++) {
			typeset_show(box, layouts[index], indent + x[index] + (index == 0 ? 0 : 8), 5,
				     head ? walker->muted : walker->brand->text);
			g_object_unref(layouts[index]);
		}
		typeset_line(box, indent, height + 10, indent + measure, height + 10,
			     head ? 1 : PDF_RULE_WIDTH, walker->rule);
	}
	if (rows <= 6)
		typeset_keep_range(walker->typeset, first);
}

/* What the chart's drawing callback needs. */
struct pdf_chart {
	struct pdf_owned owned;
	struct chart_input input;
	struct pdf_walker *walker;
};

static void
pdf_chart_draw(cairo_t *cairo, double x, double y, double width, double height, void *data)
{
	struct pdf_chart *chart = data;
	double chart_width = width;

	/* Keep the chart's proportions when it was given less height. */
	if (height < width * chart_aspect(&chart->input))
		chart_width = height / chart_aspect(&chart->input);
	chart_draw(cairo, &chart->input, chart->walker->brand, chart->walker->chart,
		   x + (width - chart_width) / 2, y, chart_width, height);
}

static void
pdf_chart_free(void *data)
{
	struct pdf_chart *chart = data;

	chart_input_release(&chart->input);
	free(chart);
}

void
pdf_chart(struct pdf_walker *walker, xmlNodePtr node)
{
	struct pdf_chart *chart = xcalloc(1, sizeof *chart);
	double height;
	struct typeset_box *box;

	if (document_chart_input(node, &chart->input) != 0) {
		free(chart);
		return;
	}
	height = typeset_measure(walker->typeset) * fmin(0.72, chart_aspect(&chart->input));
	chart->owned.release = pdf_chart_free;
	chart->walker = walker;
	g_ptr_array_add(walker->owned, chart);
	box = typeset_box(walker->typeset, height, pdf_space(walker, PDF_GAP_BLOCK));
	typeset_shrinkable(box, height * 0.7);
	typeset_custom(box, pdf_chart_draw, chart);
}

/* A scored row: label and score, the description, then the bar with the
 * band and the notes beside it; one box. */
void
pdf_meter(struct pdf_walker *walker, xmlNodePtr meter, double indent)
{
	double measure = typeset_measure(walker->typeset) - indent, score_width = 80;
	double bar_width = measure * 0.3, beside = measure - bar_width - 14;
	const char *fraction = xmlout_get(meter, "fraction");
	const char *stage = xmlout_get(meter, "stage");
	struct brand_color fill = stage != NULL ? pdf_stage_color(walker, stage)
						: walker->brand->primary;
	PangoLayout *title = NULL, *score = NULL, *description = NULL, *notes = NULL;
	PangoLayout *parts[8] = { NULL }, *separator = NULL;
	GString *value = g_string_new(NULL), *note = g_string_new(NULL);
	double head, y, badge_width = 0, badge_height = 0, row, parts_width = 0;
	size_t part_count = 0;
	char *chip = NULL;
	struct typeset_box *box;

	for (xmlNodePtr child = meter->children; child != NULL; child = child->next) {
		char *markup = pdf_markup(walker, child);

		if (xmlout_is(child, "label"))
			title = typeset_layout(walker->typeset, &walker->styles[STYLE_ROW], markup,
					       measure - score_width, 3, 0);
		else if (xmlout_is(child, "value"))
			g_string_append(value, markup);
		else if (xmlout_is(child, "unit"))
			g_string_append_printf(value,
					       "<span foreground=\"%s\" weight=\"normal\" size=\"%d\"> %s</span>",
					       walker->muted.hex, 9 * PANGO_SCALE, markup);
		else if (xmlout_is(child, "description"))
			description = typeset_layout(walker->typeset, &walker->styles[STYLE_SMALL],
						     markup, measure - score_width, 3, 0);
		else if (xmlout_is(child, "note")) {
			g_string_append_printf(note, "%s%s", note->len ? "   \u00b7   " : "", markup);
			if (part_count < 8)
				parts[part_count++] = typeset_layout(walker->typeset,
								     &walker->styles[STYLE_FINE], markup,
								     -1, 0, 0);
		}
		if (xmlout_is(child, "chip") && chip == NULL)
			chip = markup;
		else
			g_free(markup);
	}
	score = typeset_layout(walker->typeset, &walker->styles[STYLE_ROW], value->str, score_width,
			       0, TYPESET_RIGHT);
	if (chip != NULL)
		badge_width = pdf_badge(walker, NULL, chip, fill, STYLE_BADGE_SMALL, 0, 0, beside / 2,
					&badge_height) + 8;
	/* The notes side by side, each shaped on its own so that those that
	 * recur from team to team (a spread, a change) are shaped once; as one
	 * wrapped paragraph when they do not fit on a line. */
	if (part_count > 0) {
		separator = typeset_layout(walker->typeset, &walker->styles[STYLE_FINE],
					   "   \u00b7   ", -1, 0, 0);
		for (size_t index = 0; index < part_count; index++)
			parts_width += typeset_width(parts[index]) +
				       (index > 0 ? typeset_width(separator) : 0);
	}
	if (part_count > 0 && parts_width > beside - badge_width)
		notes = typeset_layout(walker->typeset, &walker->styles[STYLE_FINE], note->str,
				       beside - badge_width, 3, 0);

	/* Measure: the head, the description, the row of the bar. */
	head = title != NULL && typeset_height(title) > typeset_height(score) ? typeset_height(title)
									      : typeset_height(score);
	row = badge_height > PDF_BAR_HEIGHT ? badge_height : PDF_BAR_HEIGHT;
	if (notes != NULL && typeset_height(notes) > row)
		row = typeset_height(notes);
	if (notes == NULL && part_count > 0 && typeset_height(parts[0]) > row)
		row = typeset_height(parts[0]);
	box = typeset_box(walker->typeset,
			  head + (description ? typeset_height(description) + 1 : 0) + 6 + row,
			  pdf_space(walker, PDF_GAP_BLOCK + 2));

	/* Draw. */
	if (title != NULL)
		typeset_show(box, title, indent, 0, walker->brand->text);
	typeset_show(box, score, indent + measure - score_width, 0, walker->brand->text);
	y = head;
	if (description != NULL) {
		typeset_show(box, description, indent, y, walker->muted);
		y += typeset_height(description) + 1;
	}
	y += 6;
	typeset_bar(box, indent, y + (row - PDF_BAR_HEIGHT) / 2, bar_width, PDF_BAR_HEIGHT,
		    fraction ? strtod(fraction, NULL) : 0, fill, walker->track, walker->notches,
		    walker->notch_count);
	if (chip != NULL)
		pdf_badge(walker, box, chip, fill, STYLE_BADGE_SMALL, indent + bar_width + 14,
			  y + (row - badge_height) / 2, beside / 2, &badge_height);
	if (notes != NULL) {
		typeset_show(box, notes, indent + bar_width + 14 + badge_width,
			     y + (row - typeset_height(notes)) / 2, walker->muted);
	} else {
		double x = indent + bar_width + 14 + badge_width;

		for (size_t index = 0; index < part_count; index++) {
			if (index > 0) {
				typeset_show(box, separator, x, y + (row - typeset_height(separator)) / 2,
					     walker->muted);
				x += typeset_width(separator);
			}
			typeset_show(box, parts[index], x, y + (row - typeset_height(parts[index])) / 2,
				     walker->muted);
			x += typeset_width(parts[index]);
		}
	}
	for (size_t index = 0; index < part_count; index++)
		g_object_unref(parts[index]);
	if (separator != NULL)
		g_object_unref(separator);
	if (title)
		g_object_unref(title);
	g_object_unref(score);
	if (description)
		g_object_unref(description);
	if (notes)
		g_object_unref(notes);
	g_free(chip);
	g_string_free(value, TRUE);
	g_string_free(note, TRUE);
}
