/* A small typesetter: text laid out with Pango in the caller's styles,
 * boxes stacked down pages under keep and break rules, and the pages drawn
 * on a cairo context.  A box is a strip of the page, as wide as the text
 * block, holding a list of drawing operations; a paragraph is one box per
 * line, so that it can break between lines.  It knows nothing of what it
 * sets: the caller builds the boxes and draws the running header and
 * footer from a hook. */
#ifndef MATURITY_TYPESET_H
#define MATURITY_TYPESET_H

#include <cairo.h>
#include <pango/pango.h>
#include <stddef.h>

#include "brand.h"

struct typeset;
struct typeset_box;
struct typeset_cache;

/* How text looks: a font, its size and leading, a colour. */
struct typeset_style {
	const char *family;       /* fontconfig family */
	double size;              /* points */
	double leading;           /* baseline to baseline, points */
	int weight;               /* PangoWeight: 400 normal, 700 bold */
	int italic;
	int uppercase;            /* set in capitals */
	struct brand_color color; /* unless the markup sets one */
};

/* How a layout is set beyond its style and width. */
enum typeset_flag {
	TYPESET_RIGHT = 1 << 0,           /* aligned right in its width */
	TYPESET_CENTRE = 1 << 1,          /* centred in its width */
	TYPESET_ONE_LINE = 1 << 2,        /* one line, ellipsized at the width */
	TYPESET_FIXED_DIRECTION = 1 << 3, /* alignment not flipped by right-to-left text */
};

/* What the pages of a document share, kept from one document to the next
 * in a process: a Pango context and the layouts of the text, the one used
 * longest ago dropped first once it holds limit layouts.  It makes no
 * Pango object before the first document, so it may be made before the
 * process forks; use it in one process only.  Free with
 * typeset_cache_free. */
struct typeset_cache *typeset_cache_new(size_t limit);

void typeset_cache_free(struct typeset_cache *cache);

/* Starts a document of pages width x height points whose text block lies
 * between left and right, top and bottom (points from the page's left and
 * top edges).  Free with typeset_free. */
struct typeset *typeset_new(struct typeset_cache *cache, double width, double height, double left,
			    double right, double top, double bottom);

void typeset_free(struct typeset *typeset);

/* The first problem met (text that does not parse as markup), or NULL. */
const char *typeset_error(const struct typeset *typeset);

/* Width of the text block, points: of one column when boxes are being set
 * in columns. */
double typeset_measure(const struct typeset *typeset);

/* Sets the boxes added from now on in count columns gap points apart (1:
 * the full width again).  A run of columns fills its first column, then
 * the next, then goes on over the next page; what follows it starts below
 * its longest column. */
void typeset_columns(struct typeset *typeset, int count, double gap);

/* A layout of Pango markup in style, wrapped at width points (none when
 * width <= 0), at most lines lines ending in an ellipsis (lines > 0), set
 * as flags (enum typeset_flag) say.  From the cache when it holds it: the
 * caller unrefs it and must not change it.  Markup that does not parse is
 * recorded as the typesetter's error and gives an empty layout. */
PangoLayout *typeset_layout(struct typeset *typeset, const struct typeset_style *style,
			    const char *markup, double width, int lines, unsigned flags);

/* A layout's size and first baseline, points; worked out once and kept
 * with the layout, which must not change afterwards (typeset_layout's
 * never do). */
double typeset_height(PangoLayout *layout);
double typeset_width(PangoLayout *layout);
double typeset_baseline(PangoLayout *layout);

/* Boxes --------------------------------------------------------------------- */

/* Adds a box of height points to the end of the document, space_before
 * points below the box before it (none at the top of a page). */
struct typeset_box *typeset_box(struct typeset *typeset, double height, double space_before);

/* No page break between this box and the next. */
void typeset_keep_with_next(struct typeset_box *box);

/* This box starts a new page. */
void typeset_break_before(struct typeset_box *box);

/* The box may shrink to min_height rather than move to the next page;
 * its callbacks are given the height it gets. */
void typeset_shrinkable(struct typeset_box *box, double min_height);

/* The box is a named destination (a link target); its page is known once
 * the document is paginated. */
void typeset_destination(struct typeset_box *box, const char *name);

/* An outline (bookmark) entry for the box: level 1 or 2, under the last
 * level-1 entry. */
void typeset_outline(struct typeset_box *box, int level, const char *title,
		     const char *destination);

/* Drawing operations, at (x, y) points from the box's top-left corner
 * (the text block's left edge). */
void typeset_show(struct typeset_box *box, PangoLayout *layout, double x, double y,
		  struct brand_color color);
void typeset_show_line(struct typeset_box *box, PangoLayout *layout, int line, double x,
		       double baseline, struct brand_color color);
void typeset_rounded(struct typeset_box *box, double x, double y, double width, double height,
		     double radius, struct brand_color color);
void typeset_line(struct typeset_box *box, double x1, double y1, double x2, double y2,
		  double thickness, struct brand_color color);
void typeset_bar(struct typeset_box *box, double x, double y, double width, double height,
		 double fraction, struct brand_color fill, struct brand_color track,
		 const double *notches, size_t notch_count);
void typeset_disc(struct typeset_box *box, double centre_x, double centre_y, double radius,
		  struct brand_color color);
void typeset_image(struct typeset_box *box, cairo_surface_t *image, double x, double y,
		   double width, double height);
/* A link to destination over the rectangle. */
void typeset_link(struct typeset_box *box, const char *destination, double x, double y,
		  double width, double height);
/* The caller draws: draw(cairo, x, y, width, height, data) with the box's
 * top-left corner and size on the page; data must outlive the document. */
void typeset_custom(struct typeset_box *box,
		    void (*draw)(cairo_t *cairo, double x, double y, double width, double height,
				 void *data),
		    void *data);

/* Paragraphs ---------------------------------------------------------------- */

/* Adds layout's lines as boxes indent points from the left edge, the
 * first space_before below what precedes.  Widows and orphans: at least
 * two lines of a paragraph stay on each side of a page break.  keep: the
 * last line is kept with what follows.  Returns the first line's box, for
 * a marker beside it. */
struct typeset_box *typeset_paragraph(struct typeset *typeset, PangoLayout *layout, double indent,
				      struct brand_color color, double space_before, int keep);

/* The number of boxes so far; with typeset_keep_range, a group of boxes
 * that must not break across pages. */
size_t typeset_box_count(const struct typeset *typeset);

/* The box at index (0 .. typeset_box_count - 1). */
struct typeset_box *typeset_box_at(const struct typeset *typeset, size_t index);

/* Keeps boxes first .. the last one added on one page, when they fit. */
void typeset_keep_range(struct typeset *typeset, size_t first);

/* Pages ---------------------------------------------------------------------- */

/* Places every box on a page.  Returns the page count. */
int typeset_paginate(struct typeset *typeset);

/* Where box was placed: its page (1-based), its top (points from the
 * page's top edge) and its left edge (points right of the text block's
 * left edge: its column); after typeset_paginate. */
void typeset_box_place(const struct typeset_box *box, int *page, double *top, double *left);

/* The page (1-based) of the destination name, or 0 when there is none;
 * after typeset_paginate. */
int typeset_page_of(const struct typeset *typeset, const char *name);

/* How full each page is: the share (0.0-1.0) of the text block's height
 * its boxes use, for pages 1 .. count; after typeset_paginate.  Free with
 * free. */
double *typeset_fill(const struct typeset *typeset, int *count);

/* Draws every page on surface (a PDF surface gets links, destinations and
 * outline entries), calling page(cairo, number, count, data) first on each
 * page for its running header and footer. */
void typeset_draw(struct typeset *typeset, cairo_surface_t *surface,
		  void (*page)(cairo_t *cairo, int number, int count, void *data), void *data);

#endif
