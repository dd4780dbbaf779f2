/* The charts' shared layer: the text cache, laying text out and showing
 * it, the legend, and the surfaces (a cairo context, SVG, PNG); see
 * chart.h.  chart_radar.c and chart_trend.c draw the two kinds. */
#include "chart.h"

#include "brand.h"
#include "chart_parts.h"
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

void
chart_set_color(cairo_t *cairo, const struct brand_color *color, double alpha)
{
	draw_set_color(cairo, *color, alpha);
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

void
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

void
chart_text_end(struct chart_text *text)
{
	if (text->cache == NULL)
		g_object_unref(text->pango);
}

PangoLayout *
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

void
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

void
chart_legend_measure(struct chart_text *text, struct chart_entry *entries, size_t count,
		     double size, int *text_height)
{
	for (size_t index = 0; index < count; index++) {
		entries[index].layout = chart_layout(text, size, 0, -1, PANGO_ALIGN_LEFT,
						     entries[index].text);
		pango_layout_get_pixel_size(entries[index].layout, &entries[index].width, text_height);
	}
}

size_t
chart_legend_thresholds(const struct chart_input *input, const struct brand *brand,
			struct chart_entry *entries, size_t count, size_t limit)
{
	for (size_t index = 0; index < input->threshold_count && count < limit; index++) {
		const struct chart_threshold *threshold = &input->thresholds[index];

		entries[count] = (struct chart_entry){
			.swatch = SWATCH_DASH,
			.color = brand_stage_color(brand, threshold->stage, input->stage_count),
			.alpha = 0.9,
		};
		snprintf(entries[count++].text, sizeof entries[0].text, "%s",
			 threshold->label ? threshold->label : "");
	}
	return count;
}

size_t
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

void
chart_legend_draw(cairo_t *cairo, struct chart_text *text, double unit,
		  struct chart_entry *entries, size_t count, const size_t *row, int text_height,
		  double x, double y, double width)
{
	const struct brand *brand = text->brand;
	double swatch = 16 * unit, gap = 5 * unit, spacing = 16 * unit;
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
				cairo_move_to(cairo, cursor, middle);
				cairo_line_to(cairo, cursor + swatch, middle);
				chart_stroke_style(cairo, entry->swatch, unit, 1.5 * unit);
				chart_set_color(cairo, &entry->color, entry->alpha);
				cairo_stroke(cairo);
				chart_stroke_style(cairo, SWATCH_FILL, unit, 1.5 * unit);
				if (entry->swatch == SWATCH_LINE)
					draw_disc(cairo, cursor + swatch / 2, middle, 2.6 * unit,
						  entry->color);
			}
			cursor += swatch + gap;
			chart_show(cairo, text, entry->layout, cursor, top, &brand->text, 0);
			g_object_unref(entry->layout);
			cursor += entry->width + spacing;
		}
		first = last;
	}
}

void
chart_stroke_style(cairo_t *cairo, enum chart_swatch swatch, double unit, double width)
{
	const double dash[] = { 5 * unit, 3 * unit };
	const double dot[] = { 0.1 * unit, 3.5 * unit };
	const double target[] = { 7 * unit, 2.5 * unit, 0.1 * unit, 2.5 * unit };

	cairo_set_line_width(cairo, width);
	cairo_set_line_cap(cairo, swatch == SWATCH_DOT || swatch == SWATCH_TARGET
					  ? CAIRO_LINE_CAP_ROUND
					  : CAIRO_LINE_CAP_BUTT);
	switch (swatch) {
	case SWATCH_DASH:
		cairo_set_dash(cairo, dash, 2, 0);
		break;
	case SWATCH_DOT:
		cairo_set_dash(cairo, dot, 2, 0);
		break;
	case SWATCH_TARGET:
		cairo_set_dash(cairo, target, 4, 0);
		break;
	case SWATCH_FILL:
	case SWATCH_LINE:
		cairo_set_dash(cairo, NULL, 0, 0);
		break;
	}
}

/* chart_draw, its text collected in runs when runs is not NULL. */
static void
chart_draw_collecting(cairo_t *cairo, const struct chart_input *input, const struct brand *brand,
		      struct chart_cache *cache, double x, double y, double width, double height,
		      GArray *runs)
{
	struct chart_text text;

	cairo_save(cairo);
	chart_text_begin(&text, cairo, cache, brand);
	text.runs = runs;
	if (input->kind == CHART_TREND)
		chart_trend_draw(cairo, &text, input, x, y, width, height);
	else
		chart_radar_draw(cairo, &text, input, x, y, width, height);
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
chart_input_init_trend(struct chart_input *input, size_t date_count, size_t line_count)
{
	memset(input, 0, sizeof *input);
	input->kind = CHART_TREND;
	input->date_count = date_count < CHART_DATES_MAX ? date_count : CHART_DATES_MAX;
	input->line_count = line_count < CHART_LINES_MAX ? line_count : CHART_LINES_MAX;
	input->date_labels = xcalloc(input->date_count ? input->date_count : 1,
				     sizeof *input->date_labels);
	input->date_positions = xcalloc(input->date_count ? input->date_count : 1,
					sizeof *input->date_positions);
	input->lines = xcalloc(input->line_count ? input->line_count : 1, sizeof *input->lines);
	for (size_t index = 0; index < input->line_count; index++) {
		struct chart_line *line = &input->lines[index];

		line->target = -1;
		line->values = xcalloc(input->date_count ? input->date_count : 1,
				       sizeof *line->values);
		for (size_t date = 0; date < input->date_count; date++)
			line->values[date] = -1;
	}
}

double
chart_aspect(const struct chart_input *input)
{
	/* The radar's proportions leave room for its labels and legend. */
	return input->kind == CHART_TREND ? chart_trend_aspect(input) : 410.0 / 520.0;
}

void
chart_input_release(struct chart_input *input)
{
	for (size_t index = 0; index < input->series_count; index++)
		free(input->series[index].values);
	for (size_t index = 0; index < input->line_count; index++)
		free(input->lines[index].values);
	free(input->labels);
	free(input->date_labels);
	free(input->date_positions);
	free(input->lines);
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
