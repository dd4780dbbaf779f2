/* The trend chart: scores over time as small multiples.  The overall
 * line has a wide panel of its own, with the stage bands, each score and
 * the dates; below it a panel per line (a domain) in a grid, each with its
 * latest score, its change since the first date, the stage thresholds and
 * its target.  Every panel shares the 1-4 scale and the time axis. */
#include "brand.h"
#include "chart_parts.h"
#include "draw.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sizes in units of a chart 520 points across. */
enum { TREND_WIDTH = 520, TREND_COLUMNS = 4 };
#define TREND_INSET 6.0            /* around the panels, inside the width */
#define TREND_INNER (TREND_WIDTH - 2 * TREND_INSET)
#define TREND_OVERALL_HEIGHT 122.0 /* title, plot and dates */
#define TREND_OVERALL_PLOT 76.0
#define TREND_PANEL_TITLE 40.0     /* a title of three lines */
#define TREND_PANEL_PLOT 54.0
#define TREND_PANEL_HEIGHT (TREND_PANEL_TITLE + TREND_PANEL_PLOT + 4)
#define TREND_GAP 12.0             /* between panels */
#define TREND_LEGEND_ROW 20.0
#define TREND_LEGEND_ROWS 2        /* room kept for the legend */

/* Where a trend is drawn: its scale and box, and the lines it holds. */
struct trend_layout {
	double unit;                 /* points per unit */
	double x, y;                 /* the top left corner, points */
	size_t columns, rows;        /* of the grid of panels */
	const struct chart_line *overall; /* NULL when no line is the overall one */
};

/* A plot's box, in points. */
struct trend_box {
	double left, top, width, height;
};

/* The scale's lines, and text of secondary weight (4.5:1 on white). */
static const struct brand_color trend_grey = { .red = 0.55, .green = 0.58, .blue = 0.62,
					       .hex = "#8c949e" };
static const struct brand_color trend_muted = { .red = 0.36, .green = 0.38, .blue = 0.42,
						.hex = "#5c616a" };

static size_t
trend_panel_count(const struct chart_input *input)
{
	size_t count = 0;

	for (size_t index = 0; index < input->line_count; index++)
		count += !input->lines[index].overall;
	return count;
}

static const struct chart_line *
trend_overall(const struct chart_input *input)
{
	for (size_t index = 0; index < input->line_count; index++)
		if (input->lines[index].overall)
			return &input->lines[index];
	return NULL;
}

/* The height in units of the panels, the legend's room included. */
static double
trend_height(const struct chart_input *input, size_t rows)
{
	double height = TREND_LEGEND_ROWS * TREND_LEGEND_ROW + 6 + 2 * TREND_INSET;

	if (trend_overall(input) != NULL)
		height += TREND_OVERALL_HEIGHT + TREND_GAP;
	height += (double)rows * TREND_PANEL_HEIGHT + (rows > 0 ? (double)(rows - 1) * TREND_GAP : 0);
	return height;
}

static size_t
trend_rows(size_t panels, size_t *columns)
{
	*columns = panels < TREND_COLUMNS ? (panels > 0 ? panels : 1) : TREND_COLUMNS;
	return (panels + *columns - 1) / *columns;
}

double
chart_trend_aspect(const struct chart_input *input)
{
	size_t columns, rows = trend_rows(trend_panel_count(input), &columns);

	return trend_height(input, rows) / TREND_WIDTH;
}

/* A value's point in a plot's box: the date along, the score up. */
static double
trend_x(const struct chart_input *input, const struct trend_box *box, size_t date)
{
	double position = input->date_count > 1 ? input->date_positions[date] : 0.5;

	return box->left + (position < 0 ? 0 : position > 1 ? 1 : position) * box->width;
}

static double
trend_y(const struct trend_box *box, double value)
{
	return box->top + box->height * (4 - value) / 3;
}

/* A horizontal line across the box at value, in a swatch's style. */
static void
trend_rule(cairo_t *cairo, const struct trend_box *box, double inset, double value,
	   enum chart_swatch swatch, double unit, double width, const struct brand_color *color,
	   double alpha)
{
	double y = trend_y(box, value);

	cairo_move_to(cairo, box->left - inset, y);
	cairo_line_to(cairo, box->left + box->width + inset, y);
	chart_stroke_style(cairo, swatch, unit, width);
	chart_set_color(cairo, color, alpha);
	cairo_stroke(cairo);
	chart_stroke_style(cairo, SWATCH_FILL, unit, unit);
}

/* The stage thresholds of a plot, dashed in their colours; with bands,
 * each stage's band tinted too. */
static void
trend_stages(cairo_t *cairo, const struct chart_input *input, const struct brand *brand,
	     const struct trend_box *box, double inset, double unit, int bands)
{
	for (size_t index = 0; index <= input->threshold_count && bands; index++) {
		double from = index == 0 ? 1 : input->thresholds[index - 1].value;
		double to = index < input->threshold_count ? input->thresholds[index].value : 4;
		size_t stage = index == 0 ? 0 : input->thresholds[index - 1].stage;
		struct brand_color color = brand_stage_color(brand, stage, input->stage_count);

		cairo_rectangle(cairo, box->left - inset, trend_y(box, to), box->width + 2 * inset,
				trend_y(box, from) - trend_y(box, to));
		chart_set_color(cairo, &color, 0.07);
		cairo_fill(cairo);
	}
	for (size_t index = 0; index < input->threshold_count; index++) {
		struct brand_color color = brand_stage_color(brand, input->thresholds[index].stage,
							     input->stage_count);

		trend_rule(cairo, box, inset, input->thresholds[index].value, SWATCH_DASH, unit * 0.8,
			   0.8 * unit, &color, 0.75);
	}
}

/* The line through a line's values, broken where a date has none, and a
 * dot at each value, the latest larger. */
static void
trend_line(cairo_t *cairo, const struct chart_input *input, const struct brand *brand,
	   const struct trend_box *box, const struct chart_line *line, double unit, double width,
	   double dot)
{
	long latest = -1;
	int drawing = 0;

	for (size_t date = 0; date < input->date_count; date++) {
		if (line->values[date] < 0) {
			drawing = 0;
			continue;
		}
		if (drawing)
			cairo_line_to(cairo, trend_x(input, box, date), trend_y(box, line->values[date]));
		else
			cairo_move_to(cairo, trend_x(input, box, date), trend_y(box, line->values[date]));
		drawing = 1;
		latest = (long)date;
	}
	cairo_set_line_width(cairo, width);
	cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND);
	chart_set_color(cairo, &brand->primary, 1);
	cairo_stroke(cairo);
	for (size_t date = 0; date < input->date_count; date++) {
		double radius = (long)date == latest ? dot * 1.4 : dot;

		if (line->values[date] < 0)
			continue;
		cairo_arc(cairo, trend_x(input, box, date), trend_y(box, line->values[date]),
			  radius + 0.9 * unit, 0, 2 * M_PI);
		cairo_set_source_rgb(cairo, 1, 1, 1);
		cairo_fill(cairo);
		draw_disc(cairo, trend_x(input, box, date), trend_y(box, line->values[date]), radius,
			  brand->primary);
	}
}

/* Text laid out at size and shown with its top at y: left at x, or
 * centred on it, or ending at it. */
enum trend_anchor { TREND_START, TREND_MIDDLE, TREND_END };

static void
trend_text(cairo_t *cairo, struct chart_text *text, const char *string, double size, int bold,
	   double x, double y, enum trend_anchor anchor, const struct brand_color *color)
{
	PangoLayout *layout = chart_layout(text, size, bold, -1, PANGO_ALIGN_LEFT, string);
	int width, height;

	pango_layout_get_pixel_size(layout, &width, &height);
	if (anchor == TREND_END) {
		g_object_unref(layout);
		/* Anchored at its end, so a reader's font grows it leftwards. */
		layout = chart_layout(text, size, bold, width, PANGO_ALIGN_RIGHT, string);
	}
	chart_show(cairo, text, layout,
		   anchor == TREND_MIDDLE ? x - width / 2.0 : anchor == TREND_END ? x - width : x, y,
		   color, anchor == TREND_MIDDLE);
	g_object_unref(layout);
}

/* The width of string at size, in points. */
static double
trend_text_width(struct chart_text *text, const char *string, double size, int bold)
{
	PangoLayout *layout = chart_layout(text, size, bold, -1, PANGO_ALIGN_LEFT, string);
	int width, height;

	pango_layout_get_pixel_size(layout, &width, &height);
	g_object_unref(layout);
	return width;
}

/* One label of the dates (or, with values, of a line's value at a date):
 * where it goes along, kept within the limits.  Returns its text (in
 * buffer for a value), or NULL when the line has no value there. */
struct trend_label {
	double size, limit_left, limit_right;
	int values;
};

static const char *
trend_label_at(struct chart_text *text, const struct chart_input *input,
	       const struct trend_box *box, const struct chart_line *line,
	       const struct trend_label *label, size_t date, char buffer[16], double *left,
	       double *width)
{
	const char *string = input->date_labels[date] ? input->date_labels[date] : "";
	double x = trend_x(input, box, date);

	if (label->values) {
		if (line->values[date] < 0)
			return NULL;
		snprintf(buffer, 16, "%.2f", line->values[date]);
		string = buffer;
	}
	*width = trend_text_width(text, string, label->size, label->values);
	*left = fmax(label->limit_left, fmin(x - *width / 2, label->limit_right - *width));
	return string;
}

/* Labels under the dates (at y), or over a line's values, where they fit:
 * the first and the latest always, then back from the latest, each clear
 * of its neighbours. */
static void
trend_date_labels(cairo_t *cairo, struct chart_text *text, const struct chart_input *input,
		  const struct trend_box *box, const struct chart_line *line,
		  const struct trend_label *label, double y)
{
	const struct brand *brand = text->brand;
	double clear = label->limit_right, first_right = label->limit_left, gap = label->size * 0.8;
	long first = -1;
	char buffer[16];

	/* The first date with a label, placed after the latest. */
	for (size_t date = 0; date < input->date_count && first < 0; date++)
		if (!label->values || line->values[date] >= 0)
			first = (long)date;
	for (size_t step = 0; first >= 0 && step < input->date_count; step++) {
		size_t count = input->date_count;
		size_t date = step == 0 ? count - 1 : step == 1 ? (size_t)first : count - step;
		double left, width;
		const char *string;

		if (step > 0 && date <= (size_t)first && (step > 1 || date == count - 1))
			continue;
		string = trend_label_at(text, input, box, line, label, date, buffer, &left, &width);
		if (string == NULL || (step > 0 && left + width > clear - gap) ||
		    (step > 1 && left < first_right + gap))
			continue;
		if (label->values)
			trend_text(cairo, text, string, label->size, 1, left + width / 2,
				   trend_y(box, line->values[date]) - label->size * 1.75, TREND_MIDDLE,
				   &brand->primary);
		else
			trend_text(cairo, text, string, label->size, 0, left + width / 2, y,
				   TREND_MIDDLE, &brand->text);
		if (step == 1)
			first_right = left + width;
		else
			clear = left;
	}
}

/* The overall panel: title and latest score, the stage bands, the scale,
 * the line with each score over it and the dates under it. */
static void
trend_overall_panel(cairo_t *cairo, struct chart_text *text, const struct chart_input *input,
		    const struct trend_layout *layout, double top)
{
	const struct brand *brand = text->brand;
	double unit = layout->unit, width = TREND_INNER * unit;
	struct trend_box box = { layout->x + 30 * unit, top + 26 * unit, width - 46 * unit,
				 TREND_OVERALL_PLOT * unit };
	char scale[16];

	trend_text(cairo, text, layout->overall->label ? layout->overall->label : "", 10.5 * unit, 1,
		   layout->x, top, TREND_START, &brand->text);
	trend_stages(cairo, input, brand, &box, 10 * unit, unit, 1);
	for (int value = 1; value <= 4; value++) {
		snprintf(scale, sizeof scale, "%d", value);
		trend_text(cairo, text, scale, 7.5 * unit, 0, box.left - 16 * unit,
			   trend_y(&box, value) - 5 * unit, TREND_END, &trend_muted);
	}
	trend_line(cairo, input, brand, &box, layout->overall, unit, 2.2 * unit, 3 * unit);
	trend_date_labels(cairo, text, input, &box, layout->overall,
			  &(struct trend_label){ 8 * unit, box.left - 10 * unit,
						 box.left + box.width + 10 * unit, 1 },
			  0);
	trend_date_labels(cairo, text, input, &box, layout->overall,
			  &(struct trend_label){ 7.5 * unit, layout->x + 14 * unit, layout->x + width, 0 },
			  box.top + box.height + 7 * unit);
}

/* The latest value of a line, and its change since its first: -1 when it
 * has none. */
static long
trend_latest(const struct chart_input *input, const struct chart_line *line, long *first)
{
	long latest = -1;

	*first = -1;
	for (size_t date = 0; date < input->date_count; date++) {
		if (line->values[date] < 0)
			continue;
		if (*first < 0)
			*first = (long)date;
		latest = (long)date;
	}
	return latest;
}

/* One line's panel at (left, top), width points wide: its title, latest
 * score and change since the first, then the plot. */
static void
trend_panel(cairo_t *cairo, struct chart_text *text, const struct chart_input *input,
	    const struct chart_line *line, double unit, double left, double top, double width)
{
	const struct brand *brand = text->brand;
	struct trend_box box = { left + 6 * unit, top + TREND_PANEL_TITLE * unit, width - 12 * unit,
				 TREND_PANEL_PLOT * unit };
	PangoLayout *title = chart_layout(text, 8.5 * unit, 1, width - 34 * unit, PANGO_ALIGN_LEFT,
					  line->label ? line->label : "");
	long first, latest = trend_latest(input, line, &first);
	char value[16];

	chart_show(cairo, text, title, left, top, &brand->text, 0);
	g_object_unref(title);
	/* A faint frame: the scale's rings at each whole score. */
	for (int ring = 1; ring <= 4; ring++)
		trend_rule(cairo, &box, 6 * unit, ring, SWATCH_FILL, unit, 0.5 * unit, &trend_grey,
			   ring == 1 ? 0.6 : 0.25);
	trend_stages(cairo, input, brand, &box, 6 * unit, unit, 0);
	if (line->target >= 1)
		trend_rule(cairo, &box, 6 * unit, line->target, SWATCH_TARGET, unit * 0.8,
			   1.3 * unit, &brand->accent, 1);
	if (latest < 0) {
		trend_text(cairo, text, input->missing_label ? input->missing_label : "", 8 * unit, 0,
			   box.left + box.width / 2, box.top + box.height / 2 - 5 * unit, TREND_MIDDLE,
			   &trend_muted);
		return;
	}
	trend_line(cairo, input, brand, &box, line, unit, 1.6 * unit, 2 * unit);
	snprintf(value, sizeof value, "%.2f", line->values[latest]);
	trend_text(cairo, text, value, 9.5 * unit, 1, left + width, top - 1 * unit, TREND_END,
		   &brand->primary);
	if (latest != first) {
		double change = line->values[latest] - line->values[first];

		if (change < 0)
			snprintf(value, sizeof value, "\u2212%.2f", -change);
		else
			snprintf(value, sizeof value, "+%.2f", change);
		trend_text(cairo, text, value, 7.5 * unit, 0, left + width, top + 12 * unit, TREND_END,
			   &trend_muted);
	}
}

/* The legend: the scores, the thresholds and, when there are any, the
 * targets. */
static size_t
trend_legend(struct chart_text *text, const struct chart_input *input, double unit,
	     struct chart_entry entries[CHART_LEGEND_MAX], int *text_height)
{
	const struct brand *brand = text->brand;
	size_t count = 0;
	int targets = 0;

	entries[count] = (struct chart_entry){ .swatch = SWATCH_LINE, .color = brand->primary,
					       .alpha = 1 };
	snprintf(entries[count++].text, sizeof entries[0].text, "%s",
		 input->line_label ? input->line_label : "");
	/* Room kept for the target's entry. */
	count = chart_legend_thresholds(input, brand, entries, count, CHART_LEGEND_MAX - 1);
	for (size_t index = 0; index < input->line_count; index++)
		targets |= input->lines[index].target >= 1;
	if (targets) {
		entries[count] = (struct chart_entry){ .swatch = SWATCH_TARGET, .color = brand->accent,
						       .alpha = 1 };
		snprintf(entries[count++].text, sizeof entries[0].text, "%s",
			 input->target_label ? input->target_label : "");
	}
	chart_legend_measure(text, entries, count, 8.5 * unit, text_height);
	return count;
}

void
chart_trend_draw(cairo_t *cairo, struct chart_text *text, const struct chart_input *input,
		 double x, double y, double width, double height)
{
	struct trend_layout layout = { .overall = trend_overall(input) };
	struct chart_entry legend[CHART_LEGEND_MAX];
	size_t legend_count, legend_row[CHART_LEGEND_MAX], panel = 0;
	int legend_text_height = 0;
	double top, panel_width;

	if (input->date_count == 0 || input->line_count == 0)
		return;
	/* The chart's own proportions, centred in the box. */
	layout.rows = trend_rows(trend_panel_count(input), &layout.columns);
	layout.unit = fmin(width / TREND_WIDTH, height / trend_height(input, layout.rows));
	layout.x = x + (width - TREND_WIDTH * layout.unit) / 2 + TREND_INSET * layout.unit;
	layout.y = y + TREND_INSET * layout.unit;
	top = layout.y;
	if (layout.overall != NULL) {
		trend_overall_panel(cairo, text, input, &layout, top);
		top += (TREND_OVERALL_HEIGHT + TREND_GAP) * layout.unit;
	}
	panel_width = (TREND_INNER - TREND_GAP * (double)(layout.columns - 1)) /
		      (double)layout.columns * layout.unit;
	for (size_t index = 0; index < input->line_count; index++) {
		const struct chart_line *line = &input->lines[index];
		size_t column, row;

		if (line->overall)
			continue;
		column = panel % layout.columns;
		row = panel / layout.columns;
		trend_panel(cairo, text, input, line, layout.unit,
			    layout.x + (double)column * (panel_width + TREND_GAP * layout.unit),
			    top + (double)row * (TREND_PANEL_HEIGHT + TREND_GAP) * layout.unit,
			    panel_width);
		panel++;
	}
	top += ((double)layout.rows * (TREND_PANEL_HEIGHT + TREND_GAP)) * layout.unit;
	legend_count = trend_legend(text, input, layout.unit, legend, &legend_text_height);
	chart_legend_rows(legend, legend_count, TREND_INNER * layout.unit, layout.unit,
			  legend_row);
	chart_legend_draw(cairo, text, layout.unit, legend, legend_count, legend_row,
			  legend_text_height, layout.x, top, TREND_INNER * layout.unit);
}
