/* The radar chart: an axis per domain, rings at each score, the stage
 * thresholds, an outline per series and the legend.  Geometry: the scale
 * runs from 0 at the centre to 4 at the rim, so a score of 1 still shows
 * as a shape. */
#include "brand.h"
#include "chart_parts.h"
#include "draw.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CHART_SCALE_MAX = 4 };

/* Sizes in points, relative to a chart 400 points across. */
struct chart_geometry {
	double centre_x, centre_y;
	double radius;            /* of the rim (score 4) */
	double label_width;       /* wrapping width of an axis label */
	double font_size;         /* labels */
	double unit;              /* 1 point scaled with the chart */
};

static double
chart_angle(size_t axis, size_t count)
{
	return -M_PI / 2 + 2 * M_PI * (double)axis / (double)count;
}

static void
chart_point(const struct chart_geometry *geometry, size_t axis, size_t count, double value,
	    double *x, double *y)
{
	double distance = geometry->radius * value / CHART_SCALE_MAX;

	*x = geometry->centre_x + distance * cos(chart_angle(axis, count));
	*y = geometry->centre_y + distance * sin(chart_angle(axis, count));
}

/* An axis label, wrapped to the label width and placed outside the rim so
 * that it grows away from the chart on every side. */
static void
chart_label(cairo_t *cairo, struct chart_text *text, const struct chart_geometry *geometry,
	    size_t axis, size_t count, const char *label)
{
	const struct brand *brand = text->brand;
	double angle = chart_angle(axis, count);
	double cosine = cos(angle), sine = sin(angle);
	double anchor_x = geometry->centre_x + (geometry->radius + 10 * geometry->unit) * cosine;
	double anchor_y = geometry->centre_y + (geometry->radius + 10 * geometry->unit) * sine;
	PangoLayout *layout = chart_layout(text, geometry->font_size, 1, geometry->label_width,
					   fabs(cosine) < 0.3 ? PANGO_ALIGN_CENTER
					   : cosine > 0       ? PANGO_ALIGN_LEFT
							      : PANGO_ALIGN_RIGHT,
					   label);
	int width, height;

	pango_layout_get_pixel_size(layout, &width, &height);
	/* The layout box is label_width wide; alignment places the text in it. */
	double left = fabs(cosine) < 0.3 ? anchor_x - geometry->label_width / 2
		      : cosine > 0       ? anchor_x
					 : anchor_x - geometry->label_width;
	double top = fabs(sine) < 0.3 ? anchor_y - height / 2.0
		     : sine > 0       ? anchor_y
				      : anchor_y - height;
	chart_show(cairo, text, layout, left, top, &brand->text, 0);
	g_object_unref(layout);
}

/* The closed path through each axis's value; a negative value (not
 * assessed) is left out, so the shape joins its neighbours instead of
 * falling to the centre as if it scored nothing. */
static void
chart_polygon(cairo_t *cairo, const struct chart_geometry *geometry, const double *values,
	      size_t count)
{
	int started = 0;

	for (size_t axis = 0; axis < count; axis++) {
		double x, y;

		if (values[axis] < 0)
			continue;
		chart_point(geometry, axis, count, values[axis], &x, &y);
		if (!started)
			cairo_move_to(cairo, x, y);
		else
			cairo_line_to(cairo, x, y);
		started = 1;
	}
	if (started)
		cairo_close_path(cairo);
}

/* The grid: rings at each whole score, the thresholds dashed in their
 * stage colour (named in the legend), and the axes. */
static void
chart_grid(cairo_t *cairo, const struct chart_geometry *geometry, const struct chart_input *input,
	   const struct brand *brand)
{
	size_t count = input->axis_count;
	struct brand_color grey = { .red = 0.55, .green = 0.58, .blue = 0.62 };
	double *values = xcalloc(count ? count : 1, sizeof *values);

	cairo_set_line_width(cairo, 0.6 * geometry->unit);
	for (int ring = 1; ring <= CHART_SCALE_MAX; ring++) {
		for (size_t axis = 0; axis < count; axis++)
			values[axis] = ring;
		chart_polygon(cairo, geometry, values, count);
		chart_set_color(cairo, &grey, ring == CHART_SCALE_MAX ? 0.7 : 0.35);
		cairo_stroke(cairo);
	}
	for (size_t axis = 0; axis < count; axis++) {
		double x, y;

		chart_point(geometry, axis, count, CHART_SCALE_MAX, &x, &y);
		cairo_move_to(cairo, geometry->centre_x, geometry->centre_y);
		cairo_line_to(cairo, x, y);
	}
	chart_set_color(cairo, &grey, 0.35);
	cairo_stroke(cairo);

	for (size_t index = 0; index < input->threshold_count; index++) {
		const struct chart_threshold *threshold = &input->thresholds[index];
		struct brand_color color =
			brand_stage_color(brand, threshold->stage, input->stage_count);
		double dash[] = { 3 * geometry->unit, 2 * geometry->unit };

		for (size_t axis = 0; axis < count; axis++)
			values[axis] = threshold->value;
		chart_polygon(cairo, geometry, values, count);
		cairo_set_dash(cairo, dash, 2, 0);
		cairo_set_line_width(cairo, 1.1 * geometry->unit);
		chart_set_color(cairo, &color, 0.85);
		cairo_stroke(cairo);
		cairo_set_dash(cairo, NULL, 0, 0);
	}
	free(values);
}

/* How a series is drawn: its swatch, colour and opacity.  Earlier
 * assessments fade the older they are (depth 0 is the latest). */
static struct chart_entry
chart_series_style(const struct brand *brand, enum chart_series_kind kind, size_t depth)
{
	switch (kind) {
	case CHART_PREVIOUS:
		return (struct chart_entry){ .swatch = SWATCH_DASH, .color = brand->text,
					     .alpha = depth == 0 ? 0.65 : depth == 1 ? 0.42 : 0.28 };
	case CHART_BENCHMARK:
		return (struct chart_entry){ .swatch = SWATCH_DOT, .color = brand->accent,
					     .alpha = 1 };
	case CHART_TARGET:
		return (struct chart_entry){ .swatch = SWATCH_TARGET, .color = brand->accent,
					     .alpha = 1 };
	case CHART_CURRENT:
		break;
	}
	return (struct chart_entry){ .swatch = SWATCH_FILL, .color = brand->primary, .alpha = 1 };
}

/* How many series of kind come before index: a previous outline's age. */
static size_t
chart_series_depth(const struct chart_input *input, size_t index)
{
	size_t depth = 0;

	for (size_t other = 0; other < index; other++)
		depth += input->series[other].kind == input->series[index].kind;
	return depth;
}

static size_t
chart_legend_entries(struct chart_text *text, const struct chart_geometry *geometry,
		     const struct chart_input *input, struct chart_entry entries[CHART_LEGEND_MAX],
		     int *text_height)
{
	const struct brand *brand = text->brand;
	size_t count = 0;

	for (size_t index = 0; index < input->series_count && count < CHART_LEGEND_MAX; index++) {
		entries[count] = chart_series_style(brand, input->series[index].kind,
						    chart_series_depth(input, index));
		snprintf(entries[count++].text, sizeof entries[0].text, "%s",
			 input->series[index].label ? input->series[index].label : "");
	}
	count = chart_legend_thresholds(input, brand, entries, count, CHART_LEGEND_MAX);
	chart_legend_measure(text, entries, count, geometry->font_size * 0.85, text_height);
	return count;
}

/* One series' outline: the subject filled, the others stroked. */
static void
chart_outline(cairo_t *cairo, const struct chart_geometry *geometry, const struct chart_input *input,
	      size_t index, const struct brand *brand)
{
	const struct chart_series *series = &input->series[index];
	struct chart_entry style =
		chart_series_style(brand, series->kind, chart_series_depth(input, index));
	double unit = geometry->unit;

	chart_polygon(cairo, geometry, series->values, input->axis_count);
	if (style.swatch == SWATCH_FILL) {
		chart_set_color(cairo, &style.color, 0.22);
		cairo_fill_preserve(cairo);
		cairo_set_line_width(cairo, 2 * unit);
		cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND);
		chart_set_color(cairo, &style.color, 1);
		cairo_stroke(cairo);
		return;
	}
	chart_stroke_style(cairo, style.swatch, unit,
			   (style.swatch == SWATCH_DASH ? 1.4 : style.swatch == SWATCH_DOT ? 2 : 1.7) *
				   unit);
	chart_set_color(cairo, &style.color, style.alpha);
	cairo_stroke(cairo);
	chart_stroke_style(cairo, SWATCH_FILL, unit, unit);
}

/* Each vertex of the subject: a dot and its score, set just outside the
 * dot; an axis without a value gets a hollow mark at the rim and the
 * missing label. */
static void
chart_vertices(cairo_t *cairo, struct chart_text *text, const struct chart_geometry *geometry,
	       const struct chart_input *input, const double *values)
{
	const struct brand *brand = text->brand;
	size_t count = input->axis_count;

	for (size_t axis = 0; axis < count; axis++) {
		double point_x, point_y, angle = chart_angle(axis, count);
		char score[16];
		PangoLayout *layout;
		int text_width, text_height;

		if (values[axis] < 0) {
			chart_point(geometry, axis, count, CHART_SCALE_MAX, &point_x, &point_y);
			cairo_new_path(cairo);
			cairo_arc(cairo, point_x, point_y, 3 * geometry->unit, 0, 2 * M_PI);
			chart_set_color(cairo, &brand->text, 0.5);
			cairo_set_line_width(cairo, 1 * geometry->unit);
			cairo_stroke(cairo);
			if (input->missing_label == NULL)
				continue;
			layout = chart_layout(text, geometry->font_size * 0.8, 0, -1,
					      PANGO_ALIGN_LEFT, input->missing_label);
			pango_layout_get_pixel_size(layout, &text_width, &text_height);
			chart_show(cairo, text, layout,
				   point_x - text_width / 2.0 - 16 * geometry->unit * cos(angle),
				   point_y - text_height / 2.0 - 16 * geometry->unit * sin(angle),
				   &brand->text, 1);
			g_object_unref(layout);
			continue;
		}
		chart_point(geometry, axis, count, values[axis], &point_x, &point_y);
		draw_disc(cairo, point_x, point_y, 3 * geometry->unit, brand->primary);
		snprintf(score, sizeof score, "%.2f", values[axis]);
		layout = chart_layout(text, geometry->font_size * 0.9, 1, -1, PANGO_ALIGN_LEFT, score);
		pango_layout_get_pixel_size(layout, &text_width, &text_height);
		/* Inside the rim for high scores, outside the dot otherwise. */
		double offset = values[axis] > 3.2 ? -16 * geometry->unit : 13 * geometry->unit;
		double label_x = point_x + offset * cos(angle) - text_width / 2.0;
		double label_y = point_y + offset * sin(angle) - text_height / 2.0;
		cairo_rectangle(cairo, label_x - 2 * geometry->unit, label_y,
				text_width + 4 * geometry->unit, text_height);
		cairo_set_source_rgba(cairo, 1, 1, 1, 0.85);
		cairo_fill(cairo);
		chart_show(cairo, text, layout, label_x, label_y, &brand->primary, 1);
		g_object_unref(layout);
	}
}

void
chart_radar_draw(cairo_t *cairo, struct chart_text *text, const struct chart_input *input,
		 double x, double y, double width, double height)
{
	const struct brand *brand = text->brand;
	size_t count = input->axis_count;
	const double *subject = NULL;
	struct chart_geometry geometry;
	struct chart_entry legend[CHART_LEGEND_MAX];
	size_t legend_count, legend_rows, legend_row[CHART_LEGEND_MAX];
	int legend_text_height = 0;
	double legend_height;

	if (count == 0)
		return;
	/* Leave room below for the legend and around for the labels. */
	geometry.unit = fmin(width, height) / 400.0;
	geometry.font_size = 10.5 * geometry.unit;
	geometry.label_width = 96 * geometry.unit;
	legend_count = chart_legend_entries(text, &geometry, input, legend, &legend_text_height);
	legend_rows = chart_legend_rows(legend, legend_count, width - 8 * geometry.unit,
					geometry.unit, legend_row);
	legend_height = (4 + 20 * (double)legend_rows) * geometry.unit;
	geometry.centre_x = x + width / 2;
	geometry.centre_y = y + (height - legend_height) / 2;
	geometry.radius = fmin(width / 2 - geometry.label_width - 14 * geometry.unit,
			       (height - legend_height) / 2 - 44 * geometry.unit);

	chart_grid(cairo, &geometry, input, brand);

	/* The outlines, the subject last so that it lies on top. */
	for (size_t index = 0; index < input->series_count; index++)
		if (input->series[index].kind != CHART_CURRENT)
			chart_outline(cairo, &geometry, input, index, brand);
	for (size_t index = 0; index < input->series_count; index++)
		if (input->series[index].kind == CHART_CURRENT) {
			chart_outline(cairo, &geometry, input, index, brand);
			if (subject == NULL)
				subject = input->series[index].values;
		}
	if (subject != NULL)
		chart_vertices(cairo, text, &geometry, input, subject);

	for (size_t axis = 0; axis < count; axis++)
		chart_label(cairo, text, &geometry, axis, count,
			    input->labels[axis] ? input->labels[axis] : "");

	chart_legend_draw(cairo, text, geometry.unit, legend, legend_count, legend_row,
			  legend_text_height, x, y + height - legend_height, width);
}
