/* Positioned glyph runs: the lines of a Pango layout turned once into
 * what cairo draws (a scaled font, glyphs at their offsets, the text they
 * stand for with its clusters, a colour), kept on the layout itself, so
 * that text laid out once is drawn again and again without Pango's
 * renderer.  What Pango would draw, drawn as Pango draws it: the same
 * glyphs, positions and text clusters (so that a PDF's text can still be
 * copied and searched). */
#ifndef MATURITY_GLYPHS_H
#define MATURITY_GLYPHS_H

#include <cairo.h>
#include <pango/pango.h>

/* Text waiting to be drawn: consecutive runs of one font and colour are
 * drawn by one call, which costs cairo much less than a call a line.
 * Make one per cairo context with glyphs_batch_new; draw what it holds
 * with glyphs_flush before drawing anything else, and at the end. */
struct glyphs_batch;

struct glyphs_batch *glyphs_batch_new(void);

void glyphs_batch_free(struct glyphs_batch *batch);

/* Draws what batch holds on cairo. */
void glyphs_flush(struct glyphs_batch *batch, cairo_t *cairo);

/* Adds line (0-based) of layout to batch, the left end of its baseline at
 * (x, baseline), in color (red, green, blue 0.0-1.0) where the layout's
 * markup sets none.  The runs are made on first use and kept with the
 * layout, which must not change afterwards; a line with what the runs do
 * not carry (underlines, rises, shapes, missing glyphs) is drawn by Pango
 * at once, after what the batch held. */
void glyphs_show_line(struct glyphs_batch *batch, cairo_t *cairo, PangoLayout *layout, int line,
		      double x, double baseline, double red, double green, double blue);

/* The same for the whole of layout, its top-left corner at (x, y). */
void glyphs_show_layout(struct glyphs_batch *batch, cairo_t *cairo, PangoLayout *layout,
			double x, double y, double red, double green, double blue);

#endif
