/* The radar chart of a report's domains, drawn with cairo and pango on
 * any cairo context: the PDF page, an SVG for HTML, or a PNG.  The chart
 * does not know which surface it draws on. */
#ifndef MATURITY_CHART_H
#define MATURITY_CHART_H

#include <cairo.h>
#include <stddef.h>

struct brand;
struct diag;
struct model;

/* Draws the chart of model in the box (x, y, width, height), in points
 * (user units), with the brand's colours and body font.  One axis per
 * domain, labels wrapped to fit, rings at 1-4 with the stage thresholds
 * marked, the team's polygon filled, the previous assessment dashed when
 * there is one, and each vertex's score. */
void chart_draw(cairo_t *cairo, const struct model *model, const struct brand *brand,
		double x, double y, double width, double height);

/* The chart as an SVG document of width x height points.  Returns a new
 * buffer (free with free) and its length, or NULL after reporting. */
char *chart_svg(const struct model *model, const struct brand *brand, double width,
		double height, size_t *length, struct diag *diag);

/* Writes the chart as a PNG file at path, atomically, scale pixels per
 * point.  Returns 0, or -1 after reporting. */
int chart_write_png(const char *path, const struct model *model, const struct brand *brand,
		    double width, double height, double scale, struct diag *diag);

#endif
