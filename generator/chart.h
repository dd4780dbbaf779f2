/* The radar chart of a report's domains, drawn with cairo and pango on
 * any cairo context: the PDF page, an SVG for HTML, or a PNG.  The chart
 * does not know which surface it draws on. */
#ifndef MATURITY_CHART_H
#define MATURITY_CHART_H

#include <cairo.h>
#include <libxml/tree.h>
#include <stddef.h>

struct brand;
struct chart_cache;
struct diag;
struct framework;
struct model;
struct outfile_folder;

/* What a chart shows: one value per framework domain (1.0-4.0, or < 0
 * when not assessed), and optionally an earlier assessment and a
 * benchmark (a portfolio's median), each with its legend text. */
struct chart_input {
	const struct framework *framework;  /* domain labels and stage thresholds */
	const double *values;
	const char *values_label;
	const double *previous;             /* NULL when none */
	const char *previous_label;
	const double *benchmark;            /* NULL when none */
	const char *benchmark_label;
	double *owned;                      /* storage filled by chart_input_from_model */
	char labels[3][96];
};

/* Text laid out for charts, kept from one chart to the next by whoever
 * draws many (a PDF or HTML renderer, per process): labels that recur are
 * shaped once.  Bounded in size; made empty, and it makes no Pango object
 * before the first chart, so it may be made before the process forks.
 * Free with chart_cache_free. */
struct chart_cache *chart_cache_new(void);

void chart_cache_free(struct chart_cache *cache);

/* Draws the chart in the box (x, y, width, height), in points (user
 * units), with the brand's colours and body font.  One axis per domain,
 * labels wrapped to fit, rings at 1-4 with the stage thresholds marked,
 * the values' polygon filled, the previous values dashed, the benchmark
 * dotted, and each vertex's score.  Text comes from cache when it holds
 * it (cache may be NULL); the drawing is the same either way. */
void chart_draw_input(cairo_t *cairo, const struct chart_input *input,
		      const struct brand *brand, struct chart_cache *cache, double x, double y,
		      double width, double height);

/* The same for a report model: the team, its previous assessment and the
 * portfolio median when benchmarked. */
void chart_draw(cairo_t *cairo, const struct model *model, const struct brand *brand,
		struct chart_cache *cache, double x, double y, double width, double height);

/* Fills input from a report model (copies only; no arithmetic).  Release
 * it with chart_input_release. */
void chart_input_from_model(struct chart_input *input, const struct model *model);

void chart_input_release(struct chart_input *input);

/* The chart as an SVG document of width x height points, its text from
 * cache (may be NULL) set as <text> elements rather than outlines, and
 * its ids numbered within the document.  Returns the document (free with
 * xmlFreeDoc), or NULL after reporting against source. */
xmlDocPtr chart_svg(const struct chart_input *input, const struct brand *brand,
		    struct chart_cache *cache, double width, double height, const char *source,
		    struct diag *diag);

/* Writes the chart as a PNG file name in folder, atomically, scale pixels
 * per point.  Returns 0, or -1 after reporting. */
int chart_write_png(const struct outfile_folder *folder, const char *name,
		    const struct chart_input *input, const struct brand *brand, double width,
		    double height, double scale, struct diag *diag);

#endif
