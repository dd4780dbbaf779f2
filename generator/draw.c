/* Drawing primitives; see draw.h. */
#include "draw.h"

#include <math.h>
#include <stdio.h>

struct brand_color
draw_mix(struct brand_color base, struct brand_color over, double amount)
{
	struct brand_color color;

	color.red = base.red + (over.red - base.red) * amount;
	color.green = base.green + (over.green - base.green) * amount;
	color.blue = base.blue + (over.blue - base.blue) * amount;
	snprintf(color.hex, sizeof color.hex, "#%02x%02x%02x", (unsigned)(color.red * 255 + 0.5),
		 (unsigned)(color.green * 255 + 0.5), (unsigned)(color.blue * 255 + 0.5));
	return color;
}

struct brand_color
draw_white(void)
{
	return (struct brand_color){ 1.0, 1.0, 1.0, "#ffffff" };
}

int
draw_is_dark(struct brand_color color)
{
	return 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue < 0.62;
}

void
draw_set_color(cairo_t *cairo, struct brand_color color, double alpha)
{
	if (alpha >= 1)
		cairo_set_source_rgb(cairo, color.red, color.green, color.blue);
	else
		cairo_set_source_rgba(cairo, color.red, color.green, color.blue, alpha);
}

void
draw_rounded_path(cairo_t *cairo, double x, double y, double width, double height, double radius)
{
	if (radius > height / 2)
		radius = height / 2;
	if (radius > width / 2)
		radius = width / 2;
	cairo_new_sub_path(cairo);
	cairo_arc(cairo, x + width - radius, y + radius, radius, -M_PI / 2, 0);
	cairo_arc(cairo, x + width - radius, y + height - radius, radius, 0, M_PI / 2);
	cairo_arc(cairo, x + radius, y + height - radius, radius, M_PI / 2, M_PI);
	cairo_arc(cairo, x + radius, y + radius, radius, M_PI, 3 * M_PI / 2);
	cairo_close_path(cairo);
}

void
draw_rounded(cairo_t *cairo, double x, double y, double width, double height, double radius,
	     struct brand_color color)
{
	if (width <= 0 || height <= 0)
		return;
	draw_rounded_path(cairo, x, y, width, height, radius);
	draw_set_color(cairo, color, 1);
	cairo_fill(cairo);
}

void
draw_line(cairo_t *cairo, double x1, double y1, double x2, double y2, double thickness,
	  struct brand_color color)
{
	draw_set_color(cairo, color, 1);
	cairo_set_line_width(cairo, thickness);
	cairo_move_to(cairo, x1, y1);
	cairo_line_to(cairo, x2, y2);
	cairo_stroke(cairo);
}

void
draw_bar(cairo_t *cairo, double x, double y, double width, double height, double fraction,
	 struct brand_color fill, struct brand_color track, const double *notches,
	 size_t notch_count)
{
	draw_rounded(cairo, x, y, width, height, height / 2, track);
	if (fraction > 0)
		draw_rounded(cairo, x, y, width * fmin(fraction, 1.0), height, height / 2, fill);
	for (size_t index = 0; index < notch_count; index++)
		cairo_rectangle(cairo, x + width * notches[index] - 0.75, y, 1.5, height);
	if (notch_count > 0) {
		draw_set_color(cairo, draw_white(), 1);
		cairo_fill(cairo);
	}
}

void
draw_disc(cairo_t *cairo, double centre_x, double centre_y, double radius,
	  struct brand_color color)
{
	cairo_new_path(cairo);
	cairo_arc(cairo, centre_x, centre_y, radius, 0, 2 * M_PI);
	draw_set_color(cairo, color, 1);
	cairo_fill(cairo);
}

void
draw_image(cairo_t *cairo, cairo_surface_t *image, double x, double y, double max_width,
	   double max_height)
{
	double width = cairo_image_surface_get_width(image);
	double height = cairo_image_surface_get_height(image);
	double scale;

	if (width <= 0 || height <= 0 || max_width <= 0 || max_height <= 0)
		return;
	scale = fmin(max_width / width, max_height / height);
	cairo_save(cairo);
	cairo_translate(cairo, x, y + (max_height - height * scale) / 2);
	cairo_scale(cairo, scale, scale);
	cairo_set_source_surface(cairo, image, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cairo), CAIRO_FILTER_GOOD);
	cairo_paint(cairo);
	cairo_restore(cairo);
}
