/* The typesetter; see typeset.h.  Building the boxes measures; paginating
 * only adds heights; drawing replays each box's operations on its page. */
#include "typeset.h"
#include "typeset_parts.h"

#include "draw.h"
#include "glyphs.h"
#include "xalloc.h"

#include <cairo-pdf.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Layouts ------------------------------------------------------------------- */

struct typeset_cache_entry {
	char *key;           /* what typeset_layout made it from */
	PangoLayout *layout; /* complete: nobody changes it once cached */
	GList link;          /* in the cache's recent list; data is the entry */
};

struct typeset_cache {
	PangoContext *pango;  /* points as units, unhinted, as print wants; NULL until used */
	GHashTable *layouts;  /* key -> struct typeset_cache_entry, which it owns */
	GQueue recent;        /* the entries, most recently used first */
	size_t limit;
};

static void
typeset_cache_entry_free(void *data)
{
	struct typeset_cache_entry *entry = data;

	g_object_unref(entry->layout);
	free(entry->key);
	free(entry);
}

struct typeset_cache *
typeset_cache_new(size_t limit)
{
	struct typeset_cache *cache = xcalloc(1, sizeof *cache);

	cache->layouts =
		g_hash_table_new_full(g_str_hash, g_str_equal, NULL, typeset_cache_entry_free);
	g_queue_init(&cache->recent);
	cache->limit = limit > 0 ? limit : 1;
	return cache;
}

void
typeset_cache_free(struct typeset_cache *cache)
{
	if (cache == NULL)
		return;
	g_hash_table_destroy(cache->layouts);
	if (cache->pango != NULL)
		g_object_unref(cache->pango);
	free(cache);
}

/* The cache's Pango context, made on first use: a font map starts
 * threads, so not before the process has forked. */
static PangoContext *
typeset_context(struct typeset_cache *cache)
{
	cairo_font_options_t *options;

	if (cache->pango != NULL)
		return cache->pango;
	cache->pango = pango_font_map_create_context(pango_cairo_font_map_get_default());
	pango_cairo_context_set_resolution(cache->pango, 72.0);
	/* Glyphs where the font puts them: Pango otherwise rounds each position
	 * to a whole unit, a whole point here, which spaces letters unevenly and
	 * makes cairo correct nearly every glyph's position in the PDF. */
	pango_context_set_round_glyph_positions(cache->pango, FALSE);
	options = cairo_font_options_create();
	cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(cache->pango, options);
	cairo_font_options_destroy(options);
	return cache->pango;
}

/* Operations and boxes ------------------------------------------------------ */

struct typeset *
typeset_new(struct typeset_cache *cache, double width, double height, double left, double right,
	    double top, double bottom)
{
	struct typeset *typeset = xcalloc(1, sizeof *typeset);

	typeset->cache = cache;
	typeset->width = width;
	typeset->height = height;
	typeset->left = left;
	typeset->right = right;
	typeset->top = top;
	typeset->bottom = bottom;
	typeset->boxes = g_ptr_array_new();
	typeset->columns = 1;
	return typeset;
}

static void
typeset_box_free(struct typeset_box *box)
{
	for (guint index = 0; index < box->operations->len; index++) {
		struct typeset_operation *operation =
			&g_array_index(box->operations, struct typeset_operation, index);

		if (operation->layout != NULL)
			g_object_unref(operation->layout);
		if (operation->image != NULL)
			cairo_surface_destroy(operation->image);
		free(operation->text);
		free(operation->notches);
	}
	g_array_free(box->operations, TRUE);
	free(box->destination);
	free(box->outline_title);
	free(box->outline_destination);
	free(box);
}

void
typeset_free(struct typeset *typeset)
{
	if (typeset == NULL)
		return;
	for (guint index = 0; index < typeset->boxes->len; index++)
		typeset_box_free(g_ptr_array_index(typeset->boxes, index));
	g_ptr_array_free(typeset->boxes, TRUE);
	free(typeset->error);
	free(typeset);
}

const char *
typeset_error(const struct typeset *typeset)
{
	return typeset->error;
}

double
typeset_measure(const struct typeset *typeset)
{
	double width = typeset->right - typeset->left;

	return (width - (typeset->columns - 1) * typeset->column_gap) / typeset->columns;
}

void
typeset_columns(struct typeset *typeset, int count, double gap)
{
	typeset->columns = count > 1 ? count : 1;
	typeset->column_gap = count > 1 ? gap : 0;
}

/* A new layout, as typeset_layout describes; *valid is 0 when the markup
 * does not parse. */
static PangoLayout *
typeset_layout_new(struct typeset *typeset, const struct typeset_style *style, const char *markup,
		   double width, int lines, unsigned flags, int *valid)
{
	PangoLayout *layout = pango_layout_new(typeset_context(typeset->cache));
	PangoFontDescription *font = pango_font_description_new();
	PangoAttrList *attributes = NULL;
	GError *error = NULL;
	char *text = NULL;

	pango_font_description_set_family(font, style->family);
	pango_font_description_set_absolute_size(font, style->size * PANGO_SCALE);
	pango_font_description_set_weight(font, (PangoWeight)style->weight);
	if (style->italic)
		pango_font_description_set_style(font, PANGO_STYLE_ITALIC);
	pango_layout_set_font_description(layout, font);
	pango_font_description_free(font);
	if (width > 0) {
		pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	}
	if (lines > 0) {
		pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
		pango_layout_set_height(layout, -lines);
	}
	if (flags & TYPESET_ONE_LINE) {
		pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
		pango_layout_set_single_paragraph_mode(layout, TRUE);
	}
	if (flags & TYPESET_RIGHT)
		pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
	if (flags & TYPESET_CENTRE)
		pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
	if (flags & TYPESET_FIXED_DIRECTION)
		pango_layout_set_auto_dir(layout, FALSE);
	*valid = pango_parse_markup(markup, -1, 0, &attributes, &text, NULL, &error);
	if (!*valid) {
		if (typeset->error == NULL)
			typeset->error = xasprintf("cannot typeset text: %s", error->message);
		g_error_free(error);
		return layout;
	}
	pango_attr_list_insert(attributes, pango_attr_line_height_new_absolute(
						   (int)(style->leading * PANGO_SCALE)));
	if (style->uppercase)
		pango_attr_list_insert(
			attributes, pango_attr_text_transform_new(PANGO_TEXT_TRANSFORM_UPPERCASE));
	pango_layout_set_text(layout, text, -1);
	pango_layout_set_attributes(layout, attributes);
	pango_attr_list_unref(attributes);
	g_free(text);
	return layout;
}

/* The cache's key of a layout: the family, what typeset_layout makes it
 * from as eight hexadecimal digits each (sizes in Pango units), then the
 * markup.  Built by hand: it is made for every piece of text of every
 * report, and printf's number formatting cost a tenth of the time spent
 * setting text.  The caller frees it. */
static char *
typeset_key(const struct typeset_style *style, const char *markup, double width, int lines,
	    unsigned flags)
{
	static const char digits[] = "0123456789abcdef";
	const unsigned numbers[] = {
		(unsigned)(style->size * PANGO_SCALE), (unsigned)(style->leading * PANGO_SCALE),
		(unsigned)style->weight, (unsigned)style->italic, (unsigned)style->uppercase,
		width > 0 ? (unsigned)(width * PANGO_SCALE) : 0, lines > 0 ? (unsigned)lines : 0,
		flags,
	};
	enum { COUNT = sizeof numbers / sizeof numbers[0] };
	size_t family = strlen(style->family), length = strlen(markup);
	char *key = xmalloc(family + 1 + 8 * COUNT + length + 1), *cursor = key;

	memcpy(cursor, style->family, family);
	cursor += family;
	*cursor++ = '|';
	for (size_t index = 0; index < COUNT; index++)
		for (int shift = 28; shift >= 0; shift -= 4)
			*cursor++ = digits[(numbers[index] >> shift) & 15];
	memcpy(cursor, markup, length + 1);
	return key;
}

PangoLayout *
typeset_layout(struct typeset *typeset, const struct typeset_style *style, const char *markup,
	       double width, int lines, unsigned flags)
{
	struct typeset_cache *cache = typeset->cache;
	struct typeset_cache_entry *entry;
	PangoLayout *layout;
	char *key;
	int valid;

	key = typeset_key(style, markup, width, lines, flags);
	entry = g_hash_table_lookup(cache->layouts, key);
	if (entry != NULL) {
		free(key);
		g_queue_unlink(&cache->recent, &entry->link);
		g_queue_push_head_link(&cache->recent, &entry->link);
		return g_object_ref(entry->layout);
	}
	layout = typeset_layout_new(typeset, style, markup, width, lines, flags, &valid);
	if (!valid) {
		free(key);
		return layout;
	}
	/* Make room by dropping the layout used longest ago. */
	if (g_hash_table_size(cache->layouts) >= cache->limit) {
		GList *oldest = g_queue_pop_tail_link(&cache->recent);

		g_hash_table_remove(cache->layouts, ((struct typeset_cache_entry *)oldest->data)->key);
	}
	entry = xmalloc(sizeof *entry);
	entry->key = key;
	entry->layout = g_object_ref(layout);
	entry->link = (GList){ .data = entry };
	g_hash_table_insert(cache->layouts, key, entry);
	g_queue_push_head_link(&cache->recent, &entry->link);
	return layout;
}

/* A layout's logical extents and first baseline, in Pango units, worked
 * out once and kept with the layout: Pango goes over every line each time
 * it is asked, and a report asks for each layout several times. */
struct typeset_metrics {
	PangoRectangle logical;
	int baseline;
};

static const struct typeset_metrics *
typeset_metrics(PangoLayout *layout)
{
	static GQuark quark;
	struct typeset_metrics *metrics;

	if (quark == 0)
		quark = g_quark_from_static_string("maturity-typeset-metrics");
	metrics = g_object_get_qdata(G_OBJECT(layout), quark);
	if (metrics != NULL)
		return metrics;
	metrics = xmalloc(sizeof *metrics);
	pango_layout_get_extents(layout, NULL, &metrics->logical);
	metrics->baseline = pango_layout_get_baseline(layout);
	g_object_set_qdata_full(G_OBJECT(layout), quark, metrics, free);
	return metrics;
}

double
typeset_height(PangoLayout *layout)
{
	return (double)typeset_metrics(layout)->logical.height / PANGO_SCALE;
}

double
typeset_width(PangoLayout *layout)
{
	return (double)typeset_metrics(layout)->logical.width / PANGO_SCALE;
}

double
typeset_baseline(PangoLayout *layout)
{
	return (double)typeset_metrics(layout)->baseline / PANGO_SCALE;
}

struct typeset_box *
typeset_box(struct typeset *typeset, double height, double space_before)
{
	struct typeset_box *box = xcalloc(1, sizeof *box);

	box->height = height;
	box->space_before = space_before;
	box->columns = typeset->columns;
	box->column_gap = typeset->column_gap;
	box->operations = g_array_new(FALSE, TRUE, sizeof(struct typeset_operation));
	g_ptr_array_add(typeset->boxes, box);
	return box;
}

void
typeset_keep_with_next(struct typeset_box *box)
{
	box->keep_with_next = 1;
}

void
typeset_break_before(struct typeset_box *box)
{
	box->break_before = 1;
}

void
typeset_shrinkable(struct typeset_box *box, double min_height)
{
	box->shrinkable = 1;
	box->min_height = min_height;
}

void
typeset_destination(struct typeset_box *box, const char *name)
{
	free(box->destination);
	box->destination = xstrdup(name);
}

void
typeset_outline(struct typeset_box *box, int level, const char *title, const char *destination)
{
	box->outline_level = level;
	free(box->outline_title);
	free(box->outline_destination);
	box->outline_title = xstrdup(title);
	box->outline_destination = xstrdup(destination);
}

static struct typeset_operation *
typeset_add(struct typeset_box *box, enum typeset_operation_kind kind, double x, double y)
{
	struct typeset_operation operation = { .kind = kind, .x = x, .y = y };

	g_array_append_val(box->operations, operation);
	return &g_array_index(box->operations, struct typeset_operation, box->operations->len - 1);
}

void
typeset_show(struct typeset_box *box, PangoLayout *layout, double x, double y,
	     struct brand_color color)
{
	struct typeset_operation *operation = typeset_add(box, OPERATION_SHOW, x, y);

	operation->layout = g_object_ref(layout);
	operation->color = color;
}

void
typeset_show_line(struct typeset_box *box, PangoLayout *layout, int line, double x,
		  double baseline, struct brand_color color)
{
	struct typeset_operation *operation = typeset_add(box, OPERATION_SHOW_LINE, x, baseline);

	operation->layout = g_object_ref(layout);
	operation->line = line;
	operation->color = color;
}

void
typeset_rounded(struct typeset_box *box, double x, double y, double width, double height,
		double radius, struct brand_color color)
{
	struct typeset_operation *operation = typeset_add(box, OPERATION_ROUNDED, x, y);

	operation->width = width;
	operation->height = height;
	operation->extra = radius;
	operation->color = color;
}

void
typeset_line(struct typeset_box *box, double x1, double y1, double x2, double y2,
	     double thickness, struct brand_color color)
{
	struct typeset_operation *operation = typeset_add(box, OPERATION_LINE, x1, y1);

	operation->width = x2;
	operation->height = y2;
	operation->extra = thickness;
	operation->color = color;
}

void
typeset_bar(struct typeset_box *box, double x, double y, double width, double height,
	    double fraction, struct brand_color fill, struct brand_color track,
	    const double *notches, size_t notch_count)
{
	struct typeset_operation *operation = typeset_add(box, OPERATION_BAR, x, y);

	operation->width = width;
	operation->height = height;
	operation->extra = fraction;
	operation->color = fill;
	operation->other = track;
	if (notch_count > 0) {
		operation->notches = xcalloc(notch_count, sizeof *operation->notches);
		memcpy(operation->notches, notches, notch_count * sizeof *notches);
		operation->notch_count = notch_count;
	}
}

void
typeset_disc(struct typeset_box *box, double centre_x, double centre_y, double radius,
	     struct brand_color color)
{
	struct typeset_operation *operation = typeset_add(box, OPERATION_DISC, centre_x, centre_y);

	operation->extra = radius;
	operation->color = color;
}

void
typeset_image(struct typeset_box *box, cairo_surface_t *image, double x, double y, double width,
	      double height)
{
	struct typeset_operation *operation = typeset_add(box, OPERATION_IMAGE, x, y);

	operation->image = cairo_surface_reference(image);
	operation->width = width;
	operation->height = height;
}

void
typeset_link(struct typeset_box *box, const char *destination, double x, double y, double width,
	     double height)
{
	struct typeset_operation *operation = typeset_add(box, OPERATION_LINK, x, y);

	operation->text = xstrdup(destination);
	operation->width = width;
	operation->height = height;
}

void
typeset_custom(struct typeset_box *box,
	       void (*draw)(cairo_t *cairo, double x, double y, double width, double height,
			    void *data),
	       void *data)
{
	struct typeset_operation *operation = typeset_add(box, OPERATION_CUSTOM, 0, 0);

	operation->draw = draw;
	operation->data = data;
}

struct typeset_box *
typeset_paragraph(struct typeset *typeset, PangoLayout *layout, double indent,
		  struct brand_color color, double space_before, int keep)
{
	PangoLayoutIter *iterator = pango_layout_get_iter(layout);
	int count = pango_layout_get_line_count(layout), index = 0;
	struct typeset_box *first = NULL;

	do {
		PangoRectangle logical;
		int top, bottom;
		struct typeset_box *box;

		pango_layout_iter_get_line_yrange(iterator, &top, &bottom);
		pango_layout_iter_get_line_extents(iterator, NULL, &logical);
		box = typeset_box(typeset, (double)(bottom - top) / PANGO_SCALE,
				  index == 0 ? space_before : 0);
		typeset_show_line(box, layout, index,
				  indent + (double)logical.x / PANGO_SCALE,
				  (double)(pango_layout_iter_get_baseline(iterator) - top) /
					  PANGO_SCALE,
				  color);
		/* Two lines at least on each side of a break. */
		if ((index == 0 && count > 1) || index == count - 2 || (keep && index == count - 1))
			typeset_keep_with_next(box);
		if (first == NULL)
			first = box;
		index++;
	} while (index < count && pango_layout_iter_next_line(iterator));
	pango_layout_iter_free(iterator);
	if (first == NULL)
		first = typeset_box(typeset, 0, space_before);
	return first;
}

size_t
typeset_box_count(const struct typeset *typeset)
{
	return typeset->boxes->len;
}

struct typeset_box *
typeset_box_at(const struct typeset *typeset, size_t index)
{
	return g_ptr_array_index(typeset->boxes, index);
}

void
typeset_keep_range(struct typeset *typeset, size_t first)
{
	for (size_t index = first; index + 1 < typeset->boxes->len; index++)
		typeset_keep_with_next(g_ptr_array_index(typeset->boxes, index));
}

/* Replays one operation of a box width x height whose corner is at (x, y);
 * text waits in batch until something else is drawn. */
static void
typeset_replay(cairo_t *cairo, struct glyphs_batch *batch, const struct typeset_operation *operation,
	       double x, double y, double width, double height)
{
	double left = x + operation->x, top = y + operation->y;
	char attributes[256];

	if (operation->kind != OPERATION_SHOW && operation->kind != OPERATION_SHOW_LINE)
		glyphs_flush(batch, cairo);
	switch (operation->kind) {
	case OPERATION_SHOW:
		glyphs_show_layout(batch, cairo, operation->layout, left, top, operation->color.red,
				   operation->color.green, operation->color.blue);
		break;
	case OPERATION_SHOW_LINE:
		glyphs_show_line(batch, cairo, operation->layout, operation->line, left, top,
				 operation->color.red, operation->color.green, operation->color.blue);
		break;
	case OPERATION_ROUNDED:
		draw_rounded(cairo, left, top, operation->width, operation->height, operation->extra,
			     operation->color);
		break;
	case OPERATION_LINE:
		draw_line(cairo, left, top, x + operation->width, y + operation->height,
			  operation->extra, operation->color);
		break;
	case OPERATION_BAR:
		draw_bar(cairo, left, top, operation->width, operation->height, operation->extra,
			 operation->color, operation->other, operation->notches,
			 operation->notch_count);
		break;
	case OPERATION_DISC:
		draw_disc(cairo, left, top, operation->extra, operation->color);
		break;
	case OPERATION_IMAGE:
		draw_image(cairo, operation->image, left, top, operation->width, operation->height);
		break;
	case OPERATION_LINK:
		snprintf(attributes, sizeof attributes, "dest='%s' rect=[%.2f %.2f %.2f %.2f]",
			 operation->text, left, top, operation->width, operation->height);
		cairo_tag_begin(cairo, CAIRO_TAG_LINK, attributes);
		cairo_tag_end(cairo, CAIRO_TAG_LINK);
		break;
	case OPERATION_CUSTOM:
		cairo_save(cairo);
		operation->draw(cairo, x, y, width, height, operation->data);
		cairo_restore(cairo);
		break;
	}
}

/* Draws one box: its destination, its operations, its outline entry. */
static void
typeset_draw_box(struct typeset *typeset, cairo_t *cairo, struct glyphs_batch *batch,
		 const struct typeset_box *box, int *outline_parent)
{
	cairo_surface_t *surface = cairo_get_target(cairo);
	int pdf = cairo_surface_get_type(surface) == CAIRO_SURFACE_TYPE_PDF;
	double width = (typeset->right - typeset->left - (box->columns - 1) * box->column_gap) /
		       box->columns;
	char attributes[256];

	if (box->destination != NULL && pdf) {
		glyphs_flush(batch, cairo);
		snprintf(attributes, sizeof attributes, "name='%s'", box->destination);
		cairo_tag_begin(cairo, CAIRO_TAG_DEST, attributes);
	}
	for (guint index = 0; index < box->operations->len; index++)
		typeset_replay(cairo, batch,
			       &g_array_index(box->operations, struct typeset_operation, index),
			       typeset->left + box->shift, box->top, width, box->placed);
	if (box->destination != NULL && pdf) {
		glyphs_flush(batch, cairo);
		cairo_tag_end(cairo, CAIRO_TAG_DEST);
	}
	if (box->outline_level > 0 && pdf) {
		int id;

		snprintf(attributes, sizeof attributes, "dest='%s'", box->outline_destination);
		id = cairo_pdf_surface_add_outline(surface,
						   box->outline_level == 1 ? CAIRO_PDF_OUTLINE_ROOT
									   : *outline_parent,
						   box->outline_title, attributes, 0);
		if (box->outline_level == 1)
			*outline_parent = id;
	}
}

void
typeset_draw(struct typeset *typeset, cairo_surface_t *surface,
	     void (*page)(cairo_t *cairo, int number, int count, void *data), void *data)
{
	cairo_t *cairo = cairo_create(surface);
	struct glyphs_batch *batch = glyphs_batch_new();
	int outline_parent = CAIRO_PDF_OUTLINE_ROOT;
	guint index = 0;

	/* One structure element around everything: cairo 1.16 writes the
	 * structure tree its link annotations refer to only in a tagged
	 * document, and the file is damaged without it. */
	cairo_tag_begin(cairo, "Document", "");
	for (int number = 1; number <= typeset->page_count; number++) {
		if (number > 1) {
			glyphs_flush(batch, cairo);
			cairo_show_page(cairo);
		}
		if (page != NULL) {
			cairo_save(cairo);
			page(cairo, number, typeset->page_count, data);
			cairo_restore(cairo);
		}
		for (; index < typeset->boxes->len; index++) {
			const struct typeset_box *box = g_ptr_array_index(typeset->boxes, index);

			if (box->page != number)
				break;
			typeset_draw_box(typeset, cairo, batch, box, &outline_parent);
		}
	}
	glyphs_flush(batch, cairo);
	glyphs_batch_free(batch);
	cairo_tag_end(cairo, "Document");
	cairo_show_page(cairo);
	if (cairo_status(cairo) != CAIRO_STATUS_SUCCESS && typeset->error == NULL)
		typeset->error = xasprintf("cannot draw the pages: %s",
					   cairo_status_to_string(cairo_status(cairo)));
	cairo_destroy(cairo);
}
