/* Positioned glyph runs; see glyphs.h. */
#include "glyphs.h"

#include "xalloc.h"

#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

/* One run of a line: glyphs of one font and colour. */
struct glyphs_run {
	cairo_scaled_font_t *font;       /* a reference */
	int colored;                     /* the markup sets the colour */
	double red, green, blue;
	cairo_glyph_t *glyphs;           /* x from the line's left end, y from its baseline */
	int glyph_count;
	const char *text;                /* into the layout's text */
	int text_length;
	cairo_text_cluster_t *clusters;
	int cluster_count;
	cairo_text_cluster_flags_t flags;
};

struct glyphs_line {
	struct glyphs_run *runs;
	size_t run_count;
	int pango;                       /* drawn by Pango: something the runs do not carry */
	double x, baseline;              /* of the line within its layout, points */
};

struct glyphs_layout {
	struct glyphs_line *lines;
	int line_count;
};

static void
glyphs_layout_free(void *data)
{
	struct glyphs_layout *made = data;

	for (int line = 0; line < made->line_count; line++) {
		for (size_t index = 0; index < made->lines[line].run_count; index++) {
			struct glyphs_run *run = &made->lines[line].runs[index];

			cairo_scaled_font_destroy(run->font);
			free(run->glyphs);
			free(run->clusters);
		}
		free(made->lines[line].runs);
	}
	free(made->lines);
	free(made);
}

/* The colour a run's attributes set, and whether any attribute asks for
 * drawing the runs do not do.  Returns 1 when the run can be made. */
static int
glyphs_attributes(const PangoGlyphItem *item, struct glyphs_run *run)
{
	for (GSList *node = item->item->analysis.extra_attrs; node != NULL; node = node->next) {
		const PangoAttribute *attribute = node->data;

		switch (attribute->klass->type) {
		case PANGO_ATTR_FOREGROUND: {
			const PangoColor *color = &((const PangoAttrColor *)attribute)->color;

			run->colored = 1;
			run->red = color->red / 65535.0;
			run->green = color->green / 65535.0;
			run->blue = color->blue / 65535.0;
			break;
		}
		case PANGO_ATTR_UNDERLINE:
		case PANGO_ATTR_STRIKETHROUGH:
		case PANGO_ATTR_RISE:
		case PANGO_ATTR_SHAPE:
		case PANGO_ATTR_BACKGROUND:
		case PANGO_ATTR_OVERLINE:
			return 0;
		default:
			break;
		}
	}
	return 1;
}

/* Makes run from one glyph item of a line whose text is text, starting x
 * points right of the line's left end.  Returns the run's width in Pango
 * units, or -1 when it has what the runs do not carry. */
static int
glyphs_run_make(const char *text, PangoGlyphItem *item, double x, struct glyphs_run *run)
{
	PangoGlyphString *string = item->glyphs;
	int *positions = xcalloc((size_t)string->num_glyphs + 1, sizeof *positions);
	PangoGlyphItemIter iterator;
	int width = 0;

	memset(run, 0, sizeof *run);
	if (!glyphs_attributes(item, run)) {
		free(positions);
		return -1;
	}
	/* Where each glyph starts, in the string's (visual) order. */
	for (int index = 0; index < string->num_glyphs; index++) {
		positions[index] = width;
		width += string->glyphs[index].geometry.width;
		if ((string->glyphs[index].glyph & PANGO_GLYPH_UNKNOWN_FLAG) &&
		    string->glyphs[index].glyph != PANGO_GLYPH_EMPTY) {
			free(positions);
			return -1;
		}
	}
	run->glyphs = xcalloc((size_t)string->num_glyphs + 1, sizeof *run->glyphs);
	run->clusters = xcalloc((size_t)string->num_glyphs + 1, sizeof *run->clusters);
	/* The glyphs cluster by cluster in the text's order, as Pango gives
	 * them to cairo. */
	for (gboolean more = pango_glyph_item_iter_init_start(&iterator, item, text); more;
	     more = pango_glyph_item_iter_next_cluster(&iterator)) {
		int first = run->glyph_count;
		int step = iterator.start_glyph < iterator.end_glyph ? 1 : -1;

		for (int index = iterator.start_glyph; index != iterator.end_glyph; index += step) {
			const PangoGlyphInfo *glyph = &string->glyphs[index];

			if (glyph->glyph == PANGO_GLYPH_EMPTY)
				continue;
			run->glyphs[run->glyph_count].index = glyph->glyph;
			run->glyphs[run->glyph_count].x =
				x + (double)(positions[index] + glyph->geometry.x_offset) / PANGO_SCALE;
			run->glyphs[run->glyph_count].y = (double)glyph->geometry.y_offset / PANGO_SCALE;
			run->glyph_count++;
		}
		run->clusters[run->cluster_count].num_bytes = iterator.end_index - iterator.start_index;
		run->clusters[run->cluster_count].num_glyphs = run->glyph_count - first;
		run->cluster_count++;
	}
	free(positions);
	run->text = text + item->item->offset;
	run->text_length = item->item->length;
	run->flags = (item->item->analysis.level & 1) ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0;
	run->font = cairo_scaled_font_reference(
		pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(item->item->analysis.font)));
	return width;
}

/* Makes the runs of one line. */
static void
glyphs_line_make(const char *text, PangoLayoutLine *line, struct glyphs_line *made)
{
	size_t count = g_slist_length(line->runs), index = 0;
	double x = 0;

	made->runs = xcalloc(count + 1, sizeof *made->runs);
	for (GSList *node = line->runs; node != NULL; node = node->next, index++) {
		int width = glyphs_run_make(text, node->data, x, &made->runs[index]);

		made->run_count = index + (width >= 0);
		if (width < 0) {
			made->pango = 1;
			return;
		}
		x += (double)width / PANGO_SCALE;
	}
}

static GQuark
glyphs_quark(void)
{
	static GQuark quark;

	if (quark == 0)
		quark = g_quark_from_static_string("maturity-glyph-runs");
	return quark;
}

/* The runs of layout, made on first use. */
static struct glyphs_layout *
glyphs_of(PangoLayout *layout)
{
	struct glyphs_layout *made = g_object_get_qdata(G_OBJECT(layout), glyphs_quark());
	const char *text;
	PangoLayoutIter *iterator;
	int line = 0;

	if (made != NULL)
		return made;
	made = xcalloc(1, sizeof *made);
	made->line_count = pango_layout_get_line_count(layout);
	made->lines = xcalloc((size_t)made->line_count + 1, sizeof *made->lines);
	text = pango_layout_get_text(layout);
	iterator = pango_layout_get_iter(layout);
	do {
		PangoRectangle logical;

		pango_layout_iter_get_line_extents(iterator, NULL, &logical);
		made->lines[line].x = (double)logical.x / PANGO_SCALE;
		made->lines[line].baseline = (double)pango_layout_iter_get_baseline(iterator) / PANGO_SCALE;
		glyphs_line_make(text, pango_layout_iter_get_line_readonly(iterator), &made->lines[line]);
		line++;
	} while (line < made->line_count && pango_layout_iter_next_line(iterator));
	pango_layout_iter_free(iterator);
	g_object_set_qdata_full(G_OBJECT(layout), glyphs_quark(), made, glyphs_layout_free);
	return made;
}

struct glyphs_batch {
	cairo_scaled_font_t *font;       /* of what it holds; NULL when empty */
	double red, green, blue;
	cairo_text_cluster_flags_t flags;
	GArray *glyphs;                  /* cairo_glyph_t, where they go */
	GString *text;
	GArray *clusters;                /* cairo_text_cluster_t */
};

struct glyphs_batch *
glyphs_batch_new(void)
{
	struct glyphs_batch *batch = xcalloc(1, sizeof *batch);

	batch->glyphs = g_array_new(FALSE, FALSE, sizeof(cairo_glyph_t));
	batch->text = g_string_new(NULL);
	batch->clusters = g_array_new(FALSE, FALSE, sizeof(cairo_text_cluster_t));
	return batch;
}

void
glyphs_batch_free(struct glyphs_batch *batch)
{
	if (batch == NULL)
		return;
	g_array_free(batch->glyphs, TRUE);
	g_string_free(batch->text, TRUE);
	g_array_free(batch->clusters, TRUE);
	free(batch);
}

void
glyphs_flush(struct glyphs_batch *batch, cairo_t *cairo)
{
	if (batch->font == NULL)
		return;
	cairo_set_scaled_font(cairo, batch->font);
	cairo_set_source_rgb(cairo, batch->red, batch->green, batch->blue);
	cairo_show_text_glyphs(cairo, batch->text->str, (int)batch->text->len,
			       (const cairo_glyph_t *)(void *)batch->glyphs->data, (int)batch->glyphs->len,
			       (const cairo_text_cluster_t *)(void *)batch->clusters->data,
			       (int)batch->clusters->len, batch->flags);
	batch->font = NULL;
	g_array_set_size(batch->glyphs, 0);
	g_string_truncate(batch->text, 0);
	g_array_set_size(batch->clusters, 0);
}

/* Adds one run at (x, baseline) in its colour or the given one. */
static void
glyphs_add_run(struct glyphs_batch *batch, cairo_t *cairo, const struct glyphs_run *run, double x,
	       double baseline, double red, double green, double blue)
{
	if (run->colored) {
		red = run->red;
		green = run->green;
		blue = run->blue;
	}
	if (batch->font != NULL &&
	    (batch->font != run->font || batch->red != red || batch->green != green ||
	     batch->blue != blue || batch->flags != run->flags))
		glyphs_flush(batch, cairo);
	batch->font = run->font;
	batch->red = red;
	batch->green = green;
	batch->blue = blue;
	batch->flags = run->flags;
	/* Grown once per run, then filled in place. */
	{
		guint first = batch->glyphs->len;
		cairo_glyph_t *glyphs;

		g_array_set_size(batch->glyphs, first + (guint)run->glyph_count);
		glyphs = &g_array_index(batch->glyphs, cairo_glyph_t, first);
		for (int index = 0; index < run->glyph_count; index++) {
			glyphs[index].index = run->glyphs[index].index;
			glyphs[index].x = run->glyphs[index].x + x;
			glyphs[index].y = run->glyphs[index].y + baseline;
		}
	}
	g_string_append_len(batch->text, run->text, run->text_length);
	g_array_append_vals(batch->clusters, run->clusters, (guint)run->cluster_count);
}

static void
glyphs_draw(struct glyphs_batch *batch, cairo_t *cairo, PangoLayout *layout, int line,
	    const struct glyphs_line *made, double x, double baseline, double red, double green,
	    double blue)
{
	if (made->pango) {
		glyphs_flush(batch, cairo);
		cairo_set_source_rgb(cairo, red, green, blue);
		cairo_move_to(cairo, x, baseline);
		pango_cairo_show_layout_line(cairo, pango_layout_get_line_readonly(layout, line));
		return;
	}
	for (size_t index = 0; index < made->run_count; index++)
		if (made->runs[index].glyph_count > 0)
			glyphs_add_run(batch, cairo, &made->runs[index], x, baseline, red, green, blue);
}

void
glyphs_show_line(struct glyphs_batch *batch, cairo_t *cairo, PangoLayout *layout, int line,
		 double x, double baseline, double red, double green, double blue)
{
	struct glyphs_layout *made = glyphs_of(layout);

	if (line < 0 || line >= made->line_count)
		return;
	glyphs_draw(batch, cairo, layout, line, &made->lines[line], x, baseline, red, green, blue);
}

void
glyphs_show_layout(struct glyphs_batch *batch, cairo_t *cairo, PangoLayout *layout, double x,
		   double y, double red, double green, double blue)
{
	struct glyphs_layout *made = glyphs_of(layout);

	for (int line = 0; line < made->line_count; line++)
		glyphs_draw(batch, cairo, layout, line, &made->lines[line], x + made->lines[line].x,
			    y + made->lines[line].baseline, red, green, blue);
}
