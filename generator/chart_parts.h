/* What the chart module's files share: laying text out and showing it
 * (drawn, or collected as SVG text), the legend, and the two kinds of
 * chart.  Private to chart*.c. */
#ifndef MATURITY_CHART_PARTS_H
#define MATURITY_CHART_PARTS_H

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include "brand.h"
#include "chart.h"

/* What one chart lays out its text with: the cache's context, or one of
 * its own when there is no cache. */
struct chart_text {
	PangoContext *pango;
	struct chart_cache *cache; /* NULL when none */
	const struct brand *brand;
	GArray *runs;              /* struct chart_run: text collected, not drawn; or NULL */
};

/* One line of the chart's text, collected instead of drawn when the chart
 * becomes SVG for a web page: there it is real text, which a reader can
 * select, search and zoom, set in the page's own font. */
struct chart_run {
	char *text;
	double x, y;        /* the anchor, on the baseline */
	double size;        /* points */
	int bold;
	const char *anchor; /* SVG's text-anchor: "start", "middle" or "end" */
	char color[8];      /* "#rrggbb" */
};

void chart_set_color(cairo_t *cairo, const struct brand_color *color, double alpha);

/* Starts laying out text for a chart drawn on cairo: with the cache's
 * context when it was made for the same text settings, else with a new
 * one, which the cache then keeps (cache may be NULL).  End with
 * chart_text_end. */
void chart_text_begin(struct chart_text *text, cairo_t *cairo, struct chart_cache *cache,
		      const struct brand *brand);
void chart_text_end(struct chart_text *text);

/* A layout of text in the brand's body font at size points, semibold when
 * bold, wrapped to width points (none when width <= 0) and aligned so.
 * Shared through the cache: the caller unrefs it and must not change it. */
PangoLayout *chart_layout(struct chart_text *text, double size, int bold, double width,
			  PangoAlignment alignment, const char *string);

/* Shows layout with its top left corner at (x, y) in color; or, when text
 * collects runs, records each of its lines there instead.  centred: the
 * run is anchored at its middle whatever its width in the reader's font. */
void chart_show(cairo_t *cairo, struct chart_text *text, PangoLayout *layout, double x, double y,
		const struct brand_color *color, int centred);

/* One legend entry: a swatch drawn by its kind, then a label. */
enum chart_swatch {
	SWATCH_FILL,   /* a filled box: the subject */
	SWATCH_DASH,   /* dashed: an earlier assessment, a stage threshold */
	SWATCH_DOT,    /* dotted: the benchmark */
	SWATCH_TARGET, /* dash-dotted: a target */
	SWATCH_LINE,   /* a line through a dot: a trend's scores */
};

struct chart_entry {
	enum chart_swatch swatch;
	struct brand_color color;
	double alpha;
	char text[128];
	PangoLayout *layout;
	int width;
};

enum { CHART_LEGEND_MAX = 16 };

/* Appends an entry for each stage threshold of input after the count
 * entries there, up to limit.  Returns the new count. */
size_t chart_legend_thresholds(const struct chart_input *input, const struct brand *brand,
			       struct chart_entry *entries, size_t count, size_t limit);

/* Lays out each entry's text at size points, measuring it; the height of
 * a line of it into *text_height. */
void chart_legend_measure(struct chart_text *text, struct chart_entry *entries, size_t count,
			  double size, int *text_height);

/* Breaks the entries into rows no wider than width: row[i] is entry i's
 * row.  Returns the number of rows (at least 1). */
size_t chart_legend_rows(const struct chart_entry *entries, size_t count, double width,
			 double unit, size_t row[CHART_LEGEND_MAX]);

/* Draws the entries row by row, each row centred in width, from y down,
 * unit points to the point of a chart 400 across; frees their layouts. */
void chart_legend_draw(cairo_t *cairo, struct chart_text *text, double unit,
		       struct chart_entry *entries, size_t count, const size_t *row,
		       int text_height, double x, double y, double width);

/* Sets cairo's dash, line cap and width for a stroke of swatch's kind at
 * scale unit, width points wide; SWATCH_FILL and SWATCH_LINE are solid. */
void chart_stroke_style(cairo_t *cairo, enum chart_swatch swatch, double unit, double width);

/* Each kind of chart, drawn in the box (x, y, width, height) with its
 * text laid out by text (chart_radar.c, chart_trend.c). */
void chart_radar_draw(cairo_t *cairo, struct chart_text *text, const struct chart_input *input,
		      double x, double y, double width, double height);
void chart_trend_draw(cairo_t *cairo, struct chart_text *text, const struct chart_input *input,
		      double x, double y, double width, double height);

/* A trend's height for each point of its width (chart_trend.c). */
double chart_trend_aspect(const struct chart_input *input);

#endif
