/* The report's charts, drawn with cairo and pango on any cairo context:
 * the PDF page, an SVG for HTML, or a PNG.  A radar of scores by domain
 * (chart_radar.c), or a trend of scores over time as small multiples
 * (chart_trend.c).  A chart does not know which surface it draws on, nor
 * what it measures: it is given labels, values on the 1-4 scale and the
 * words of its legend. */
#ifndef MATURITY_CHART_H
#define MATURITY_CHART_H

#include <cairo.h>
#include <libxml/tree.h>
#include <stddef.h>

struct brand;
struct chart_cache;
struct diag;
struct outfile_folder;

enum { CHART_SERIES_MAX = 6, CHART_THRESHOLDS_MAX = 8, CHART_LINES_MAX = 64,
       CHART_DATES_MAX = 1000 };

enum chart_kind {
	CHART_RADAR,  /* an axis per label, a closed outline per series */
	CHART_TREND,  /* a panel per line, its value at each date */
};

/* How a radar outline is drawn: the subject filled in the brand's
 * primary colour, earlier assessments dashed and fading with age, a
 * benchmark dotted and a target dash-dotted in the accent colour. */
enum chart_series_kind { CHART_CURRENT, CHART_PREVIOUS, CHART_BENCHMARK, CHART_TARGET };

struct chart_series {
	enum chart_series_kind kind;
	const char *label;        /* its legend entry */
	double *values;           /* one per axis: 1.0-4.0, or < 0 where there is none */
};

/* A dashed ring where a stage begins, in that stage's colour. */
struct chart_threshold {
	double value;             /* 1.0-4.0 */
	size_t stage;             /* its index, for the brand's stage colours */
	const char *label;        /* its legend entry */
};

/* One line of a trend: a value at each date, drawn in a panel of its
 * own; the overall line in a wide panel above the others. */
struct chart_line {
	const char *label;        /* the panel's title */
	double *values;           /* one per date: 1.0-4.0, or < 0 where there is none */
	double target;            /* 1.0-4.0 drawn across the panel; < 0 when none */
	int overall;              /* the headline line */
};

/* What a chart shows.  The strings are borrowed; values are owned and
 * freed by chart_input_release. */
struct chart_input {
	enum chart_kind kind;
	/* A radar's axes and outlines. */
	size_t axis_count;
	const char **labels;      /* one per axis */
	struct chart_series series[CHART_SERIES_MAX];
	size_t series_count;      /* the first CHART_CURRENT series gets the score labels */
	struct chart_threshold thresholds[CHART_THRESHOLDS_MAX];
	size_t threshold_count;
	size_t stage_count;       /* stages the brand's colours are spread over */
	const char *missing_label; /* beside an axis with no value, e.g. "not assessed" */
	/* A trend's dates, oldest first, and its lines. */
	size_t date_count;
	const char **date_labels;  /* one per date, short */
	double *date_positions;    /* one per date: 0.0-1.0 along the time axis */
	struct chart_line *lines;
	size_t line_count;
	const char *line_label;    /* the legend's entry for the lines */
	const char *target_label;  /* the legend's entry for the targets */
};

/* Makes input an empty radar with room for axis_count axes (labels NULL). */
void chart_input_init(struct chart_input *input, size_t axis_count);

/* Makes input an empty trend with room for date_count dates (at most
 * CHART_DATES_MAX; labels NULL, positions 0) and line_count lines (at
 * most CHART_LINES_MAX; values all < 0, no target). */
void chart_input_init_trend(struct chart_input *input, size_t date_count, size_t line_count);

/* The height a chart is best drawn at for each point of its width. */
double chart_aspect(const struct chart_input *input);

/* Adds a series (its values all < 0, to be filled in) and returns it, or
 * NULL when CHART_SERIES_MAX are there. */
struct chart_series *chart_input_add_series(struct chart_input *input,
					    enum chart_series_kind kind, const char *label);

/* Frees what chart_input_init and chart_input_add_series allocated. */
void chart_input_release(struct chart_input *input);

/* Text laid out for charts, kept from one chart to the next by whoever
 * draws many (a PDF or HTML renderer, per process): labels that recur are
 * shaped once.  Bounded in size; made empty, and it makes no Pango object
 * before the first chart, so it may be made before the process forks.
 * Free with chart_cache_free. */
struct chart_cache *chart_cache_new(void);

void chart_cache_free(struct chart_cache *cache);

/* Draws the chart in the box (x, y, width, height), in points (user
 * units), with the brand's colours and body font.  One axis per label,
 * labels wrapped to fit, rings at 1-4 with the thresholds dashed, the
 * outlines of the series, and each vertex's score.  An axis without a
 * value is left out of an outline, which joins its neighbours, and marked
 * at the rim with the missing label.  Text comes from cache when it holds
 * it (cache may be NULL); the drawing is the same either way. */
void chart_draw(cairo_t *cairo, const struct chart_input *input, const struct brand *brand,
		struct chart_cache *cache, double x, double y, double width, double height);

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
