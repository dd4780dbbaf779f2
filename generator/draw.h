/* Drawing primitives shared by the PDF pages and the chart: colours,
 * rounded boxes, bars, discs, lines and images on any cairo context, in
 * user units.  Nothing here knows what it draws for. */
#ifndef MATURITY_DRAW_H
#define MATURITY_DRAW_H

#include <cairo.h>
#include <stddef.h>

#include "brand.h"

/* The colour amount (0.0-1.0) of the way from base to over. */
struct brand_color draw_mix(struct brand_color base, struct brand_color over, double amount);

struct brand_color draw_white(void);

/* True when white text reads well on color. */
int draw_is_dark(struct brand_color color);

/* Sets color, at alpha (0.0-1.0), as cairo's source. */
void draw_set_color(cairo_t *cairo, struct brand_color color, double alpha);

/* Adds a rectangle with corners rounded to radius (at most half a side)
 * to the path. */
void draw_rounded_path(cairo_t *cairo, double x, double y, double width, double height,
		       double radius);

/* Fills such a rectangle in color; nothing when width <= 0. */
void draw_rounded(cairo_t *cairo, double x, double y, double width, double height, double radius,
		  struct brand_color color);

/* A straight line of thickness in color. */
void draw_line(cairo_t *cairo, double x1, double y1, double x2, double y2, double thickness,
	       struct brand_color color);

/* A horizontal bar of height: the track, filled to fraction (0.0-1.0) in
 * fill, with a white notch at each of notches (fractions). */
void draw_bar(cairo_t *cairo, double x, double y, double width, double height, double fraction,
	      struct brand_color fill, struct brand_color track, const double *notches,
	      size_t notch_count);

/* A filled circle. */
void draw_disc(cairo_t *cairo, double centre_x, double centre_y, double radius,
	       struct brand_color color);

/* image scaled to fit max_width x max_height, keeping its aspect, its
 * left edge at x and centred vertically in the box. */
void draw_image(cairo_t *cairo, cairo_surface_t *image, double x, double y, double max_width,
		double max_height);

#endif
