/* The radar chart; see chart.h.  Geometry: the scale runs from 0 at the
 * centre to 4 at the rim, so a score of 1 still shows as a shape. */
#include "chart.h"

#include "brand.h"
#include "diag.h"
#include "draw.h"
#include "outfile.h"
#include "svg.h"
#include "xalloc.h"

#include <cairo-svg.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <pango/pangocairo.h>
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

static void
chart_set_color(cairo_t *cairo, const struct brand_color *color, double alpha)
{
	draw_set_color(cairo, *color, alpha);
}

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

/* Text laid out for charts, kept from one chart to the next: a Pango
 * context made for the surface drawn on, and the layouts of the labels
 * most charts share (domains, legend, scores).  Emptied when the text
 * settings of the surface change, and when it holds CHART_CACHE_LIMIT
 * layouts, so its size is bounded. */
enum { CHART_CACHE_LIMIT = 512 };

struct chart_cache {
	PangoContext *pango;                  /* NULL until the first chart */
	cairo_font_options_t *target_options; /* of the surface it was made for */
	cairo_font_options_t *own_options;    /* of the cairo context */
	cairo_matrix_t matrix;                /* the transformation it was made for */
	GHashTable *layouts; /* "family size bold width alignment text" -> PangoLayout */
};

/* What one chart lays out its text with: the cache's context, or one of
 * its own when there is no cache. */
struct chart_text {
	PangoContext *pango;
	struct chart_cache *cache; /* NULL when none */
	const struct brand *brand;
	GArray *runs;              /* struct chart_run: text collected, not drawn; or NULL */
};

/* One line of the chart's text, collected instead of drawn when the chart
 * becomes SVG for a web page: there it is real text, which a reader can
 * select, search and zoom, set in the page's own font. */
struct chart_run {
	char *text;
	double x, y;        /* the anchor, on the baseline */
	double size;        /* points */
	int bold;
	const char *anchor; /* SVG's text-anchor: "start", "middle" or "end" */
	char color[8];      /* "#rrggbb" */
};

struct chart_cache *
chart_cache_new(void)
{
	struct chart_cache *cache = xcalloc(1, sizeof *cache);

	cache->target_options = cairo_font_options_create();
	cache->own_options = cairo_font_options_create();
	cache->layouts = g_hash_table_new_full(g_str_hash, g_str_equal, free, g_object_unref);
	return cache;
}

void
chart_cache_free(struct chart_cache *cache)
{
	if (cache == NULL)
		return;
	g_hash_table_destroy(cache->layouts);
	if (cache->pango != NULL)
		g_object_unref(cache->pango);
	cairo_font_options_destroy(cache->target_options);
	cairo_font_options_destroy(cache->own_options);
	free(cache);
}

/* Starts laying out text for a chart drawn on cairo: with the cache's
 * context when it was made for the same text settings (the surface's and
 * cairo's font options, the transformation), else with a new one, which
 * the cache then keeps.  End with chart_text_end. */
static void
chart_text_begin(struct chart_text *text, cairo_t *cairo, struct chart_cache *cache,
		 const struct brand *brand)
{
	cairo_font_options_t *target_options, *own_options;
	cairo_matrix_t matrix;

	text->cache = cache;
	text->brand = brand;
	if (cache == NULL) {
		text->pango = pango_cairo_create_context(cairo);
		/* Glyphs where the font puts them, not rounded to whole units. */
		pango_context_set_round_glyph_positions(text->pango, FALSE);
		return;
	}
	target_options = cairo_font_options_create();
	own_options = cairo_font_options_create();
	cairo_surface_get_font_options(cairo_get_target(cairo), target_options);
	cairo_get_font_options(cairo, own_options);
	cairo_get_matrix(cairo, &matrix);
	if (cache->pango == NULL ||
	    !cairo_font_options_equal(target_options, cache->target_options) ||
	    !cairo_font_options_equal(own_options, cache->own_options) ||
	    memcmp(&matrix, &cache->matrix, sizeof matrix) != 0) {
		if (cache->pango != NULL)
			g_object_unref(cache->pango);
		g_hash_table_remove_all(cache->layouts);
		cache->pango = pango_cairo_create_context(cairo);
		pango_context_set_round_glyph_positions(cache->pango, FALSE);
		cairo_font_options_destroy(cache->target_options);
		cairo_font_options_destroy(cache->own_options);
		cache->target_options = target_options;
		cache->own_options = own_options;
		cache->matrix = matrix;
	} else {
		cairo_font_options_destroy(target_options);
		cairo_font_options_destroy(own_options);
	}
	text->pango = cache->pango;
}

static void
chart_text_end(struct chart_text *text)
{
	if (text->cache == NULL)
		g_object_unref(text->pango);
}

/* A layout of text in the brand's body font at size points, semibold when
 * bold, wrapped to width points (none when width <= 0) and aligned so.
 * Shared through the cache: the caller unrefs it and must not change it. */
static PangoLayout *
chart_layout(struct chart_text *text, double size, int bold, double width,
	     PangoAlignment alignment, const char *string)
{
	PangoFontDescription *font;
	PangoLayout *layout;
	char *key = NULL;

	if (text->cache != NULL) {
		key = xasprintf("%s %a %d %a %d %s", text->brand->body_font, size, bold,
				width > 0 ? width : 0, (int)alignment, string);
		layout = g_hash_table_lookup(text->cache->layouts, key);
		if (layout != NULL) {
			free(key);
			return g_object_ref(layout);
		}
	}
	layout = pango_layout_new(text->pango);
	font = pango_font_description_from_string(text->brand->body_font);
	pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(font, PANGO_WEIGHT_SEMIBOLD);
	pango_layout_set_font_description(layout, font);
	pango_font_description_free(font);
	pango_layout_set_text(layout, string, -1);
	if (width > 0) {
		pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(layout, alignment);
	if (key != NULL) {
		if (g_hash_table_size(text->cache->layouts) >= CHART_CACHE_LIMIT)
			g_hash_table_remove_all(text->cache->layouts);
		g_hash_table_insert(text->cache->layouts, key, g_object_ref(layout));
	}
	return layout;
}

/* Shows layout with its top left corner at (x, y) in color; or, when text
 * collects runs, records each of its lines there instead.  centred: the
 * layout is placed centred on x + its width / 2, so the run is anchored
 * at its middle whatever its width in the reader's font. */
static void
chart_show(cairo_t *cairo, struct chart_text *text, PangoLayout *layout, double x, double y,
	   const struct brand_color *color, int centred)
{
	const PangoFontDescription *font = pango_layout_get_font_description(layout);
	PangoAlignment alignment = pango_layout_get_alignment(layout);
	const char *string = pango_layout_get_text(layout);
	PangoLayoutIter *iterator;

	if (text->runs == NULL) {
		chart_set_color(cairo, color, 1);
		cairo_move_to(cairo, x, y);
		pango_cairo_show_layout(cairo, layout);
		return;
	}
	iterator = pango_layout_get_iter(layout);
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(iterator);
		PangoRectangle logical;
		struct chart_run run;
		double left, width;
		int length = line->length;

		/* The line's text, without the space or break it ends on. */
		while (length > 0 && g_ascii_isspace(string[line->start_index + length - 1]))
			length--;
		if (length == 0)
			continue;
		pango_layout_iter_get_line_extents(iterator, NULL, &logical);
		left = x + (double)logical.x / PANGO_SCALE;
		width = (double)logical.width / PANGO_SCALE;
		run.text = xstrndup(string + line->start_index, (size_t)length);
		run.y = y + (double)pango_layout_iter_get_baseline(iterator) / PANGO_SCALE;
		run.size = (double)pango_font_description_get_size(font) / PANGO_SCALE;
		run.bold = pango_font_description_get_weight(font) >= PANGO_WEIGHT_SEMIBOLD;
		snprintf(run.color, sizeof run.color, "%s", color->hex);
		if (centred || alignment == PANGO_ALIGN_CENTER) {
			run.anchor = "middle";
			run.x = left + width / 2;
		} else if (alignment == PANGO_ALIGN_RIGHT) {
			run.anchor = "end";
			run.x = left + width;
		} else {
			run.anchor = "start";
			run.x = left;
		}
		g_array_append_val(text->runs, run);
	} while (pango_layout_iter_next_line(iterator));
	pango_layout_iter_free(iterator);
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

/* One legend entry: a swatch drawn by the caller's kind, then a label. */
enum chart_swatch { SWATCH_FILL, SWATCH_DASH, SWATCH_DOT };

struct chart_entry {
	enum chart_swatch swatch;
	struct brand_color color;
	double alpha;
	char text[128];
	PangoLayout *layout;
	int width;
};

/* The legend's entries, measured: this assessment, the previous one and
 * the benchmark when there are, and each stage threshold.  Returns how
 * many; the caller draws them with chart_legend_draw, which frees them. */
enum { CHART_LEGEND_MAX = 16 };

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
	for (size_t index = 0; index < input->threshold_count && count < CHART_LEGEND_MAX;
	     index++) {
		const struct chart_threshold *threshold = &input->thresholds[index];

		entries[count] = (struct chart_entry){
			.swatch = SWATCH_DASH,
			.color = brand_stage_color(brand, threshold->stage, input->stage_count),
			.alpha = 0.9,
		};
		snprintf(entries[count++].text, sizeof entries[0].text, "%s",
			 threshold->label ? threshold->label : "");
	}
	for (size_t index = 0; index < count; index++) {
		entries[index].layout = chart_layout(text, geometry->font_size * 0.85, 0, -1,
						     PANGO_ALIGN_LEFT, entries[index].text);
		pango_layout_get_pixel_size(entries[index].layout, &entries[index].width, text_height);
	}
	return count;
}

/* Breaks the entries into rows no wider than width: row[i] is entry i's
 * row.  Returns the number of rows (at least 1). */
static size_t
chart_legend_rows(const struct chart_entry *entries, size_t count, double width, double unit,
		  size_t row[CHART_LEGEND_MAX])
{
	double swatch = 16 * unit, gap = 5 * unit, spacing = 16 * unit, used = 0;
	size_t rows = 1;

	for (size_t index = 0; index < count; index++) {
		double need = swatch + gap + entries[index].width;

		if (used > 0 && used + spacing + need > width) {
			rows++;
			used = 0;
		}
		used += (used > 0 ? spacing : 0) + need;
		row[index] = rows - 1;
	}
	return rows;
}

/* Draws the entries row by row, each row centred in width, from y down;
 * frees their layouts. */
static void
chart_legend_draw(cairo_t *cairo, struct chart_text *text, const struct chart_geometry *geometry,
		  struct chart_entry *entries, size_t count, const size_t *row, int text_height,
		  double x, double y, double width)
{
	const struct brand *brand = text->brand;
	double unit = geometry->unit, swatch = 16 * unit, gap = 5 * unit, spacing = 16 * unit;
	double line = 20 * unit;

	for (size_t first = 0; first < count;) {
		size_t last = first;
		double total = 0, cursor, top = y + (double)row[first] * line + (line - text_height) / 2;

		while (last < count && row[last] == row[first]) {
			total += (last > first ? spacing : 0) + swatch + gap + entries[last].width;
			last++;
		}
		cursor = x + (width - total) / 2;
		for (size_t index = first; index < last; index++) {
			struct chart_entry *entry = &entries[index];
			double middle = top + text_height / 2.0;

			if (entry->swatch == SWATCH_FILL) {
				cairo_rectangle(cairo, cursor, middle - 4.5 * unit, swatch, 9 * unit);
				chart_set_color(cairo, &entry->color, 0.3);
				cairo_fill_preserve(cairo);
				cairo_set_line_width(cairo, 1.5 * unit);
				chart_set_color(cairo, &entry->color, 1);
				cairo_stroke(cairo);
			} else {
				double dash[] = { 4 * unit, 2.5 * unit };
				double dot[] = { 0.1 * unit, 3 * unit };

				cairo_set_line_cap(cairo, entry->swatch == SWATCH_DOT
								  ? CAIRO_LINE_CAP_ROUND
								  : CAIRO_LINE_CAP_BUTT);
				if (entry->swatch == SWATCH_DOT)
					memcpy(dash, dot, sizeof dash);
				cairo_move_to(cairo, cursor, middle);
				cairo_line_to(cairo, cursor + swatch, middle);
				cairo_set_dash(cairo, dash, 2, 0);
				cairo_set_line_width(cairo, 1.5 * unit);
				chart_set_color(cairo, &entry->color, entry->alpha);
				cairo_stroke(cairo);
				cairo_set_dash(cairo, NULL, 0, 0);
				cairo_set_line_cap(cairo, CAIRO_LINE_CAP_BUTT);
			}
			cursor += swatch + gap;
			chart_show(cairo, text, entry->layout, cursor, top, &brand->text, 0);
			g_object_unref(entry->layout);
			cursor += entry->width + spacing;
		}
		first = last;
	}
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
	double dash[] = { 5 * unit, 3 * unit }, dot[] = { 0.1 * unit, 3.5 * unit };

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
	cairo_set_dash(cairo, style.swatch == SWATCH_DOT ? dot : dash, 2, 0);
	cairo_set_line_cap(cairo,
			   style.swatch == SWATCH_DOT ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
	cairo_set_line_width(cairo, (style.swatch == SWATCH_DOT ? 2 : 1.4) * unit);
	chart_set_color(cairo, &style.color, style.alpha);
	cairo_stroke(cairo);
	cairo_set_dash(cairo, NULL, 0, 0);
	cairo_set_line_cap(cairo, CAIRO_LINE_CAP_BUTT);
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

/* chart_draw, its text collected in runs when runs is not NULL. */
static void
chart_draw_collecting(cairo_t *cairo, const struct chart_input *input, const struct brand *brand,
		      struct chart_cache *cache, double x, double y, double width, double height,
		      GArray *runs)
{
	size_t count = input->axis_count;
	const double *subject = NULL;
	struct chart_geometry geometry;
	struct chart_text text;
	struct chart_entry legend[CHART_LEGEND_MAX];
	size_t legend_count, legend_rows, legend_row[CHART_LEGEND_MAX];
	int legend_text_height = 0;
	double legend_height;

	if (count == 0)
		return;
	cairo_save(cairo);
	chart_text_begin(&text, cairo, cache, brand);
	text.runs = runs;
	/* Leave room below for the legend and around for the labels. */
	geometry.unit = fmin(width, height) / 400.0;
	geometry.font_size = 10.5 * geometry.unit;
	geometry.label_width = 96 * geometry.unit;
	legend_count = chart_legend_entries(&text, &geometry, input, legend, &legend_text_height);
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
		chart_vertices(cairo, &text, &geometry, input, subject);

	for (size_t axis = 0; axis < count; axis++)
		chart_label(cairo, &text, &geometry, axis, count,
			    input->labels[axis] ? input->labels[axis] : "");

	chart_legend_draw(cairo, &text, &geometry, legend, legend_count, legend_row, legend_text_height,
			  x, y + height - legend_height, width);
	chart_text_end(&text);
	cairo_restore(cairo);
}

void
chart_draw(cairo_t *cairo, const struct chart_input *input, const struct brand *brand,
	   struct chart_cache *cache, double x, double y, double width, double height)
{
	chart_draw_collecting(cairo, input, brand, cache, x, y, width, height, NULL);
}

void
chart_input_init(struct chart_input *input, size_t axis_count)
{
	memset(input, 0, sizeof *input);
	input->axis_count = axis_count;
	input->labels = xcalloc(axis_count ? axis_count : 1, sizeof *input->labels);
}

struct chart_series *
chart_input_add_series(struct chart_input *input, enum chart_series_kind kind, const char *label)
{
	struct chart_series *series;

	if (input->series_count >= CHART_SERIES_MAX)
		return NULL;
	series = &input->series[input->series_count++];
	series->kind = kind;
	series->label = label;
	series->values = xcalloc(input->axis_count ? input->axis_count : 1, sizeof *series->values);
	for (size_t axis = 0; axis < input->axis_count; axis++)
		series->values[axis] = -1;
	return series;
}

void
chart_input_release(struct chart_input *input)
{
	for (size_t index = 0; index < input->series_count; index++)
		free(input->series[index].values);
	free(input->labels);
	memset(input, 0, sizeof *input);
}

/* Collects a cairo stream into memory. */
struct chart_buffer {
	char *data;
	size_t length;
	size_t capacity;
};

static cairo_status_t
chart_buffer_write(void *closure, const unsigned char *data, unsigned int length)
{
	struct chart_buffer *buffer = closure;

	if (buffer->length + length + 1 > buffer->capacity) {
		buffer->capacity = (buffer->length + length + 1) * 2;
		buffer->data = xreallocarray(buffer->data, buffer->capacity, 1);
	}
	memcpy(buffer->data + buffer->length, data, length);
	buffer->length += length;
	buffer->data[buffer->length] = '\0';
	return CAIRO_STATUS_SUCCESS;
}

/* Adds runs to the SVG root element as <text> elements, after everything
 * drawn (text was always drawn last where it sits). */
static void
chart_svg_add_text(xmlNodePtr root, const GArray *runs)
{
	for (guint index = 0; index < runs->len; index++) {
		const struct chart_run *run = &g_array_index(runs, struct chart_run, index);
		xmlNodePtr node = xmlNewTextChild(root, root->ns, (const xmlChar *)"text",
						  (const xmlChar *)run->text);
		char number[32];

		snprintf(number, sizeof number, "%.2f", run->x);
		xmlNewProp(node, (const xmlChar *)"x", (const xmlChar *)number);
		snprintf(number, sizeof number, "%.2f", run->y);
		xmlNewProp(node, (const xmlChar *)"y", (const xmlChar *)number);
		snprintf(number, sizeof number, "%.2f", run->size);
		xmlNewProp(node, (const xmlChar *)"font-size", (const xmlChar *)number);
		if (run->bold)
			xmlNewProp(node, (const xmlChar *)"font-weight", (const xmlChar *)"600");
		xmlNewProp(node, (const xmlChar *)"fill", (const xmlChar *)run->color);
		if (strcmp(run->anchor, "start") != 0)
			xmlNewProp(node, (const xmlChar *)"text-anchor",
				   (const xmlChar *)run->anchor);
	}
}

xmlDocPtr
chart_svg(const struct chart_input *input, const struct brand *brand, struct chart_cache *cache,
	  double width, double height, const char *source, struct diag *diag)
{
	struct chart_buffer buffer = { 0 };
	cairo_surface_t *surface =
		cairo_svg_surface_create_for_stream(chart_buffer_write, &buffer, width, height);
	cairo_t *cairo = cairo_create(surface);
	GArray *runs = g_array_new(FALSE, FALSE, sizeof(struct chart_run));
	xmlDocPtr document = NULL;
	xmlNodePtr root = NULL;
	cairo_status_t status;

	chart_draw_collecting(cairo, input, brand, cache, 0, 0, width, height, runs);
	status = cairo_status(cairo);
	cairo_destroy(cairo);
	cairo_surface_finish(surface);
	if (status == CAIRO_STATUS_SUCCESS)
		status = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	/* cairo's own output: trusted, but still read without the network. */
	if (status == CAIRO_STATUS_SUCCESS && buffer.data != NULL)
		document = xmlReadMemory(buffer.data, (int)buffer.length, NULL, NULL,
					 XML_PARSE_NONET | XML_PARSE_NOBLANKS |
						 XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	root = document != NULL ? xmlDocGetRootElement(document) : NULL;
	if (root != NULL) {
		svg_renumber_groups(root);
		chart_svg_add_text(root, runs);
	}
	for (guint index = 0; index < runs->len; index++)
		free(g_array_index(runs, struct chart_run, index).text);
	g_array_free(runs, TRUE);
	free(buffer.data);
	if (root == NULL) {
		diag_error(diag, source, 0, "cannot draw the chart: %s",
			   status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string(status)
							  : "its SVG does not read back");
		xmlFreeDoc(document);
		return NULL;
	}
	return document;
}

int
chart_write_png(const struct outfile_folder *folder, const char *name,
		const struct chart_input *input, const struct brand *brand, double width,
		double height, double scale, struct diag *diag)
{
	char path[4096];
	cairo_surface_t *surface = cairo_image_surface_create(
		CAIRO_FORMAT_ARGB32, (int)ceil(width * scale), (int)ceil(height * scale));
	cairo_t *cairo = cairo_create(surface);
	struct chart_buffer buffer = { 0 };
	cairo_status_t status;
	int result;

	snprintf(path, sizeof path, "%s/%s", folder->path, name);
	cairo_set_source_rgb(cairo, 1, 1, 1);
	cairo_paint(cairo);
	cairo_scale(cairo, scale, scale);
	chart_draw(cairo, input, brand, NULL, 0, 0, width, height);
	status = cairo_status(cairo);
	cairo_destroy(cairo);
	if (status == CAIRO_STATUS_SUCCESS)
		status = cairo_surface_write_to_png_stream(surface, chart_buffer_write, &buffer);
	cairo_surface_destroy(surface);
	if (status != CAIRO_STATUS_SUCCESS) {
		diag_error(diag, path, 0, "cannot draw the chart: %s", cairo_status_to_string(status));
		free(buffer.data);
		return -1;
	}
	result = outfile_write(folder, name, buffer.data, buffer.length, diag);
	free(buffer.data);
	return result;
}
