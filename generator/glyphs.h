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

/* Draws line (0-based) of layout with the left end of its baseline at
 * (x, baseline), in color (red, green, blue 0.0-1.0) where the layout's
 * markup sets none.  The runs are made on first use and kept with the
 * layout, which must not change afterwards; a line with what the runs do
 * not carry (underlines, rises, shapes, missing glyphs) is drawn by Pango. */
void glyphs_show_line(cairo_t *cairo, PangoLayout *layout, int line, double x, double baseline,
		      double red, double green, double blue);

/* Draws the whole of layout with its top-left corner at (x, y). */
void glyphs_show_layout(cairo_t *cairo, PangoLayout *layout, double x, double y, double red,
			double green, double blue);

#endif
