/* What the typesetter's files share: the boxes and their drawing
 * operations, built in typeset.c and placed on pages in typeset_pages.c. */
#ifndef MATURITY_TYPESET_PARTS_H
#define MATURITY_TYPESET_PARTS_H

#include "typeset.h"

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

enum typeset_operation_kind {
	OPERATION_SHOW,
	OPERATION_SHOW_LINE,
	OPERATION_ROUNDED,
	OPERATION_LINE,
	OPERATION_BAR,
	OPERATION_DISC,
	OPERATION_IMAGE,
	OPERATION_LINK,
	OPERATION_CUSTOM,
};

struct typeset_operation {
	enum typeset_operation_kind kind;
	double x, y, width, height; /* points from the box's corner; LINE: x, y to width, height */
	double extra;               /* radius, thickness or fraction */
	struct brand_color color, other;
	PangoLayout *layout;        /* SHOW, SHOW_LINE: a reference this holds */
	int line;                   /* SHOW_LINE */
	cairo_surface_t *image;     /* IMAGE: a reference this holds */
	char *text;                 /* LINK: the destination */
	double *notches;            /* BAR */
	size_t notch_count;
	void (*draw)(cairo_t *, double, double, double, double, void *);
	void *data;
};

struct typeset_box {
	double height, min_height, space_before; /* points */
	unsigned keep_with_next : 1, break_before : 1, shrinkable : 1;
	char *destination;
	int outline_level;
	char *outline_title, *outline_destination;
	GArray *operations;          /* struct typeset_operation */
	int columns;                 /* the columns of the run it is in: 1, or more */
	double column_gap;           /* points between those columns */
	int page;                    /* set by typeset_paginate, 1-based */
	double top, placed;          /* where it sits on its page and the height it got */
	double shift;                /* points right of the text block's left edge: its column */
};

struct typeset {
	struct typeset_cache *cache;
	double width, height, left, right, top, bottom;
	GPtrArray *boxes;
	char *error;
	int page_count;
	int columns;                 /* what new boxes are set in */
	double column_gap;
};

#endif
