/* The PDF report; see pdf.h.  Pango lays out every paragraph and a small
 * typesetter places its lines on pages.  The same code builds the document
 * twice: a first pass only measures, to find the page breaks, the page
 * count and each section's page, and the second pass draws. */
#include "pdf.h"

#include "answers.h"
#include "brand.h"
#include "chart.h"
#include "diag.h"
#include "framework.h"
#include "model.h"
#include "outfile.h"
#include "xalloc.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <cmark.h>
#include <pango/pangocairo.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef MATURITY_VERSION
#define MATURITY_VERSION "0.0.0"
#endif

/* Geometry, in points. */
#define PDF_MARGIN_SIDE 66.0     /* left and right edges of the text block */
#define PDF_MARGIN_TOP 86.0      /* the text block starts below the running header */
#define PDF_MARGIN_BOTTOM 84.0   /* and ends above the running footer */
#define PDF_HEADER_TOP 30.0      /* top of the running header's logo */
#define PDF_HEADER_RULE 56.0     /* the rule under the running header */
#define PDF_FOOTER_RULE 62.0     /* the rule over the footer, from the page's bottom */
#define PDF_LIST_INDENT 18.0     /* hanging indent of a list item */
#define PDF_MARKER_GAP 6.0       /* between a list marker and its text */
#define PDF_ACTION_INDENT 32.0   /* hanging indent of a roadmap action */
#define PDF_KEEP 72.0            /* room a heading needs below it on its page */
#define PDF_KEEP_SUBHEADED 112.0 /* a level-2 heading, which a subheading may follow */
#define PDF_KEEP_SECTION 170.0   /* a section's title */
#define PDF_SCORE_COLUMN 80.0    /* width of the score at the end of a row */
#define PDF_BAR_HEIGHT 6.0
#define PDF_RULE_WIDTH 0.5

/* The logo at its largest, on the cover: this tall and at most this share
 * of the text block wide; its pixels are kept to PDF_LOGO_DPI there. */
#define PDF_COVER_LOGO_HEIGHT 44.0
#define PDF_COVER_LOGO_SHARE 0.4
#define PDF_LOGO_DPI 300.0

/* Vertical rhythm: space before a block; adjacent gaps collapse to the
 * larger one and vanish at the top of a page. */
#define PDF_GAP_TIGHT 3.0
#define PDF_GAP_PARAGRAPH 8.0
#define PDF_GAP_BLOCK 14.0
#define PDF_GAP_HEADING 22.0
#define PDF_GAP_SECTION 30.0

enum pdf_ink { INK_TEXT, INK_MUTED, INK_PRIMARY, INK_ACCENT, INK_WHITE };

struct pdf_style {
	int heading;    /* 1: the brand's heading font, 0: its body font */
	double size;    /* points */
	double leading; /* baseline to baseline, points */
	PangoWeight weight;
	enum pdf_ink ink; /* its colour, unless markup sets one */
	int uppercase;    /* 1: set in capitals (captions) */
};

/* The type scale: 26 / 22 / 14 / 11 / 10 / 8.5 points. */
enum pdf_style_name {
	STYLE_BODY,
	STYLE_LEAD,
	STYLE_SMALL,
	STYLE_EYEBROW,
	STYLE_H1,
	STYLE_H2,
	STYLE_H3,
	STYLE_ROW,
	STYLE_TOC,
	STYLE_HEADER,
	STYLE_BADGE,
	STYLE_STAT,
	STYLE_STAT_SMALL,
	STYLE_COVER_NAME,
	STYLE_COVER_SUBTITLE,
	STYLE_DISC,
};

static const struct pdf_style pdf_styles[] = {
	[STYLE_BODY] = { 0, 10.0, 15.0, PANGO_WEIGHT_NORMAL, INK_TEXT, 0 },
	[STYLE_LEAD] = { 0, 12.5, 19.0, PANGO_WEIGHT_NORMAL, INK_TEXT, 0 },
	[STYLE_SMALL] = { 0, 8.5, 12.5, PANGO_WEIGHT_NORMAL, INK_MUTED, 0 },
	[STYLE_EYEBROW] = { 0, 7.5, 11.0, PANGO_WEIGHT_SEMIBOLD, INK_ACCENT, 1 },
	[STYLE_H1] = { 1, 22.0, 28.0, PANGO_WEIGHT_BOLD, INK_PRIMARY, 0 },
	[STYLE_H2] = { 1, 14.0, 19.0, PANGO_WEIGHT_SEMIBOLD, INK_PRIMARY, 0 },
	[STYLE_H3] = { 1, 11.0, 15.0, PANGO_WEIGHT_BOLD, INK_TEXT, 0 },
	[STYLE_ROW] = { 1, 11.0, 15.0, PANGO_WEIGHT_SEMIBOLD, INK_TEXT, 0 },
	[STYLE_TOC] = { 1, 12.0, 17.0, PANGO_WEIGHT_NORMAL, INK_TEXT, 0 },
	[STYLE_HEADER] = { 0, 8.0, 10.0, PANGO_WEIGHT_NORMAL, INK_MUTED, 0 },
	[STYLE_BADGE] = { 1, 11.0, 14.0, PANGO_WEIGHT_BOLD, INK_WHITE, 0 },
	[STYLE_STAT] = { 1, 18.0, 23.0, PANGO_WEIGHT_BOLD, INK_TEXT, 0 },
	[STYLE_STAT_SMALL] = { 1, 13.0, 17.0, PANGO_WEIGHT_BOLD, INK_TEXT, 0 },
	[STYLE_COVER_NAME] = { 1, 26.0, 32.0, PANGO_WEIGHT_BOLD, INK_TEXT, 0 },
	[STYLE_COVER_SUBTITLE] = { 0, 14.0, 19.0, PANGO_WEIGHT_NORMAL, INK_MUTED, 0 },
	[STYLE_DISC] = { 1, 9.0, 11.0, PANGO_WEIGHT_BOLD, INK_WHITE, 0 },
};

/* The report's numbered sections, in order. */
enum pdf_section {
	PDF_SUMMARY,
	PDF_STRENGTHS,
	PDF_PROFILE,
	PDF_DOMAINS,
	PDF_STAGE,
	PDF_ROADMAP,
	PDF_APPENDIX,
	PDF_SECTION_COUNT,
};

static const struct {
	const char *dest; /* the named destination of its heading */
	const char *title;
	int new_page; /* 1: starts on a page of its own */
} pdf_sections[PDF_SECTION_COUNT] = {
	[PDF_SUMMARY] = { "summary", "Executive summary", 1 },
	[PDF_STRENGTHS] = { "strengths", "Strengths", 0 },
	[PDF_PROFILE] = { "profile", "Domain profile", 1 },
	[PDF_DOMAINS] = { "domains", "Domain breakdown", 0 },
	[PDF_STAGE] = { "stage", "The current stage", 1 },
	[PDF_ROADMAP] = { "roadmap", "Priority-action roadmap", 1 },
	[PDF_APPENDIX] = { "appendix", "Appendix", 1 },
};

enum pdf_marker_kind { MARKER_NONE, MARKER_TEXT, MARKER_DISC };

/* What goes left of the next line placed: a list bullet or number, or
 * a roadmap action's number in a disc. */
struct pdf_marker {
	enum pdf_marker_kind kind;
	char markup[48]; /* MARKER_TEXT: pango markup; MARKER_DISC: the number */
	double x;        /* left edge of the text it marks, points */
	enum pdf_style_name style;
};

/* The layouts a process keeps, at most this many: those used longest ago
 * go first, so memory stays bounded however many teams pass, while text
 * that recurs in every report stays. */
enum { PDF_CACHE_LIMIT = 4000 };

struct pdf_cache_entry {
	char *key;           /* "style width lines flags markup" */
	PangoLayout *layout; /* complete: nobody changes it once cached */
	GList link;          /* in the cache's recent list; data is the entry */
};

struct pdf_cache {
	PangoContext *pango;        /* points as units, unhinted: as print wants */
	char *fonts;                /* "body|heading": the families the layouts were made in */
	GHashTable *layouts;        /* key -> struct pdf_cache_entry, which it owns */
	GQueue recent;              /* the entries, most recently used first */
	struct chart_cache *chart;  /* the domain profile's text */
	unsigned char *logo_png;    /* the PNG bytes of the brand's logo */
	size_t logo_png_size;
	cairo_surface_t *logo;      /* those decoded and resampled, NULL until needed */
	double logo_page_width;     /* the page width it was resampled for */
};

/* The state the section functions share: where the next block goes, on
 * which page, and whether this pass draws or only measures. */
struct pdf_typesetter {
	cairo_t *cairo;
	cairo_surface_t *surface;
	struct pdf_cache *cache;
	PangoContext *pango;      /* the cache's */
	PangoFontDescription *body_font;
	PangoFontDescription *heading_font;
	cairo_surface_t *logo; /* the brand's logo, NULL when none */
	cairo_surface_t *header; /* the running header recorded, NULL until the first page's */
	const struct model *model;
	const struct framework *framework;
	const struct brand *brand;
	struct diag *diag;
	const char *path;
	int measure;                    /* 1: the first pass, which places but never draws */
	int failed;                     /* a problem has been reported */
	double page_width, page_height; /* points */
	double left, right;             /* the text block's edges, points from the left */
	double top, bottom;             /* and from the top */
	double y;                       /* where the next block starts, points from the top */
	double gap;                     /* pending space before the next block, points */
	int page;                       /* the current page, 1-based */
	int page_count;                 /* the first pass's total; 0 during it */
	int section_numbers[PDF_SECTION_COUNT]; /* 0 when the report leaves it out */
	int section_pages[PDF_SECTION_COUNT];   /* from the first pass */
	int outline_section;                    /* outline id of the current section */
	int heading_count;                      /* names the destinations of subheadings */
	struct pdf_marker marker;
	struct brand_color muted; /* secondary text */
	struct brand_color rule;  /* hairlines */
	struct brand_color track; /* empty bars and panels */
};

static void pdf_fail(struct pdf_typesetter *typesetter, const char *format, ...)
	__attribute__((format(printf, 2, 3)));

/* Reports the first problem of this report; later ones follow from it. */
static void
pdf_fail(struct pdf_typesetter *typesetter, const char *format, ...)
{
	char message[512];
	va_list arguments;

	if (typesetter->failed)
		return;
	typesetter->failed = 1;
	va_start(arguments, format);
	vsnprintf(message, sizeof message, format, arguments);
	va_end(arguments);
	diag_error(typesetter->diag, typesetter->path, 0, "%s", message);
}

/* Width of the text block, points. */
static double
pdf_text_width(const struct pdf_typesetter *typesetter)
{
	return typesetter->right - typesetter->left;
}

/* Colours ------------------------------------------------------------------ */

/* The colour amount of the way from base to over (0.0-1.0). */
static struct brand_color
pdf_mix(struct brand_color base, struct brand_color over, double amount)
{
	struct brand_color color;

	color.red = base.red + (over.red - base.red) * amount;
	color.green = base.green + (over.green - base.green) * amount;
	color.blue = base.blue + (over.blue - base.blue) * amount;
	snprintf(color.hex, sizeof color.hex, "#%02x%02x%02x", (unsigned)(color.red * 255 + 0.5),
		 (unsigned)(color.green * 255 + 0.5), (unsigned)(color.blue * 255 + 0.5));
	return color;
}

static struct brand_color
pdf_white(void)
{
	return (struct brand_color){ 1.0, 1.0, 1.0, "#ffffff" };
}

/* True when white text reads well on color. */
static int
pdf_is_dark(struct brand_color color)
{
	return 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue < 0.62;
}

/* Text that reads on a background of color: white or the brand's text. */
static struct brand_color
pdf_text_on(const struct pdf_typesetter *typesetter, struct brand_color color)
{
	return pdf_is_dark(color) ? pdf_white() : typesetter->brand->text;
}

static struct brand_color
pdf_ink_color(const struct pdf_typesetter *typesetter, enum pdf_ink ink)
{
	switch (ink) {
	case INK_MUTED:
		return typesetter->muted;
	case INK_PRIMARY:
		return typesetter->brand->primary;
	case INK_ACCENT:
		return typesetter->brand->accent;
	case INK_WHITE:
		return pdf_white();
	case INK_TEXT:
		break;
	}
	return typesetter->brand->text;
}

static struct brand_color
pdf_stage_color(const struct pdf_typesetter *typesetter, size_t stage)
{
	return brand_stage_color(typesetter->brand, stage, typesetter->framework->stage_count);
}

static void
pdf_set_color(struct pdf_typesetter *typesetter, struct brand_color color)
{
	cairo_set_source_rgb(typesetter->cairo, color.red, color.green, color.blue);
}

/* Markup --------------------------------------------------------------------- */

/* Appends text to markup with <, >, & and quotes escaped. */
static void
pdf_append_text(GString *markup, const char *text)
{
	char *escaped = g_markup_escape_text(text, -1);

	g_string_append(markup, escaped);
	g_free(escaped);
}

/* Appends text wrapped in a tag ("b", "i"), escaped. */
static void
pdf_append_tagged(GString *markup, const char *tag, const char *text)
{
	g_string_append_printf(markup, "<%s>", tag);
	pdf_append_text(markup, text);
	g_string_append_printf(markup, "</%s>", tag);
}

/* Appends text in color, escaped. */
static void
pdf_append_colored(GString *markup, struct brand_color color, const char *weight, const char *text)
{
	g_string_append_printf(markup, "<span foreground=\"%s\" weight=\"%s\">", color.hex, weight);
	pdf_append_text(markup, text);
	g_string_append(markup, "</span>");
}

/* Appends markup built by a printf format; every %s argument must be
 * markup already (escaped text), numbers need nothing. */
static void pdf_append_format(GString *markup, const char *format, ...)
	__attribute__((format(printf, 2, 3)));

static void
pdf_append_format(GString *markup, const char *format, ...)
{
	va_list arguments;

	va_start(arguments, format);
	g_string_append_vprintf(markup, format, arguments);
	va_end(arguments);
}

/* A score as printed: two decimals, or a signed change. */
static void
pdf_format_score(char *buffer, size_t size, double score)
{
	snprintf(buffer, size, "%.2f", score);
}

static void
pdf_format_change(char *buffer, size_t size, double change)
{
	snprintf(buffer, size, "%+.2f", change == 0 ? 0.0 : change);
}

/* Layouts ------------------------------------------------------------------- */

static double
pdf_points(int pango_units)
{
	return (double)pango_units / PANGO_SCALE;
}

/* How a layout is set beyond its style and width (pdf_layout's flags). */
enum pdf_layout_flag {
	PDF_LAYOUT_RIGHT = 1 << 0,           /* aligned right in its width */
	PDF_LAYOUT_ONE_LINE = 1 << 1,        /* one line, ellipsized at the width */
	PDF_LAYOUT_FIXED_DIRECTION = 1 << 2, /* alignment not flipped by right-to-left text */
};

/* A new layout of markup in style, wrapped to width points (no wrapping
 * when width <= 0), cut to at most lines lines ending in an ellipsis
 * (lines > 0), set as flags (enum pdf_layout_flag) say.  The caller
 * unrefs it.  Markup that does not parse is a bug: it is reported, *valid
 * is set to 0 and the layout is left empty. */
static PangoLayout *
pdf_layout_new(struct pdf_typesetter *typesetter, enum pdf_style_name name, const char *markup,
	       double width, int lines, unsigned flags, int *valid)
{
	const struct pdf_style *style = &pdf_styles[name];
	PangoLayout *layout = pango_layout_new(typesetter->pango);
	PangoFontDescription *font = pango_font_description_copy(
		style->heading ? typesetter->heading_font : typesetter->body_font);
	PangoAttrList *attributes = NULL;
	GError *error = NULL;
	char *text = NULL;

	pango_font_description_set_absolute_size(font, style->size * PANGO_SCALE);
	pango_font_description_set_weight(font, style->weight);
	pango_layout_set_font_description(layout, font);
	pango_font_description_free(font);
	if (width > 0) {
		pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	}
	if (lines > 0) {
		pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
		pango_layout_set_height(layout, -lines);
	}
	if (flags & PDF_LAYOUT_ONE_LINE) {
		pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
		pango_layout_set_single_paragraph_mode(layout, TRUE);
	}
	if (flags & PDF_LAYOUT_RIGHT)
		pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
	if (flags & PDF_LAYOUT_FIXED_DIRECTION)
		pango_layout_set_auto_dir(layout, FALSE);
	*valid = pango_parse_markup(markup, -1, 0, &attributes, &text, NULL, &error);
	if (!*valid) {
		pdf_fail(typesetter, "cannot typeset text: %s", error->message);
		g_error_free(error);
		return layout;
	}
	pango_attr_list_insert(attributes, pango_attr_line_height_new_absolute(
						   (int)(style->leading * PANGO_SCALE)));
	if (style->uppercase)
		pango_attr_list_insert(
			attributes, pango_attr_text_transform_new(PANGO_TEXT_TRANSFORM_UPPERCASE));
	pango_layout_set_text(layout, text, -1);
	pango_layout_set_attributes(layout, attributes);
	pango_attr_list_unref(attributes);
	g_free(text);
	return layout;
}

/* The cache's key of a layout: what pdf_layout_new makes it from.  The
 * caller frees it. */
static char *
pdf_layout_key(enum pdf_style_name name, double width, int lines, unsigned flags,
	       const char *markup)
{
	char head[64];
	int head_length =
		snprintf(head, sizeof head, "%d %d %d %u ", (int)name,
			 width > 0 ? (int)(width * PANGO_SCALE) : 0, lines > 0 ? lines : 0, flags);
	size_t markup_length = strlen(markup);
	char *key = xmalloc((size_t)head_length + markup_length + 1);

	memcpy(key, head, (size_t)head_length);
	memcpy(key + head_length, markup, markup_length + 1);
	return key;
}

/* The layout pdf_layout_new would make, from the cache when it holds one:
 * the caller unrefs it and must not change it.  Every layout of a report
 * passes through here, so the drawing pass reuses what the measuring pass
 * shaped, and text that recurs from report to report is shaped once per
 * process. */
static PangoLayout *
pdf_layout(struct pdf_typesetter *typesetter, enum pdf_style_name name, const char *markup,
	   double width, int lines, unsigned flags)
{
	struct pdf_cache *cache = typesetter->cache;
	char *key = pdf_layout_key(name, width, lines, flags, markup);
	struct pdf_cache_entry *entry = g_hash_table_lookup(cache->layouts, key);
	PangoLayout *layout;
	int valid;

	if (entry != NULL) {
		free(key);
		g_queue_unlink(&cache->recent, &entry->link);
		g_queue_push_head_link(&cache->recent, &entry->link);
		return g_object_ref(entry->layout);
	}
	layout = pdf_layout_new(typesetter, name, markup, width, lines, flags, &valid);
	if (!valid) {
		free(key);
		return layout;
	}
	/* Make room by dropping the layout used longest ago. */
	if (g_hash_table_size(cache->layouts) >= PDF_CACHE_LIMIT) {
		GList *oldest = g_queue_pop_tail_link(&cache->recent);

		g_hash_table_remove(cache->layouts, ((struct pdf_cache_entry *)oldest->data)->key);
	}
	entry = xmalloc(sizeof *entry);
	entry->key = key;
	entry->layout = g_object_ref(layout);
	entry->link = (GList){ .data = entry };
	g_hash_table_insert(cache->layouts, key, entry);
	g_queue_push_head_link(&cache->recent, &entry->link);
	return layout;
}

/* A layout of plain text (escaped here), as pdf_layout. */
static PangoLayout *
pdf_layout_text(struct pdf_typesetter *typesetter, enum pdf_style_name name, const char *text,
		double width, int lines, unsigned flags)
{
	char *escaped = g_markup_escape_text(text, -1);
	PangoLayout *layout = pdf_layout(typesetter, name, escaped, width, lines, flags);

	g_free(escaped);
	return layout;
}

static double
pdf_height(PangoLayout *layout)
{
	PangoRectangle logical;

	pango_layout_get_extents(layout, NULL, &logical);
	return pdf_points(logical.height);
}

static double
pdf_width(PangoLayout *layout)
{
	PangoRectangle logical;

	pango_layout_get_extents(layout, NULL, &logical);
	return pdf_points(logical.width);
}

static double
pdf_baseline(PangoLayout *layout)
{
	return pdf_points(pango_layout_get_baseline(layout));
}

/* Draws the whole of layout with its top-left corner at (x, y). */
static void
pdf_show(struct pdf_typesetter *typesetter, PangoLayout *layout, double x, double y,
	 struct brand_color color)
{
	if (typesetter->measure)
		return;
	pdf_set_color(typesetter, color);
	cairo_move_to(typesetter->cairo, x, y);
	pango_cairo_show_layout(typesetter->cairo, layout);
}

/* Shows layout in its style's ink; returns its height. */
static double
pdf_show_styled(struct pdf_typesetter *typesetter, PangoLayout *layout, enum pdf_style_name style,
		double x, double y)
{
	pdf_show(typesetter, layout, x, y, pdf_ink_color(typesetter, pdf_styles[style].ink));
	return pdf_height(layout);
}

/* Shapes -------------------------------------------------------------------- */

static void
pdf_rounded_rectangle(cairo_t *cairo, double x, double y, double width, double height,
		      double radius)
{
	if (radius > height / 2)
		radius = height / 2;
	if (radius > width / 2)
		radius = width / 2;
	cairo_new_sub_path(cairo);
	cairo_arc(cairo, x + width - radius, y + radius, radius, -G_PI / 2, 0);
	cairo_arc(cairo, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
	cairo_arc(cairo, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
	cairo_arc(cairo, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
	cairo_close_path(cairo);
}

static void
pdf_fill_rounded(struct pdf_typesetter *typesetter, double x, double y, double width, double height,
		 double radius, struct brand_color color)
{
	if (typesetter->measure || width <= 0)
		return;
	pdf_rounded_rectangle(typesetter->cairo, x, y, width, height, radius);
	pdf_set_color(typesetter, color);
	cairo_fill(typesetter->cairo);
}

static void
pdf_hairline(struct pdf_typesetter *typesetter, double x1, double x2, double y,
	     struct brand_color color, double thickness)
{
	if (typesetter->measure)
		return;
	pdf_set_color(typesetter, color);
	cairo_set_line_width(typesetter->cairo, thickness);
	cairo_move_to(typesetter->cairo, x1, y);
	cairo_line_to(typesetter->cairo, x2, y);
	cairo_stroke(typesetter->cairo);
}

/* A hairline across the text block at y. */
static void
pdf_rule(struct pdf_typesetter *typesetter, double y)
{
	pdf_hairline(typesetter, typesetter->left, typesetter->right, y, typesetter->rule,
		     PDF_RULE_WIDTH);
}

/* The short accent bar under a section's title; moves y past it. */
static void
pdf_title_underline(struct pdf_typesetter *typesetter)
{
	typesetter->y += 8;
	pdf_fill_rounded(typesetter, typesetter->left, typesetter->y, 28, 2.5, 1.25,
			 typesetter->brand->accent);
	typesetter->y += 2.5;
}

/* A horizontal bar on the 1-4 scale: the track, filled to fraction
 * (0.0-1.0) in color, with a notch at each stage's threshold. */
static void
pdf_bar(struct pdf_typesetter *typesetter, double x, double y, double width, double fraction,
	struct brand_color color)
{
	const struct framework *framework = typesetter->framework;

	pdf_fill_rounded(typesetter, x, y, width, PDF_BAR_HEIGHT, PDF_BAR_HEIGHT / 2,
			 typesetter->track);
	if (fraction > 0)
		pdf_fill_rounded(typesetter, x, y, width * fraction, PDF_BAR_HEIGHT,
				 PDF_BAR_HEIGHT / 2, color);
	if (typesetter->measure)
		return;
	for (size_t stage = 1; stage < framework->stage_count; stage++) {
		double notch = x + width * (framework->stages[stage].minimum - 1) / 3;

		cairo_rectangle(typesetter->cairo, notch - 0.75, y, 1.5, PDF_BAR_HEIGHT);
		pdf_set_color(typesetter, pdf_white());
		cairo_fill(typesetter->cairo);
	}
}

/* A pill with label on color, its top-left at (x, y); returns its width
 * and stores its height. */
static double
pdf_badge(struct pdf_typesetter *typesetter, const char *label, struct brand_color color,
	  enum pdf_style_name style, double x, double y, double max_width, double *height)
{
	double padding = pdf_styles[style].size * 0.75;
	PangoLayout *layout =
		pdf_layout_text(typesetter, style, label, max_width - 2 * padding, 2, 0);
	double width, text_height;

	width = pdf_width(layout) + 2 * padding;
	text_height = pdf_height(layout);
	*height = text_height + padding * 0.9;
	pdf_fill_rounded(typesetter, x, y, width, *height, *height / 2 < 9 ? *height / 2 : 9,
			 color);
	pdf_show(typesetter, layout, x + padding, y + padding * 0.45,
		 pdf_text_on(typesetter, color));
	g_object_unref(layout);
	return width;
}

static void
pdf_draw_logo(struct pdf_typesetter *typesetter, double x, double y, double max_width,
	      double max_height)
{
	double width, height, scale;

	if (typesetter->measure || typesetter->logo == NULL)
		return;
	width = cairo_image_surface_get_width(typesetter->logo);
	height = cairo_image_surface_get_height(typesetter->logo);
	if (width <= 0 || height <= 0)
		return;
	scale = max_width / width < max_height / height ? max_width / width : max_height / height;
	cairo_save(typesetter->cairo);
	cairo_translate(typesetter->cairo, x, y + (max_height - height * scale) / 2);
	cairo_scale(typesetter->cairo, scale, scale);
	cairo_set_source_surface(typesetter->cairo, typesetter->logo, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(typesetter->cairo), CAIRO_FILTER_GOOD);
	cairo_paint(typesetter->cairo);
	cairo_restore(typesetter->cairo);
}

/* Width the running header gives the logo: its aspect at height points,
 * at most a third of the text block; 0 when there is no logo. */
static double
pdf_logo_width(const struct pdf_typesetter *typesetter, double height)
{
	double width;

	if (typesetter->logo == NULL || cairo_image_surface_get_height(typesetter->logo) <= 0)
		return 0;
	width = height * cairo_image_surface_get_width(typesetter->logo) /
		cairo_image_surface_get_height(typesetter->logo);
	if (width > pdf_text_width(typesetter) / 3)
		width = pdf_text_width(typesetter) / 3;
	return width;
}

/* Pages --------------------------------------------------------------------- */

/* The running header, the same on every page of a report: the logo and
 * the report title, the team on the right; drawn with typesetter->cairo. */
static void
pdf_page_header(struct pdf_typesetter *typesetter)
{
	double width = pdf_text_width(typesetter);
	double logo_width = pdf_logo_width(typesetter, 16);
	double title_x = typesetter->left + (logo_width > 0 ? logo_width + 10 : 0);
	PangoLayout *layout;

	pdf_draw_logo(typesetter, typesetter->left, PDF_HEADER_TOP, logo_width, 16);
	layout = pdf_layout_text(typesetter, STYLE_HEADER, typesetter->brand->report_title,
				 width * 0.5, 0, PDF_LAYOUT_ONE_LINE);
	pdf_show_styled(typesetter, layout, STYLE_HEADER, title_x,
			PDF_HEADER_TOP + 8 - pdf_height(layout) / 2);
	g_object_unref(layout);
	layout = pdf_layout_text(
		typesetter, STYLE_HEADER, typesetter->model->answers->name,
		typesetter->right - title_x - width * 0.5 - 16, 0,
		PDF_LAYOUT_ONE_LINE | PDF_LAYOUT_RIGHT | PDF_LAYOUT_FIXED_DIRECTION);
	pdf_show_styled(typesetter, layout, STYLE_HEADER,
			typesetter->right - pdf_points(pango_layout_get_width(layout)),
			PDF_HEADER_TOP + 8 - pdf_height(layout) / 2);
	g_object_unref(layout);
}

/* The running header and footer of the current page.  The header is
 * recorded once per report and painted on each page, so the PDF holds it
 * once (a form XObject) rather than once per page.  The footer is drawn
 * on the page: its text and the page number are one text object, which
 * a form would split, moving the glyphs by a millionth of a point. */
static void
pdf_page_decorate(struct pdf_typesetter *typesetter)
{
	double width = pdf_text_width(typesetter);
	double footer_top = typesetter->page_height - PDF_FOOTER_RULE + 8;
	PangoLayout *layout;
	char page[64];

	if (typesetter->measure)
		return;

	/* Header. */
	if (typesetter->header == NULL) {
		cairo_rectangle_t page_box = { 0, 0, typesetter->page_width,
					       typesetter->page_height };
		cairo_t *page_cairo = typesetter->cairo;

		typesetter->header =
			cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &page_box);
		typesetter->cairo = cairo_create(typesetter->header);
		pdf_page_header(typesetter);
		cairo_destroy(typesetter->cairo);
		typesetter->cairo = page_cairo;
	}
	cairo_set_source_surface(typesetter->cairo, typesetter->header, 0, 0);
	cairo_paint(typesetter->cairo);
	pdf_rule(typesetter, PDF_HEADER_RULE);

	/* Footer: the brand's footer and confidentiality notice, the page. */
	pdf_rule(typesetter, typesetter->page_height - PDF_FOOTER_RULE);
	layout = pdf_layout_text(typesetter, STYLE_HEADER,
				 typesetter->brand->footer ? typesetter->brand->footer : "",
				 width - 90, 0, PDF_LAYOUT_ONE_LINE);
	pdf_show_styled(typesetter, layout, STYLE_HEADER, typesetter->left, footer_top);
	g_object_unref(layout);
	if (typesetter->brand->confidentiality != NULL) {
		layout = pdf_layout_text(typesetter, STYLE_HEADER,
					 typesetter->brand->confidentiality, width - 90, 0,
					 PDF_LAYOUT_ONE_LINE);
		pdf_show(typesetter, layout, typesetter->left, footer_top + 11, typesetter->muted);
		g_object_unref(layout);
	}
	snprintf(page, sizeof page, "Page %d of %d", typesetter->page, typesetter->page_count);
	layout = pdf_layout_text(typesetter, STYLE_HEADER, page, 90, 0, PDF_LAYOUT_RIGHT);
	pdf_show_styled(typesetter, layout, STYLE_HEADER, typesetter->right - 90, footer_top);
	g_object_unref(layout);
}

/* Ends the page and starts the next with its header and footer. */
static void
pdf_page_break(struct pdf_typesetter *typesetter)
{
	if (!typesetter->measure)
		cairo_show_page(typesetter->cairo);
	typesetter->page++;
	typesetter->y = typesetter->top;
	typesetter->gap = 0;
	pdf_page_decorate(typesetter);
}

/* Asks for at least amount points before the next block. */
static void
pdf_gap(struct pdf_typesetter *typesetter, double amount)
{
	if (amount > typesetter->gap)
		typesetter->gap = amount;
}

/* Adds the pending gap, unless at the top of a page. */
static void
pdf_apply_gap(struct pdf_typesetter *typesetter)
{
	if (typesetter->y > typesetter->top)
		typesetter->y += typesetter->gap;
	typesetter->gap = 0;
}

/* Makes room for a block of height points that must not break: a new
 * page when it does not fit below y (and something is above it). */
static void
pdf_need(struct pdf_typesetter *typesetter, double height)
{
	pdf_apply_gap(typesetter);
	if (typesetter->y + height > typesetter->bottom && typesetter->y > typesetter->top)
		pdf_page_break(typesetter);
}

/* Draws the pending marker beside the line whose box is top..bottom. */
static void
pdf_draw_marker(struct pdf_typesetter *typesetter, double top, double bottom, double baseline)
{
	struct pdf_marker *marker = &typesetter->marker;
	PangoLayout *layout;

	if (marker->kind == MARKER_TEXT) {
		layout = pdf_layout(typesetter, marker->style, marker->markup, -1, 0, 0);
		pdf_show_styled(typesetter, layout, marker->style,
				marker->x - PDF_MARKER_GAP - pdf_width(layout),
				baseline - pdf_baseline(layout));
		g_object_unref(layout);
	} else if (marker->kind == MARKER_DISC) {
		double radius = 10;
		double centre_x = marker->x - PDF_ACTION_INDENT + radius;
		double centre_y = (top + bottom) / 2;

		layout = pdf_layout_text(typesetter, STYLE_DISC, marker->markup, -1, 0, 0);
		if (!typesetter->measure) {
			cairo_new_path(typesetter->cairo);
			cairo_arc(typesetter->cairo, centre_x, centre_y, radius, 0, 2 * G_PI);
			pdf_set_color(typesetter, typesetter->brand->primary);
			cairo_fill(typesetter->cairo);
		}
		pdf_show(typesetter, layout, centre_x - pdf_width(layout) / 2,
			 centre_y - pdf_height(layout) / 2,
			 pdf_text_on(typesetter, typesetter->brand->primary));
		g_object_unref(layout);
	}
	marker->kind = MARKER_NONE;
}

/* Places layout's lines at x from y down, breaking pages between lines:
 * a paragraph's first two lines start together and its last line never
 * stands alone at the top of a page. */
static void
pdf_flow(struct pdf_typesetter *typesetter, PangoLayout *layout, double x, struct brand_color color)
{
	size_t count = (size_t)pango_layout_get_line_count(layout);
	double *tops = xcalloc(count, sizeof *tops);
	double *bottoms = xcalloc(count, sizeof *bottoms);
	double *baselines = xcalloc(count, sizeof *baselines);
	unsigned char *breaks = xcalloc(count, sizeof *breaks);
	PangoLayoutIter *iterator;
	size_t index = 0, page_first = 0;
	double origin;

	/* Where each line sits within the layout. */
	iterator = pango_layout_get_iter(layout);
	do {
		int top, bottom;

		pango_layout_iter_get_line_yrange(iterator, &top, &bottom);
		tops[index] = pdf_points(top);
		bottoms[index] = pdf_points(bottom);
		baselines[index] = pdf_points(pango_layout_iter_get_baseline(iterator));
		index++;
	} while (index < count && pango_layout_iter_next_line(iterator));
	pango_layout_iter_free(iterator);
	count = index;

	/* Where the pages break. */
	pdf_apply_gap(typesetter);
	if (typesetter->y > typesetter->top &&
	    typesetter->y + bottoms[count >= 2 ? 1 : 0] > typesetter->bottom)
		breaks[0] = 1;
	origin = breaks[0] ? typesetter->top - tops[0] : typesetter->y;
	for (index = 1; index < count; index++) {
		size_t at = index;

		if (origin + bottoms[index] <= typesetter->bottom)
			continue;
		if (index == count - 1 && index - 1 >= page_first + 2)
			at = index - 1;
		breaks[at] = 1;
		page_first = at;
		origin = typesetter->top - tops[at];
		index = at;
	}

	/* The lines, each at its baseline. */
	origin = typesetter->y;
	index = 0;
	iterator = pango_layout_get_iter(layout);
	do {
		if (breaks[index]) {
			pdf_page_break(typesetter);
			origin = typesetter->top - tops[index];
		}
		if (!typesetter->measure) {
			PangoRectangle logical;

			pango_layout_iter_get_line_extents(iterator, NULL, &logical);
			pdf_set_color(typesetter, color);
			cairo_move_to(typesetter->cairo, x + pdf_points(logical.x),
				      origin + baselines[index]);
			pango_cairo_show_layout_line(typesetter->cairo,
						     pango_layout_iter_get_line_readonly(iterator));
		}
		if (index == 0 && typesetter->marker.kind != MARKER_NONE)
			pdf_draw_marker(typesetter, origin + tops[0], origin + bottoms[0],
					origin + baselines[0]);
		index++;
	} while (index < count && pango_layout_iter_next_line(iterator));
	pango_layout_iter_free(iterator);
	typesetter->y = origin + bottoms[count - 1];

	free(tops);
	free(bottoms);
	free(baselines);
	free(breaks);
}

/* A paragraph of markup in style, indent points from the left edge,
 * followed by gap_after points. */
static void
pdf_paragraph(struct pdf_typesetter *typesetter, enum pdf_style_name style, const char *markup,
	      double indent, double gap_after)
{
	PangoLayout *layout =
		pdf_layout(typesetter, style, markup, pdf_text_width(typesetter) - indent, 0, 0);

	pdf_flow(typesetter, layout, typesetter->left + indent,
		 pdf_ink_color(typesetter, pdf_styles[style].ink));
	g_object_unref(layout);
	pdf_gap(typesetter, gap_after);
}

/* A line of markup in style, indent points from the left edge, followed
 * by gap_after points, made of parts laid out one by one and set side by
 * side: a line whose parts recur from report to report in new
 * combinations (a domain, a score, a note) is then not shaped again.
 * Each part after the first starts with its separator, where no kerning
 * is lost.  Parts that do not fit on one line, or hold a line break, are
 * set as one paragraph. */
static void
pdf_parts(struct pdf_typesetter *typesetter, enum pdf_style_name style, const char *const *parts,
	  size_t count, double indent, double gap_after)
{
	double width = pdf_text_width(typesetter) - indent, used = 0, height = 0, x;
	PangoLayout **layouts;
	size_t index;

	if (count == 0)
		return;
	layouts = xcalloc(count, sizeof *layouts);
	for (index = 0; index < count; index++) {
		layouts[index] = pdf_layout(typesetter, style, parts[index], -1, 0, 0);
		used += pdf_width(layouts[index]);
		if (pdf_height(layouts[index]) > height)
			height = pdf_height(layouts[index]);
		if (pango_layout_get_line_count(layouts[index]) > 1)
			used = width + 1; /* a part with a line break of its own */
	}
	if (used > width) {
		GString *joined = g_string_new(NULL);

		for (index = 0; index < count; index++) {
			g_string_append(joined, parts[index]);
			g_object_unref(layouts[index]);
		}
		free(layouts);
		pdf_paragraph(typesetter, style, joined->str, indent, gap_after);
		g_string_free(joined, TRUE);
		return;
	}
	pdf_need(typesetter, height);
	x = typesetter->left + indent;
	for (index = 0; index < count; index++) {
		if (!typesetter->measure) {
			pdf_set_color(typesetter, pdf_ink_color(typesetter, pdf_styles[style].ink));
			cairo_move_to(typesetter->cairo, x,
				      typesetter->y + pdf_baseline(layouts[index]));
			pango_cairo_show_layout_line(typesetter->cairo,
						     pango_layout_get_line_readonly(layouts[index], 0));
		}
		x += pdf_width(layouts[index]);
		g_object_unref(layouts[index]);
	}
	free(layouts);
	typesetter->y += height;
	pdf_gap(typesetter, gap_after);
}

static void
pdf_paragraph_text(struct pdf_typesetter *typesetter, enum pdf_style_name style, const char *text,
		   double indent, double gap_after)
{
	char *escaped = g_markup_escape_text(text, -1);

	pdf_paragraph(typesetter, style, escaped, indent, gap_after);
	g_free(escaped);
}

/* Sets the marker of the next line placed: markup in style, left of
 * the text that starts x points from the left edge. */
static void
pdf_set_marker(struct pdf_typesetter *typesetter, enum pdf_marker_kind kind, const char *markup,
	       enum pdf_style_name style, double indent)
{
	typesetter->marker.kind = kind;
	snprintf(typesetter->marker.markup, sizeof typesetter->marker.markup, "%s", markup);
	typesetter->marker.style = style;
	typesetter->marker.x = typesetter->left + indent;
}

/* A subheading of markup, kept with what follows it; a level-2 heading
 * (STYLE_H2) is also a destination with an entry under the section's
 * outline. */
static void
pdf_heading_markup(struct pdf_typesetter *typesetter, enum pdf_style_name style, const char *markup)
{
	PangoLayout *layout =
		pdf_layout(typesetter, style, markup, pdf_text_width(typesetter), 0, 0);
	char attributes[64];

	pdf_gap(typesetter, style == STYLE_H2 ? PDF_GAP_SECTION : PDF_GAP_HEADING);
	pdf_need(typesetter,
		 pdf_height(layout) + (style == STYLE_H2 ? PDF_KEEP_SUBHEADED : PDF_KEEP));
	if (style == STYLE_H2)
		typesetter->heading_count++;
	if (!typesetter->measure && style == STYLE_H2) {
		snprintf(attributes, sizeof attributes, "name='heading-%d'",
			 typesetter->heading_count);
		cairo_tag_begin(typesetter->cairo, CAIRO_TAG_DEST, attributes);
	}
	pdf_flow(typesetter, layout, typesetter->left,
		 pdf_ink_color(typesetter, pdf_styles[style].ink));
	if (!typesetter->measure && style == STYLE_H2) {
		cairo_tag_end(typesetter->cairo, CAIRO_TAG_DEST);
		snprintf(attributes, sizeof attributes, "dest='heading-%d'",
			 typesetter->heading_count);
		cairo_pdf_surface_add_outline(typesetter->surface, typesetter->outline_section,
					      pango_layout_get_text(layout), attributes, 0);
	}
	g_object_unref(layout);
	pdf_gap(typesetter, style == STYLE_H2 ? 8 : 4);
}

/* A subheading of plain text. */
static void
pdf_heading(struct pdf_typesetter *typesetter, enum pdf_style_name style, const char *text)
{
	char *escaped = g_markup_escape_text(text, -1);

	pdf_heading_markup(typesetter, style, escaped);
	g_free(escaped);
}

/* A list item: markup after a bullet, in the list's hanging indent. */
static void
pdf_bullet(struct pdf_typesetter *typesetter, const char *markup, double indent, double gap_after)
{
	char bullet[48];

	snprintf(bullet, sizeof bullet, "<span foreground=\"%s\">\u2022</span>",
		 typesetter->brand->accent.hex);
	pdf_set_marker(typesetter, MARKER_TEXT, bullet, STYLE_BODY, indent + PDF_LIST_INDENT);
	pdf_paragraph(typesetter, STYLE_BODY, markup, indent + PDF_LIST_INDENT, gap_after);
}

/* Markdown ------------------------------------------------------------------ */

/* The inline content of node as pango markup: text escaped, emphasis
 * and strong emphasis kept, links as their text, raw HTML dropped. */
static void
pdf_markdown_inlines(GString *markup, cmark_node *parent)
{
	for (cmark_node *node = cmark_node_first_child(parent); node != NULL;
	     node = cmark_node_next(node)) {
		switch (cmark_node_get_type(node)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			pdf_append_text(markup, cmark_node_get_literal(node));
			break;
		case CMARK_NODE_SOFTBREAK:
			g_string_append_c(markup, ' ');
			break;
		case CMARK_NODE_LINEBREAK:
			g_string_append_c(markup, '\n');
			break;
		case CMARK_NODE_EMPH:
			g_string_append(markup, "<i>");
			pdf_markdown_inlines(markup, node);
			g_string_append(markup, "</i>");
			break;
		case CMARK_NODE_STRONG:
			g_string_append(markup, "<b>");
			pdf_markdown_inlines(markup, node);
			g_string_append(markup, "</b>");
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			pdf_markdown_inlines(markup, node);
			break;
		default:
			break;
		}
	}
}

static void pdf_markdown_blocks(struct pdf_typesetter *typesetter, cmark_node *parent,
				double indent, int tight);

/* A list's items, each with its bullet or number in the hanging indent. */
static void
pdf_markdown_list(struct pdf_typesetter *typesetter, cmark_node *list, double indent)
{
	int ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
	int tight = cmark_node_get_list_tight(list);
	int number = cmark_node_get_list_start(list);

	for (cmark_node *item = cmark_node_first_child(list); item != NULL;
	     item = cmark_node_next(item), number++) {
		char marker[48];

		if (ordered)
			snprintf(marker, sizeof marker, "%d.", number);
		else
			snprintf(marker, sizeof marker, "<span foreground=\"%s\">\u2022</span>",
				 typesetter->brand->accent.hex);
		pdf_set_marker(typesetter, MARKER_TEXT, marker, STYLE_BODY,
			       indent + PDF_LIST_INDENT);
		pdf_gap(typesetter, tight ? PDF_GAP_TIGHT + 2 : PDF_GAP_PARAGRAPH);
		pdf_markdown_blocks(typesetter, item, indent + PDF_LIST_INDENT, tight);
		typesetter->marker.kind = MARKER_NONE;
	}
	pdf_gap(typesetter, PDF_GAP_PARAGRAPH);
}

/* The blocks under parent, indent points from the left edge. */
static void
pdf_markdown_blocks(struct pdf_typesetter *typesetter, cmark_node *parent, double indent, int tight)
{
	for (cmark_node *node = cmark_node_first_child(parent); node != NULL;
	     node = cmark_node_next(node)) {
		const char *literal;
		GString *markup;
		size_t length;
		char *code;

		switch (cmark_node_get_type(node)) {
		case CMARK_NODE_PARAGRAPH:
			markup = g_string_new(NULL);
			pdf_markdown_inlines(markup, node);
			pdf_paragraph(typesetter, STYLE_BODY, markup->str, indent,
				      tight ? PDF_GAP_TIGHT : PDF_GAP_PARAGRAPH);
			g_string_free(markup, TRUE);
			break;
		case CMARK_NODE_HEADING:
			markup = g_string_new(NULL);
			pdf_markdown_inlines(markup, node);
			pdf_heading_markup(typesetter, STYLE_H3, markup->str);
			g_string_free(markup, TRUE);
			break;
		case CMARK_NODE_LIST:
			pdf_markdown_list(typesetter, node, indent);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			pdf_markdown_blocks(typesetter, node, indent + PDF_LIST_INDENT, 0);
			break;
		case CMARK_NODE_CODE_BLOCK:
			literal = cmark_node_get_literal(node);
			length = strlen(literal);
			while (length > 0 && literal[length - 1] == '\n')
				length--;
			code = xstrndup(literal, length);
			pdf_paragraph_text(typesetter, STYLE_SMALL, code, indent,
					   PDF_GAP_PARAGRAPH);
			free(code);
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			pdf_need(typesetter, 12);
			pdf_hairline(typesetter, typesetter->left + indent, typesetter->right,
				     typesetter->y + 6, typesetter->rule, PDF_RULE_WIDTH);
			typesetter->y += 12;
			pdf_gap(typesetter, PDF_GAP_PARAGRAPH);
			break;
		default:
			break; /* raw HTML and anything else are not rendered */
		}
	}
}

/* Typesets a Markdown text, indent points from the left edge. */
static void
pdf_markdown(struct pdf_typesetter *typesetter, const char *markdown, double indent)
{
	cmark_node *document =
		cmark_parse_document(markdown, strlen(markdown), CMARK_OPT_VALIDATE_UTF8);

	if (document == NULL) {
		pdf_fail(typesetter, "cannot parse the content pack's Markdown");
		return;
	}
	pdf_markdown_blocks(typesetter, document, indent, 0);
	cmark_node_free(document);
}

/* Sections ------------------------------------------------------------------ */

/* Starts a numbered section: a new page when it asks for one, the
 * number, the title as a named destination, an outline entry. */
static void
pdf_section_begin(struct pdf_typesetter *typesetter, enum pdf_section section)
{
	PangoLayout *eyebrow, *title;
	char number[32], attributes[64];

	if (pdf_sections[section].new_page && typesetter->y > typesetter->top)
		pdf_page_break(typesetter);
	snprintf(number, sizeof number, "Section %d", typesetter->section_numbers[section]);
	eyebrow = pdf_layout_text(typesetter, STYLE_EYEBROW, number, -1, 0, 0);
	title = pdf_layout_text(typesetter, STYLE_H1, pdf_sections[section].title,
				pdf_text_width(typesetter), 0, 0);

	pdf_gap(typesetter, 44);
	pdf_need(typesetter, pdf_height(eyebrow) + 4 + pdf_height(title) + 16 + PDF_KEEP_SECTION);
	if (typesetter->measure)
		typesetter->section_pages[section] = typesetter->page;
	pdf_show_styled(typesetter, eyebrow, STYLE_EYEBROW, typesetter->left, typesetter->y);
	typesetter->y += pdf_height(eyebrow) + 4;
	if (!typesetter->measure) {
		snprintf(attributes, sizeof attributes, "name='%s'", pdf_sections[section].dest);
		cairo_tag_begin(typesetter->cairo, CAIRO_TAG_DEST, attributes);
	}
	pdf_flow(typesetter, title, typesetter->left, typesetter->brand->primary);
	if (!typesetter->measure) {
		cairo_tag_end(typesetter->cairo, CAIRO_TAG_DEST);
		snprintf(attributes, sizeof attributes, "dest='%s'", pdf_sections[section].dest);
		typesetter->outline_section =
			cairo_pdf_surface_add_outline(typesetter->surface, CAIRO_PDF_OUTLINE_ROOT,
						      pdf_sections[section].title, attributes, 0);
	}
	pdf_title_underline(typesetter);
	pdf_gap(typesetter, 18);
	g_object_unref(eyebrow);
	g_object_unref(title);
}

/* One labelled value of the cover or the summary: a small caption over a
 * value, in a column width points wide.  Returns the height. */
static double
pdf_stat(struct pdf_typesetter *typesetter, const char *caption, const char *value_markup,
	 const char *note, double x, double y, double width)
{
	PangoLayout *layout = pdf_layout_text(typesetter, STYLE_EYEBROW, caption, width, 2, 0);
	enum pdf_style_name size;
	double top = y;

	pdf_show(typesetter, layout, x, y, typesetter->muted);
	y += pdf_height(layout) + 4;
	g_object_unref(layout);
	/* A value too wide for the column steps down a size before it wraps. */
	layout = pdf_layout(typesetter, STYLE_STAT, value_markup, width, 0, 0);
	size = pango_layout_is_wrapped(layout) ? STYLE_STAT_SMALL : STYLE_STAT;
	g_object_unref(layout);
	layout = pdf_layout(typesetter, size, value_markup, width, 3, 0);
	y += pdf_show_styled(typesetter, layout, STYLE_STAT, x, y);
	g_object_unref(layout);
	if (note != NULL) {
		layout = pdf_layout_text(typesetter, STYLE_SMALL, note, width, 3, 0);
		y += pdf_show_styled(typesetter, layout, STYLE_SMALL, x, y + 2) + 2;
		g_object_unref(layout);
	}
	return y - top;
}

/* The path through the stages as one bar: each stage's band in its
 * colour, a marker at the team's score and the stage names below. */
static double
pdf_stage_gauge(struct pdf_typesetter *typesetter, double y)
{
	const struct framework *framework = typesetter->framework;
	double width = pdf_text_width(typesetter);
	double marker_x = typesetter->left + width * typesetter->model->overall_fraction;
	double label_height = 0;

	for (size_t stage = 0; stage < framework->stage_count; stage++) {
		double from = (framework->stages[stage].minimum - 1) / 3;
		double to = stage + 1 < framework->stage_count
				    ? (framework->stages[stage + 1].minimum - 1) / 3
				    : 1.0;
		struct brand_color color = pdf_stage_color(typesetter, stage);
		PangoLayout *label;

		if (!typesetter->measure) {
			cairo_rectangle(typesetter->cairo, typesetter->left + width * from, y,
					width * (to - from), 8);
			pdf_set_color(typesetter, stage == typesetter->model->stage
							  ? color
							  : pdf_mix(color, pdf_white(), 0.6));
			cairo_fill(typesetter->cairo);
		}
		label = pdf_layout_text(typesetter, STYLE_SMALL, framework->stages[stage].label,
					width * (to - from) - 4, 2, 0);
		pdf_show(typesetter, label, typesetter->left + width * from, y + 14,
			 stage == typesetter->model->stage ? typesetter->brand->text
							   : typesetter->muted);
		if (pdf_height(label) > label_height)
			label_height = pdf_height(label);
		g_object_unref(label);
	}
	if (!typesetter->measure) {
		cairo_move_to(typesetter->cairo, marker_x, y - 1);
		cairo_line_to(typesetter->cairo, marker_x - 5, y - 8);
		cairo_line_to(typesetter->cairo, marker_x + 5, y - 8);
		cairo_close_path(typesetter->cairo);
		pdf_set_color(typesetter, typesetter->brand->text);
		cairo_fill(typesetter->cairo);
		cairo_rectangle(typesetter->cairo, marker_x - 1, y - 2, 2, 12);
		cairo_fill(typesetter->cairo);
	}
	return 14 + label_height;
}

/* Cover: the logo, the team, the stage and the score.  Every block has a
 * bounded number of lines, so the cover is always one page. */
static void
pdf_cover(struct pdf_typesetter *typesetter)
{
	const struct model *model = typesetter->model;
	const struct answers *answers = model->answers;
	const struct framework_stage *stage = &typesetter->framework->stages[model->stage];
	double width = pdf_text_width(typesetter);
	double column = (width - 2 * 24) / 3;
	double y, height, column_height, badge_height;
	PangoLayout *layout;
	GString *markup;
	char text[128];

	/* The brand: a band of its colour, the logo, its name. */
	pdf_fill_rounded(typesetter, 0, 0, typesetter->page_width, 10, 0,
			 typesetter->brand->primary);
	pdf_draw_logo(typesetter, typesetter->left, 56, width * PDF_COVER_LOGO_SHARE,
		      PDF_COVER_LOGO_HEIGHT);
	layout = pdf_layout_text(typesetter, STYLE_SMALL, typesetter->brand->organization,
				 width * 0.45, 2, PDF_LAYOUT_RIGHT);
	pdf_show_styled(typesetter, layout, STYLE_SMALL, typesetter->right - width * 0.45,
			56 + 22 - pdf_height(layout) / 2);
	g_object_unref(layout);

	/* The report and the team. */
	y = typesetter->page_height * 0.25;
	layout = pdf_layout_text(typesetter, STYLE_EYEBROW, typesetter->brand->report_title, width,
				 2, 0);
	y += pdf_show_styled(typesetter, layout, STYLE_EYEBROW, typesetter->left, y) + 12;
	g_object_unref(layout);
	if (!typesetter->measure)
		cairo_tag_begin(typesetter->cairo, CAIRO_TAG_DEST, "name='cover'");
	layout = pdf_layout_text(typesetter, STYLE_COVER_NAME, answers->name, width, 4, 0);
	y += pdf_show_styled(typesetter, layout, STYLE_COVER_NAME, typesetter->left, y) + 10;
	g_object_unref(layout);
	if (!typesetter->measure) {
		cairo_tag_end(typesetter->cairo, CAIRO_TAG_DEST);
		cairo_pdf_surface_add_outline(typesetter->surface, CAIRO_PDF_OUTLINE_ROOT, "Cover",
					      "dest='cover'", 0);
	}
	if (answers->organization != NULL) {
		layout = pdf_layout_text(typesetter, STYLE_COVER_SUBTITLE, answers->organization,
					 width, 2, 0);
		y += pdf_show_styled(typesetter, layout, STYLE_COVER_SUBTITLE, typesetter->left, y);
		g_object_unref(layout);
	}
	snprintf(text, sizeof text, "Assessed %s", answers->date);
	layout = pdf_layout_text(typesetter, STYLE_BODY, text, width, 0, 0);
	pdf_show(typesetter, layout, typesetter->left, y + 6, typesetter->muted);
	y += pdf_height(layout) + 6;
	g_object_unref(layout);

	/* The verdict: stage, score and respondents in three columns. */
	if (y < typesetter->page_height * 0.56)
		y = typesetter->page_height * 0.56;
	pdf_hairline(typesetter, typesetter->left, typesetter->right, y, typesetter->rule,
		     PDF_RULE_WIDTH);
	y += 22;
	layout = pdf_layout_text(typesetter, STYLE_EYEBROW, "Stage", column, 0, 0);
	pdf_show(typesetter, layout, typesetter->left, y, typesetter->muted);
	height = pdf_height(layout) + 6;
	g_object_unref(layout);
	pdf_badge(typesetter, stage->label, pdf_stage_color(typesetter, model->stage), STYLE_BADGE,
		  typesetter->left, y + height, column, &badge_height);
	height += badge_height + 6;
	layout = pdf_layout_text(typesetter, STYLE_SMALL, stage->tagline, column, 3, 0);
	height += pdf_show_styled(typesetter, layout, STYLE_SMALL, typesetter->left, y + height);
	g_object_unref(layout);

	markup = g_string_new(NULL);
	pdf_append_format(markup,
			  "%.1f<span size=\"%d\" weight=\"normal\" foreground=\"%s\"> / 10</span>",
			  model->display, 14 * PANGO_SCALE, typesetter->muted.hex);
	snprintf(text, sizeof text, "%.2f out of 4", model->overall);
	column_height = pdf_stat(typesetter, "Overall score", markup->str, text,
				 typesetter->left + column + 24, y, column);
	if (column_height > height)
		height = column_height;
	g_string_truncate(markup, 0);
	pdf_append_format(markup, "%zu", answers->respondent_count);
	column_height =
		pdf_stat(typesetter, "Respondents", markup->str,
			 answers->respondent_count == 1 ? "person answered" : "people answered",
			 typesetter->left + 2 * (column + 24), y, column);
	if (column_height > height)
		height = column_height;
	g_string_free(markup, TRUE);
	y += height;

	/* Where the score sits on the path through the stages. */
	y += 34;
	y += pdf_stage_gauge(typesetter, y) + 28;

	/* What the report rests on. */
	markup = g_string_new(NULL);
	pdf_append_text(markup, typesetter->framework->title);
	g_string_append(markup, " ");
	pdf_append_text(markup, typesetter->framework->version);
	g_string_append(markup, "  \u00b7  report of ");
	pdf_append_text(markup, model->generated);
	layout = pdf_layout(typesetter, STYLE_SMALL, markup->str, width, 2, 0);
	pdf_show_styled(typesetter, layout, STYLE_SMALL, typesetter->left, y);
	g_object_unref(layout);
	g_string_free(markup, TRUE);

	/* Confidentiality at the foot of the cover. */
	if (typesetter->brand->confidentiality != NULL) {
		layout = pdf_layout_text(typesetter, STYLE_HEADER,
					 typesetter->brand->confidentiality, width, 2, 0);
		pdf_show(typesetter, layout, typesetter->left,
			 typesetter->page_height - 48 - pdf_height(layout), typesetter->muted);
		g_object_unref(layout);
	}
}

/* Contents: each section with its number, linked to its first page. */
static void
pdf_contents(struct pdf_typesetter *typesetter)
{
	const struct framework *framework = typesetter->framework;
	double width = pdf_text_width(typesetter);
	double number_width = 30, page_width = 50;
	PangoLayout *layout;
	GString *markup;

	pdf_page_break(typesetter);
	layout = pdf_layout_text(typesetter, STYLE_H1, "Contents", width, 0, 0);
	if (!typesetter->measure)
		cairo_tag_begin(typesetter->cairo, CAIRO_TAG_DEST, "name='contents'");
	pdf_flow(typesetter, layout, typesetter->left, typesetter->brand->primary);
	if (!typesetter->measure) {
		cairo_tag_end(typesetter->cairo, CAIRO_TAG_DEST);
		typesetter->outline_section =
			cairo_pdf_surface_add_outline(typesetter->surface, CAIRO_PDF_OUTLINE_ROOT,
						      "Contents", "dest='contents'", 0);
	}
	g_object_unref(layout);
	pdf_title_underline(typesetter);
	typesetter->y += 24;

	/* One row per section; the first pass has no page numbers yet, and
	 * none changes a row's height. */
	pdf_rule(typesetter, typesetter->y);
	for (int section = 0; section < PDF_SECTION_COUNT; section++) {
		PangoLayout *number, *title, *page;
		char text[32], attributes[160];
		double row;

		if (typesetter->section_numbers[section] == 0)
			continue;
		snprintf(text, sizeof text, "%d", typesetter->section_numbers[section]);
		number = pdf_layout_text(typesetter, STYLE_TOC, text, number_width, 0, 0);
		title = pdf_layout_text(typesetter, STYLE_TOC, pdf_sections[section].title,
					width - number_width - page_width, 0, 0);
		snprintf(text, sizeof text, "%d", typesetter->section_pages[section]);
		page = pdf_layout_text(typesetter, STYLE_TOC, text, page_width, 0,
				       PDF_LAYOUT_RIGHT);
		row = pdf_height(title) + 20;
		pdf_need(typesetter, row);
		if (!typesetter->measure) {
			snprintf(attributes, sizeof attributes,
				 "dest='%s' rect=[%.2f %.2f %.2f %.2f]", pdf_sections[section].dest,
				 typesetter->left, typesetter->y, width, row);
			cairo_tag_begin(typesetter->cairo, CAIRO_TAG_LINK, attributes);
		}
		pdf_show(typesetter, number, typesetter->left, typesetter->y + 10,
			 typesetter->brand->accent);
		pdf_show(typesetter, title, typesetter->left + number_width, typesetter->y + 10,
			 typesetter->brand->text);
		pdf_show(typesetter, page, typesetter->right - page_width, typesetter->y + 10,
			 typesetter->muted);
		if (!typesetter->measure)
			cairo_tag_end(typesetter->cairo, CAIRO_TAG_LINK);
		typesetter->y += row;
		pdf_rule(typesetter, typesetter->y);
		g_object_unref(number);
		g_object_unref(title);
		g_object_unref(page);
	}

	/* What the assessment is. */
	pdf_gap(typesetter, 40);
	pdf_heading(typesetter, STYLE_H3, "About this assessment");
	markup = g_string_new(NULL);
	g_string_append(markup, "This report places the team on the ");
	pdf_append_tagged(markup, "i", framework->title);
	g_string_append(markup, " maturity model. ");
	pdf_append_text(markup, framework->description);
	pdf_paragraph(typesetter, STYLE_BODY, markup->str, 0, PDF_GAP_PARAGRAPH);
	g_string_truncate(markup, 0);
	pdf_append_format(
		markup,
		"Every question, domain and the overall result is scored from 1 to 4; the "
		"overall score is also given out of 10. Section %d explains how the scores "
		"are computed and lists every answer.",
		typesetter->section_numbers[PDF_APPENDIX]);
	pdf_paragraph(typesetter, STYLE_BODY, markup->str, 0, PDF_GAP_PARAGRAPH);
	g_string_free(markup, TRUE);
}

/* Measures a badge without drawing it: returns its width and stores its
 * height. */
static double
pdf_badge_measure(struct pdf_typesetter *typesetter, const char *label, enum pdf_style_name style,
		  double max_width, double *height)
{
	int measure = typesetter->measure;
	double width;

	typesetter->measure = 1;
	width = pdf_badge(typesetter, label, typesetter->brand->primary, style, 0, 0, max_width,
			  height);
	typesetter->measure = measure;
	return width;
}

/* A scored row: the label and its score, a bar filled to fraction (none
 * when fraction < 0), then an optional badge and a note.  Kept on one
 * page; every part has a bounded number of lines. */
static void
pdf_score_row(struct pdf_typesetter *typesetter, const char *label, const char *description,
	      const char *score_markup, double fraction, struct brand_color color,
	      const char *badge, const char *note_markup)
{
	double width = pdf_text_width(typesetter);
	PangoLayout *title =
		pdf_layout_text(typesetter, STYLE_ROW, label, width - PDF_SCORE_COLUMN, 3, 0);
	PangoLayout *score = pdf_layout(typesetter, STYLE_ROW, score_markup, PDF_SCORE_COLUMN, 0,
					PDF_LAYOUT_RIGHT);
	PangoLayout *detail = NULL, *note = NULL;
	double head, detail_height = 0, foot = 0, badge_width = 0, badge_height = 0, y;

	/* Measure. */
	head = pdf_height(title) > pdf_height(score) ? pdf_height(title) : pdf_height(score);
	if (description != NULL) {
		detail = pdf_layout_text(typesetter, STYLE_SMALL, description,
					 width - PDF_SCORE_COLUMN, 3, 0);
		detail_height = pdf_height(detail) + 1;
	}
	if (badge != NULL)
		pdf_badge_measure(typesetter, badge, STYLE_EYEBROW, width / 3, &badge_height);
	if (note_markup != NULL && note_markup[0] != '\0') {
		note = pdf_layout(typesetter, STYLE_SMALL, note_markup, width - width / 3 - 8, 3,
				  0);
		foot = pdf_height(note);
	}
	if (badge_height > foot)
		foot = badge_height;
	pdf_need(typesetter, head + detail_height + 7 + PDF_BAR_HEIGHT + (foot > 0 ? 8 + foot : 0));

	/* Draw. */
	y = typesetter->y;
	pdf_show_styled(typesetter, title, STYLE_ROW, typesetter->left, y);
	pdf_show_styled(typesetter, score, STYLE_ROW, typesetter->right - PDF_SCORE_COLUMN, y);
	y += head;
	if (detail != NULL)
		y += pdf_show_styled(typesetter, detail, STYLE_SMALL, typesetter->left, y) + 1;
	y += 7;
	pdf_bar(typesetter, typesetter->left, y, width, fraction < 0 ? 0 : fraction, color);
	y += PDF_BAR_HEIGHT;
	if (foot > 0) {
		y += 8;
		if (badge != NULL)
			badge_width =
				pdf_badge(typesetter, badge, color, STYLE_EYEBROW, typesetter->left,
					  y + (foot - badge_height) / 2, width / 3, &badge_height);
		if (note != NULL)
			pdf_show_styled(typesetter, note, STYLE_SMALL,
					typesetter->left + (badge_width > 0 ? badge_width + 8 : 0),
					y + (foot - pdf_height(note)) / 2);
		y += foot;
	}
	typesetter->y = y;
	pdf_gap(typesetter, PDF_GAP_BLOCK + 4);
	g_object_unref(title);
	g_object_unref(score);
	if (detail != NULL)
		g_object_unref(detail);
	if (note != NULL)
		g_object_unref(note);
}

/* "3.10 / 4" as row markup. */
static void
pdf_score_markup(const struct pdf_typesetter *typesetter, GString *markup, double score)
{
	g_string_truncate(markup, 0);
	pdf_append_format(markup,
			  "%.2f<span foreground=\"%s\" weight=\"normal\" size=\"%d\"> / 4</span>",
			  score, typesetter->muted.hex, 9 * PANGO_SCALE);
}

/* The stage badge and its tagline on one line. */
static void
pdf_stage_banner(struct pdf_typesetter *typesetter, size_t stage)
{
	const struct framework_stage *definition = &typesetter->framework->stages[stage];
	double width = pdf_text_width(typesetter);
	double badge_height;
	double badge_width = pdf_badge_measure(typesetter, definition->label, STYLE_BADGE,
					       width / 2, &badge_height);
	GString *markup = g_string_new(NULL);
	PangoLayout *tagline;
	double height;

	pdf_append_tagged(markup, "i", definition->tagline);
	tagline = pdf_layout(typesetter, STYLE_LEAD, markup->str, width - badge_width - 14, 3, 0);
	height = pdf_height(tagline) > badge_height ? pdf_height(tagline) : badge_height;
	pdf_need(typesetter, height);
	pdf_badge(typesetter, definition->label, pdf_stage_color(typesetter, stage), STYLE_BADGE,
		  typesetter->left, typesetter->y + (height - badge_height) / 2, width / 2,
		  &badge_height);
	pdf_show(typesetter, tagline, typesetter->left + badge_width + 14,
		 typesetter->y + (height - pdf_height(tagline)) / 2, typesetter->muted);
	typesetter->y += height;
	pdf_gap(typesetter, PDF_GAP_BLOCK + 4);
	g_object_unref(tagline);
	g_string_free(markup, TRUE);
}

/* A row of key figures on tinted cards. */
static void
pdf_summary_figures(struct pdf_typesetter *typesetter)
{
	const struct model *model = typesetter->model;
	const struct framework *framework = typesetter->framework;
	enum { FIGURES = 4 };
	double spacing = 10, padding = 12;
	double card = (pdf_text_width(typesetter) - (FIGURES - 1) * spacing) / FIGURES;
	const char *captions[FIGURES] = { "Overall score", "Stage", "Next stage", "Respondents" };
	GString *values[FIGURES];
	char *notes[FIGURES];
	double height = 0;
	int measure = typesetter->measure;

	/* What each card says. */
	for (int index = 0; index < FIGURES; index++)
		values[index] = g_string_new(NULL);
	pdf_append_format(values[0],
			  "%.1f<span size=\"%d\" weight=\"normal\" foreground=\"%s\"> / 10</span>",
			  model->display, 10 * PANGO_SCALE, typesetter->muted.hex);
	notes[0] = xasprintf("%.2f out of 4", model->overall);
	pdf_append_colored(values[1], pdf_stage_color(typesetter, model->stage), "bold",
			   framework->stages[model->stage].label);
	notes[1] = xasprintf("from %.2f", framework->stages[model->stage].minimum);
	if (model->has_next_stage) {
		pdf_append_text(values[2], framework->stages[model->next_stage].label);
		notes[2] = xasprintf("%.2f points to go", model->to_next_stage);
	} else {
		pdf_append_text(values[2], "\u2014");
		notes[2] = xstrdup("the highest stage");
	}
	pdf_append_format(values[3], "%zu", model->answers->respondent_count);
	notes[3] = xstrdup(model->answers->respondent_count == 1 ? "person answered"
								 : "people answered");

	/* Measure the tallest card, then draw all at that height. */
	typesetter->measure = 1;
	for (int index = 0; index < FIGURES; index++) {
		double card_height = pdf_stat(typesetter, captions[index], values[index]->str,
					      notes[index], 0, 0, card - 2 * padding);

		if (card_height > height)
			height = card_height;
	}
	typesetter->measure = measure;
	height += 2 * padding;
	pdf_need(typesetter, height);
	for (int index = 0; index < FIGURES; index++) {
		double x = typesetter->left + index * (card + spacing);

		pdf_fill_rounded(typesetter, x, typesetter->y, card, height, 6, typesetter->track);
		pdf_stat(typesetter, captions[index], values[index]->str, notes[index], x + padding,
			 typesetter->y + padding, card - 2 * padding);
		g_string_free(values[index], TRUE);
		free(notes[index]);
	}
	typesetter->y += height;
	pdf_gap(typesetter, PDF_GAP_HEADING);
}

/* Executive summary: the verdict, the profile, agreement, progress and
 * the charters. */
static void
pdf_summary(struct pdf_typesetter *typesetter)
{
	const struct model *model = typesetter->model;
	const struct framework *framework = typesetter->framework;
	const struct answers *answers = model->answers;
	GString *markup = g_string_new(NULL);
	char score[32], other[32], change[32];

	pdf_section_begin(typesetter, PDF_SUMMARY);
	pdf_stage_banner(typesetter, model->stage);

	/* The verdict. */
	pdf_append_tagged(markup, "b", answers->name);
	g_string_append(markup, " is at the ");
	pdf_append_colored(markup, pdf_stage_color(typesetter, model->stage), "bold",
			   framework->stages[model->stage].label);
	g_string_append(markup, " stage of ");
	pdf_append_text(markup, framework->title);
	pdf_append_format(markup, ", with an overall score of %.2f out of 4, or %.1f out of 10.",
			  model->overall, model->display);
	if (model->has_next_stage) {
		pdf_append_format(markup, " It is %.2f points short of ", model->to_next_stage);
		pdf_append_text(markup, framework->stages[model->next_stage].label);
		g_string_append(markup, ".");
	}
	pdf_paragraph(typesetter, STYLE_LEAD, markup->str, 0, PDF_GAP_BLOCK);
	pdf_summary_figures(typesetter);

	/* Strongest and weakest, named only when the profile is uneven. */
	pdf_heading(typesetter, STYLE_H3, "Profile");
	g_string_truncate(markup, 0);
	if (model->assessed_count < model->domain_count)
		pdf_append_format(markup,
				  "%zu of the %zu domains were assessed; the rest had no answers. ",
				  model->assessed_count, model->domain_count);
	if (model->assessed_count > 0 && model->uneven) {
		pdf_format_score(score, sizeof score, model->domains[model->strongest].score);
		pdf_format_score(other, sizeof other, model->domains[model->weakest].score);
		g_string_append(markup, "The strongest domain is ");
		pdf_append_tagged(markup, "b", framework->domains[model->strongest].label);
		pdf_append_format(markup, " at %s, and the weakest is ", score);
		pdf_append_tagged(markup, "b", framework->domains[model->weakest].label);
		pdf_append_format(markup,
				  " at %s. The weakest domains hold the overall score "
				  "back most; the roadmap starts there.",
				  other);
	} else {
		pdf_append_format(markup,
				  "The profile is even: the assessed domains all lie within "
				  "%.1f points of one another, so no single domain holds the "
				  "team back.",
				  MODEL_UNEVEN);
	}
	pdf_paragraph(typesetter, STYLE_BODY, markup->str, 0, PDF_GAP_PARAGRAPH);

	/* Where respondents disagree. */
	if (answers->respondent_count > 1) {
		pdf_heading(typesetter, STYLE_H3, "Agreement between respondents");
		g_string_truncate(markup, 0);
		if (model->disagreement_count == 0) {
			pdf_append_format(
				markup,
				"The %zu respondents broadly agree: in no domain do their "
				"own scores lie %.1f points or more apart.",
				answers->respondent_count, MODEL_DISAGREEMENT);
			pdf_paragraph(typesetter, STYLE_BODY, markup->str, 0, PDF_GAP_PARAGRAPH);
		} else {
			pdf_append_format(
				markup,
				"In these domains the respondents' own scores lie %.1f "
				"points or more apart, so the team does not yet share one "
				"picture of its practice:",
				MODEL_DISAGREEMENT);
			pdf_paragraph(typesetter, STYLE_BODY, markup->str, 0, PDF_GAP_TIGHT + 2);
			for (size_t index = 0; index < model->disagreement_count; index++) {
				size_t domain = model->disagreements[index];

				g_string_truncate(markup, 0);
				pdf_append_tagged(markup, "b", framework->domains[domain].label);
				pdf_append_format(markup,
						  ": %.2f points between the highest and "
						  "the lowest respondent",
						  model->domains[domain].spread);
				pdf_bullet(typesetter, markup->str, 0, PDF_GAP_TIGHT + 2);
			}
			pdf_gap(typesetter, PDF_GAP_PARAGRAPH);
		}
	}

	/* Progress since the previous assessment. */
	if (model->has_previous) {
		pdf_heading(typesetter, STYLE_H3, "Since the previous assessment");
		pdf_format_score(score, sizeof score, model->previous_overall);
		pdf_format_score(other, sizeof other, model->overall);
		pdf_format_change(change, sizeof change, model->overall_change);
		g_string_truncate(markup, 0);
		g_string_append(markup, "On ");
		pdf_append_text(markup, model->previous->date);
		pdf_append_format(markup, " the overall score was %s, at the ", score);
		pdf_append_tagged(markup, "b", framework->stages[model->previous_stage].label);
		pdf_append_format(markup, " stage. It is now %s (%s), at the ", other, change);
		pdf_append_tagged(markup, "b", framework->stages[model->stage].label);
		g_string_append(markup, model->previous_stage == model->stage
						? " stage: the stage is unchanged."
						: " stage.");
		pdf_paragraph(typesetter, STYLE_BODY, markup->str, 0, PDF_GAP_PARAGRAPH);
	}

	/* Charters: groups of questions scored together. */
	if (model->charter_count > 0) {
		pdf_gap(typesetter, PDF_GAP_HEADING);
		pdf_need(typesetter, 120);
		pdf_heading(typesetter, STYLE_H3, "Charters");
		pdf_paragraph(
			typesetter, STYLE_SMALL,
			"Each charter scores a group of questions drawn from several domains.", 0,
			PDF_GAP_BLOCK);
		for (size_t index = 0; index < model->charter_count; index++) {
			const struct model_charter *charter = &model->charters[index];
			const struct framework_charter *definition =
				&framework->charters[charter->charter];

			g_string_truncate(markup, 0);
			if (charter->assessed)
				pdf_score_markup(typesetter, markup, charter->score);
			else
				pdf_append_colored(markup, typesetter->muted, "normal",
						   "not assessed");
			pdf_score_row(typesetter, definition->label, definition->description,
				      markup->str, charter->assessed ? charter->fraction : -1,
				      typesetter->brand->primary, NULL, NULL);
		}
	}
	g_string_free(markup, TRUE);
}

/* Strengths: the best practice of each domain that reaches level 3 or 4. */
static void
pdf_strengths(struct pdf_typesetter *typesetter)
{
	const struct model *model = typesetter->model;
	const struct framework *framework = typesetter->framework;
	GString *markup = g_string_new(NULL);

	pdf_section_begin(typesetter, PDF_STRENGTHS);
	pdf_paragraph(typesetter, STYLE_BODY,
		      "What the team already does well: in each of these domains, its best-rated "
		      "practice is at level 3 or 4. These are the foundations to build on.",
		      0, PDF_GAP_BLOCK);
	for (size_t index = 0; index < model->strength_count; index++) {
		const struct model_strength *strength = &model->strengths[index];
		const struct framework_question *question =
			&framework->questions[strength->question];

		g_string_truncate(markup, 0);
		pdf_append_colored(markup, typesetter->brand->primary, "semibold",
				   framework->domains[strength->domain].label);
		g_string_append_c(markup, '\n');
		pdf_append_text(markup, question->options[strength->option - 1].text);
		pdf_bullet(typesetter, markup->str, 0, PDF_GAP_PARAGRAPH + 2);
	}
	g_string_free(markup, TRUE);
}

/* The radar chart of the domains. */
static void
pdf_profile(struct pdf_typesetter *typesetter)
{
	const struct model *model = typesetter->model;
	double width = pdf_text_width(typesetter);
	double height = width * 0.78;
	GString *markup = g_string_new(NULL);

	pdf_section_begin(typesetter, PDF_PROFILE);
	g_string_append(markup,
			"Each axis is one domain, scored from 1 at the centre to 4 at the edge; "
			"the rings mark the stage thresholds.");
	if (model->has_previous) {
		g_string_append(markup, " The dashed outline is the previous assessment, of ");
		pdf_append_text(markup, model->previous->date);
		g_string_append(markup, ".");
	}
	pdf_paragraph(typesetter, STYLE_BODY, markup->str, 0, PDF_GAP_BLOCK);
	g_string_free(markup, TRUE);
	if (height > typesetter->bottom - typesetter->top - 40)
		height = typesetter->bottom - typesetter->top - 40;
	pdf_need(typesetter, height);
	if (!typesetter->measure) {
		cairo_save(typesetter->cairo);
		chart_draw(typesetter->cairo, model, typesetter->brand, typesetter->cache->chart,
			   typesetter->left, typesetter->y, width, height);
		cairo_restore(typesetter->cairo);
	}
	typesetter->y += height;
	pdf_gap(typesetter, PDF_GAP_SECTION);
}

/* Every domain from strongest to weakest: score, bar, band and change. */
static void
pdf_domains(struct pdf_typesetter *typesetter)
{
	const struct model *model = typesetter->model;
	const struct framework *framework = typesetter->framework;
	GString *score = g_string_new(NULL), *note = g_string_new(NULL);

	pdf_section_begin(typesetter, PDF_DOMAINS);
	pdf_paragraph(
		typesetter, STYLE_BODY,
		"The domains from strongest to weakest. Each bar runs from 1 to 4; its colour "
		"and label give the stage whose band the score falls in.",
		0, PDF_GAP_BLOCK + 4);
	for (size_t rank = 0; rank < model->domain_count; rank++) {
		const struct model_domain *domain = &model->domains[model->ranking[rank]];
		const struct framework_domain *definition = &framework->domains[domain->domain];
		char number[32];

		g_string_truncate(note, 0);
		if (!domain->assessed) {
			g_string_truncate(score, 0);
			pdf_append_colored(score, typesetter->muted, "normal", "not assessed");
			g_string_append(note, "Nobody answered this domain's questions.");
			pdf_score_row(typesetter, definition->label, definition->description,
				      score->str, -1, typesetter->rule, NULL, note->str);
			continue;
		}
		pdf_score_markup(typesetter, score, domain->score);
		if (model->has_previous && domain->has_previous) {
			pdf_format_change(number, sizeof number, domain->change);
			pdf_append_format(note, "<b>%s</b> since ", number);
			pdf_append_text(note, model->previous->date);
		}
		if (model->answers->respondent_count > 1) {
			if (note->len > 0)
				g_string_append(note, "  \u00b7  ");
			pdf_append_format(note, "spread %.2f across respondents", domain->spread);
			if (domain->disagreement)
				g_string_append(note, ", <b>not aligned</b>");
		}
		if (domain->percentile >= 0) {
			if (note->len > 0)
				g_string_append(note, "  \u00b7  ");
			pdf_append_format(note, "percentile %.0f in the portfolio",
					  domain->percentile);
		}
		pdf_score_row(typesetter, definition->label, definition->description, score->str,
			      domain->fraction, pdf_stage_color(typesetter, domain->band),
			      framework->stages[domain->band].label, note->str);
	}
	g_string_free(score, TRUE);
	g_string_free(note, TRUE);
}

/* The current stage: its prose, the metrics to track and what the next
 * stage unlocks.  Its priority actions become the roadmap. */
static void
pdf_stage(struct pdf_typesetter *typesetter)
{
	const struct model *model = typesetter->model;
	const struct framework_stage *stage = &typesetter->framework->stages[model->stage];
	static const char *const tiers[] = { "Must track", "Worth tracking", "Not yet" };
	static const char *const tier_notes[] = {
		"The numbers a team at this stage should already report.",
		"Useful now, and the next to put in place.",
		"Premature at this stage: the practice or the data behind them is not there yet.",
	};
	const struct framework_section *unlocks = framework_stage_section(stage, "unlocks");
	GString *markup = g_string_new(NULL);

	pdf_section_begin(typesetter, PDF_STAGE);
	pdf_stage_banner(typesetter, model->stage);
	for (size_t index = 0; index < stage->section_count; index++) {
		const struct framework_section *section = &stage->sections[index];

		if (section->id != NULL &&
		    (strcmp(section->id, "actions") == 0 || strcmp(section->id, "unlocks") == 0))
			continue;
		pdf_heading(typesetter, STYLE_H2, section->heading);
		pdf_markdown(typesetter, section->markdown, 0);
	}

	/* Metrics, by tier. */
	if (stage->metric_count > 0) {
		pdf_heading(typesetter, STYLE_H2, "Metrics to track");
		for (int tier = METRIC_MUST; tier <= METRIC_NOT_YET; tier++) {
			int any = 0;

			for (size_t index = 0; index < stage->metric_count; index++)
				any |= stage->metrics[index].tier ==
				       (enum framework_metric_tier)tier;
			if (!any)
				continue;
			pdf_heading(typesetter, STYLE_H3, tiers[tier]);
			pdf_paragraph(typesetter, STYLE_SMALL, tier_notes[tier], 0,
				      PDF_GAP_PARAGRAPH);
			for (size_t index = 0; index < stage->metric_count; index++) {
				const struct framework_metric *metric = &stage->metrics[index];

				if (metric->tier != (enum framework_metric_tier)tier)
					continue;
				g_string_truncate(markup, 0);
				pdf_append_tagged(markup, "b", metric->name);
				g_string_append(markup, "\n");
				pdf_append_text(markup, metric->definition);
				pdf_bullet(typesetter, markup->str, 0, PDF_GAP_PARAGRAPH);
			}
		}
	}

	/* What the next stage unlocks. */
	if (unlocks != NULL) {
		pdf_heading(typesetter, STYLE_H2, unlocks->heading);
		pdf_markdown(typesetter, unlocks->markdown, 0);
	}
	g_string_free(markup, TRUE);
}

/* One roadmap action: its number in a disc, the title, where it comes
 * from, the insight behind it and the advice. */
static void
pdf_action(struct pdf_typesetter *typesetter, const struct roadmap_action *action)
{
	const struct model *model = typesetter->model;
	const struct framework *framework = typesetter->framework;
	double width = pdf_text_width(typesetter) - PDF_ACTION_INDENT;
	GString *markup = g_string_new(NULL);
	PangoLayout *title = pdf_layout_text(typesetter, STYLE_ROW, action->title, width, 0, 0);
	char number[32], score[64] = "";
	const char *parts[4];
	size_t count = 0;

	/* The title, kept with the lines under it. */
	pdf_gap(typesetter, PDF_GAP_HEADING);
	pdf_need(typesetter, pdf_height(title) + PDF_KEEP);
	snprintf(number, sizeof number, "%zu", action->order);
	pdf_set_marker(typesetter, MARKER_DISC, number, STYLE_DISC, PDF_ACTION_INDENT);
	pdf_flow(typesetter, title, typesetter->left + PDF_ACTION_INDENT, typesetter->brand->text);
	g_object_unref(title);
	pdf_gap(typesetter, 2);

	/* Its domain and where it comes from. */
	pdf_append_colored(markup, typesetter->brand->primary, "semibold",
			   framework->domains[action->domain].label);
	if (model->domains[action->domain].assessed)
		snprintf(score, sizeof score, "  \u00b7  current score %.2f", action->domain_score);
	parts[count++] = markup->str;
	if (score[0] != '\0')
		parts[count++] = score;
	if (action->foundation)
		parts[count++] = "  \u00b7  foundation: below the current stage";
	if (action->source == ROADMAP_FROM_ALIGNMENT)
		parts[count++] = "  \u00b7  respondents disagree";
	pdf_parts(typesetter, STYLE_SMALL, parts, count, PDF_ACTION_INDENT, PDF_GAP_PARAGRAPH);
	if (action->source == ROADMAP_FROM_ANSWER) {
		g_string_truncate(markup, 0);
		g_string_append(markup, "<b>Your answer:</b> \u201c");
		pdf_append_text(
			markup,
			framework->questions[action->question].options[action->option - 1].text);
		g_string_append(markup, "\u201d");
		pdf_paragraph(typesetter, STYLE_SMALL, markup->str, PDF_ACTION_INDENT,
			      PDF_GAP_PARAGRAPH);
	}

	/* The insight, then the advice. */
	if (action->lead != NULL) {
		g_string_truncate(markup, 0);
		pdf_append_tagged(markup, "i", action->lead);
		pdf_paragraph(typesetter, STYLE_BODY, markup->str, PDF_ACTION_INDENT,
			      PDF_GAP_TIGHT + 2);
	}
	if (action->markdown != NULL)
		pdf_markdown(typesetter, action->markdown, PDF_ACTION_INDENT);
	else
		pdf_paragraph_text(typesetter, STYLE_BODY, action->text, PDF_ACTION_INDENT,
				   PDF_GAP_PARAGRAPH);
	g_string_free(markup, TRUE);
}

/* The roadmap: time to the next stage, then the actions by phase. */
static void
pdf_roadmap(struct pdf_typesetter *typesetter)
{
	const struct model *model = typesetter->model;
	const struct framework *framework = typesetter->framework;
	const struct roadmap *roadmap = &model->roadmap;
	GString *markup = g_string_new(NULL);

	pdf_section_begin(typesetter, PDF_ROADMAP);

	/* Time to the next stage. */
	if (model->has_next_stage && roadmap->months_estimate > 0) {
		g_string_append(markup, "Teams typically take ");
		pdf_append_format(markup, "<b>%d to %d months</b> to move from ",
				  roadmap->months_low, roadmap->months_high);
		pdf_append_text(markup, framework->stages[model->stage].label);
		g_string_append(markup, " to ");
		pdf_append_text(markup, framework->stages[model->next_stage].label);
		pdf_append_format(markup, ". For this team the estimate is <b>about %d months</b>.",
				  roadmap->months_estimate);
	} else {
		pdf_append_text(markup, framework->stages[model->stage].label);
		g_string_append(markup,
				" is the highest stage: the work now is to sustain it and to keep "
				"every domain at its level.");
	}
	g_string_append(markup, " The actions below are in the order to take them, "
				"spread over the phases of the plan.");
	pdf_paragraph(typesetter, STYLE_LEAD, markup->str, 0, PDF_GAP_BLOCK);

	for (size_t phase = 0; phase < framework->phase_count; phase++) {
		int any = 0;

		for (size_t index = 0; index < roadmap->action_count; index++)
			any |= roadmap->actions[index].phase == phase;
		if (!any)
			continue;
		pdf_heading(typesetter, STYLE_H2, framework->phases[phase].label);
		for (size_t index = 0; index < roadmap->action_count; index++)
			if (roadmap->actions[index].phase == phase)
				pdf_action(typesetter, &roadmap->actions[index]);
	}
	g_string_free(markup, TRUE);
}

/* One appendix question: the text, the answer, each respondent's score
 * and comment. */
static void
pdf_appendix_question(struct pdf_typesetter *typesetter, const struct model_answer *row,
		      size_t number)
{
	const struct framework *framework = typesetter->framework;
	const struct answers *answers = typesetter->model->answers;
	const struct framework_question *question = &framework->questions[row->question];
	GString *markup = g_string_new(NULL);
	PangoLayout *layout;
	char marker[32];

	/* The question, numbered in its domain, kept with its answer. */
	snprintf(marker, sizeof marker, "%zu.", number);
	pdf_append_tagged(markup, "b", question->text);
	layout = pdf_layout(typesetter, STYLE_BODY, markup->str,
			    pdf_text_width(typesetter) - PDF_LIST_INDENT, 0, 0);
	pdf_gap(typesetter, PDF_GAP_BLOCK);
	pdf_need(typesetter, pdf_height(layout) + PDF_KEEP);
	pdf_set_marker(typesetter, MARKER_TEXT, marker, STYLE_BODY, PDF_LIST_INDENT);
	pdf_flow(typesetter, layout, typesetter->left + PDF_LIST_INDENT, typesetter->brand->text);
	pdf_gap(typesetter, PDF_GAP_TIGHT);
	g_object_unref(layout);

	/* The answer nearest the mean: the same words for every team that
	 * gave it, so laid out once. */
	g_string_truncate(markup, 0);
	if (row->answered) {
		pdf_append_format(markup, "<b>Answer, level %d:</b> ", row->option);
		pdf_append_text(markup, question->options[row->option - 1].text);
	} else {
		g_string_append(markup, "<b>Not answered.</b>");
	}
	pdf_paragraph(typesetter, STYLE_BODY, markup->str, PDF_LIST_INDENT, PDF_GAP_TIGHT);

	/* Several respondents: the mean, then each one's level. */
	if (answers->respondent_count > 1) {
		size_t count = answers->respondent_count + 1;
		char **parts = xcalloc(count, sizeof *parts);

		parts[0] = row->answered ? xasprintf("Mean %.2f", row->value) : xstrdup("No mean");
		for (size_t index = 0; index < answers->respondent_count; index++) {
			g_string_truncate(markup, 0);
			g_string_append(markup, "  \u00b7  ");
			pdf_append_text(markup, answers->respondents[index].id);
			if (row->respondents[index].score > 0)
				pdf_append_format(markup, " <b>%d</b>",
						  row->respondents[index].score);
			else
				g_string_append(markup, " <i>skipped</i>");
			parts[index + 1] = xstrdup(markup->str);
		}
		pdf_parts(typesetter, STYLE_SMALL, (const char *const *)parts, count,
			  PDF_LIST_INDENT, PDF_GAP_TIGHT);
		for (size_t index = 0; index < count; index++)
			free(parts[index]);
		free(parts);
	}

	/* Comments, attributed. */
	for (size_t index = 0; index < answers->respondent_count; index++) {
		if (row->respondents[index].comment == NULL)
			continue;
		g_string_truncate(markup, 0);
		g_string_append(markup, "<i>\u201c");
		pdf_append_text(markup, row->respondents[index].comment);
		g_string_append(markup, "\u201d</i>  \u2014 ");
		pdf_append_text(markup, answers->respondents[index].id);
		pdf_paragraph(typesetter, STYLE_SMALL, markup->str, PDF_LIST_INDENT + 10,
			      PDF_GAP_TIGHT);
	}
	g_string_free(markup, TRUE);
}

/* Appendix: respondents, every answer, the scoring method, the pack. */
static void
pdf_appendix(struct pdf_typesetter *typesetter)
{
	const struct model *model = typesetter->model;
	const struct framework *framework = typesetter->framework;
	const struct answers *answers = model->answers;
	GString *markup = g_string_new(NULL);

	pdf_section_begin(typesetter, PDF_APPENDIX);

	/* Who answered. */
	pdf_heading(typesetter, STYLE_H2, "Respondents");
	for (size_t index = 0; index < answers->respondent_count; index++) {
		g_string_truncate(markup, 0);
		pdf_append_tagged(markup, "b", answers->respondents[index].id);
		if (answers->respondents[index].role != NULL) {
			g_string_append(markup, ", ");
			pdf_append_text(markup, answers->respondents[index].role);
		}
		pdf_bullet(typesetter, markup->str, 0, PDF_GAP_TIGHT + 2);
	}

	/* Every question, by domain. */
	pdf_heading(typesetter, STYLE_H2, "Answers");
	for (size_t domain = 0; domain < framework->domain_count; domain++) {
		const struct framework_domain *definition = &framework->domains[domain];

		pdf_heading(typesetter, STYLE_H3, definition->label);
		for (size_t offset = 0; offset < definition->question_count; offset++)
			pdf_appendix_question(
				typesetter,
				&model->answer_rows[definition->first_question + offset],
				offset + 1);
	}

	/* How the scores are computed. */
	pdf_heading(typesetter, STYLE_H2, "Scoring method");
	g_string_truncate(markup, 0);
	g_string_append(markup,
			"Each question's value is the mean of the levels its respondents chose, "
			"from 1 to 4. A domain's score is the mean of its answered questions, "
			"rounded to 0.01; a domain nobody answered is not assessed. The overall "
			"score is the mean of the assessed domains, weighted by each domain's "
			"weight in the content pack, and it places the team at the highest stage "
			"whose threshold it reaches: ");
	for (size_t stage = 0; stage < framework->stage_count; stage++) {
		if (stage > 0)
			g_string_append(markup,
					stage + 1 == framework->stage_count ? " and " : ", ");
		pdf_append_text(markup, framework->stages[stage].label);
		pdf_append_format(markup, " from %.2f", framework->stages[stage].minimum);
	}
	g_string_append(markup, ". The score out of 10 is the overall score multiplied by 2.5, "
				"rounded to 0.1.");
	pdf_paragraph(typesetter, STYLE_BODY, markup->str, 0, PDF_GAP_PARAGRAPH);

	/* Which content. */
	pdf_heading(typesetter, STYLE_H2, "Content pack");
	g_string_truncate(markup, 0);
	g_string_append(markup, "Content pack ");
	pdf_append_tagged(markup, "b", framework->id);
	g_string_append(markup, " version ");
	pdf_append_tagged(markup, "b", framework->version);
	g_string_append(markup, " (");
	pdf_append_text(markup, framework->title);
	g_string_append(markup, "). Report generated on ");
	pdf_append_text(markup, model->generated);
	g_string_append(markup, " by maturity " MATURITY_VERSION ".");
	pdf_paragraph(typesetter, STYLE_BODY, markup->str, 0, PDF_GAP_PARAGRAPH);
	g_string_free(markup, TRUE);
}

/* The whole document, from the cover; in the first pass only measured. */
static void
pdf_document(struct pdf_typesetter *typesetter)
{
	typesetter->page = 1;
	typesetter->y = typesetter->top;
	typesetter->gap = 0;
	typesetter->heading_count = 0;
	typesetter->marker.kind = MARKER_NONE;
	/* One structure element around everything: cairo 1.16 writes the
	 * structure tree its link annotations refer to only in a tagged
	 * document, and the file is damaged without it. */
	if (!typesetter->measure)
		cairo_tag_begin(typesetter->cairo, "Document", "");
	pdf_cover(typesetter);
	pdf_contents(typesetter);
	pdf_summary(typesetter);
	if (typesetter->model->strength_count > 0)
		pdf_strengths(typesetter);
	pdf_profile(typesetter);
	pdf_domains(typesetter);
	pdf_stage(typesetter);
	pdf_roadmap(typesetter);
	pdf_appendix(typesetter);
	if (!typesetter->measure) {
		cairo_tag_end(typesetter->cairo, "Document");
		cairo_show_page(typesetter->cairo);
	}
}

/* Setup --------------------------------------------------------------------- */

static cairo_status_t
pdf_write(void *closure, const unsigned char *data, unsigned int length)
{
	FILE *stream = closure;

	return fwrite(data, 1, length, stream) == length ? CAIRO_STATUS_SUCCESS
							 : CAIRO_STATUS_WRITE_ERROR;
}

/* decoded resampled so that, at the largest size a report prints it
 * (the cover's), it has no more than PDF_LOGO_DPI pixels an inch: a
 * 2,000-pixel logo would otherwise be compressed into every report at
 * full size.  Returns a new reference, decoded's own when it is small
 * enough; check its status. */
static cairo_surface_t *
pdf_logo_resample(cairo_surface_t *decoded, double page_width)
{
	int width = cairo_image_surface_get_width(decoded);
	int height = cairo_image_surface_get_height(decoded);
	double max_width = (page_width - 2 * PDF_MARGIN_SIDE) * PDF_COVER_LOGO_SHARE *
			   PDF_LOGO_DPI / 72.0;
	double max_height = PDF_COVER_LOGO_HEIGHT * PDF_LOGO_DPI / 72.0;
	double scale = 1.0;
	int new_width, new_height;
	cairo_surface_t *resampled;
	cairo_t *cairo;

	if (width > 0 && width > max_width)
		scale = max_width / width;
	if (height > 0 && height * scale > max_height)
		scale = max_height / height;
	if (scale >= 1.0)
		return cairo_surface_reference(decoded);
	new_width = (int)ceil(width * scale);
	new_height = (int)ceil(height * scale);
	resampled = cairo_image_surface_create(cairo_image_surface_get_format(decoded), new_width,
					       new_height);
	cairo = cairo_create(resampled);
	cairo_scale(cairo, (double)new_width / width, (double)new_height / height);
	cairo_set_source_surface(cairo, decoded, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cairo), CAIRO_FILTER_GOOD);
	cairo_set_operator(cairo, CAIRO_OPERATOR_SOURCE);
	cairo_paint(cairo);
	if (cairo_status(cairo) != CAIRO_STATUS_SUCCESS &&
	    cairo_surface_status(resampled) == CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(resampled);
		resampled = cairo_image_surface_create(CAIRO_FORMAT_INVALID, 0, 0);
	}
	cairo_destroy(cairo);
	return resampled;
}

/* The brand's logo as a new image surface in *logo, over the pixels of
 * the cache's copy, decoded and resampled once from the same PNG bytes
 * for the same page width.  The surface is the report's (it dies with it,
 * and with it whatever cairo hangs on it); the pixels stay the cache's.
 * Returns cairo's status; on error *logo is NULL and the cache keeps what
 * it had. */
static cairo_status_t
pdf_cache_logo(struct pdf_cache *cache, const struct brand *brand, cairo_surface_t **logo)
{
	cairo_status_t status;

	*logo = NULL;
	if (cache->logo == NULL || cache->logo_png_size != brand->logo_png_size ||
	    cache->logo_page_width != brand->page_width ||
	    memcmp(cache->logo_png, brand->logo_png, brand->logo_png_size) != 0) {
		cairo_surface_t *decoded = brand_logo_decode(brand);
		cairo_surface_t *resampled;

		status = cairo_surface_status(decoded);
		if (status != CAIRO_STATUS_SUCCESS) {
			cairo_surface_destroy(decoded);
			return status;
		}
		resampled = pdf_logo_resample(decoded, brand->page_width);
		cairo_surface_destroy(decoded);
		status = cairo_surface_status(resampled);
		if (status != CAIRO_STATUS_SUCCESS) {
			cairo_surface_destroy(resampled);
			return status;
		}
		cairo_surface_flush(resampled);
		if (cache->logo != NULL)
			cairo_surface_destroy(cache->logo);
		free(cache->logo_png);
		cache->logo = resampled;
		cache->logo_png = xmalloc(brand->logo_png_size ? brand->logo_png_size : 1);
		memcpy(cache->logo_png, brand->logo_png, brand->logo_png_size);
		cache->logo_png_size = brand->logo_png_size;
		cache->logo_page_width = brand->page_width;
	}
	*logo = cairo_image_surface_create_for_data(cairo_image_surface_get_data(cache->logo),
						    cairo_image_surface_get_format(cache->logo),
						    cairo_image_surface_get_width(cache->logo),
						    cairo_image_surface_get_height(cache->logo),
						    cairo_image_surface_get_stride(cache->logo));
	status = cairo_surface_status(*logo);
	if (status != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(*logo);
		*logo = NULL;
	}
	return status;
}

/* Fonts, pango context, colours and logo for one report.  Returns 0, or
 * -1 after reporting. */
static int
pdf_typesetter_init(struct pdf_typesetter *typesetter)
{
	const struct brand *brand = typesetter->brand;
	struct brand_color white = pdf_white();
	int number = 0;

	typesetter->pango = typesetter->cache->pango;
	typesetter->body_font = pango_font_description_new();
	pango_font_description_set_family(typesetter->body_font, brand->body_font);
	typesetter->heading_font = pango_font_description_new();
	pango_font_description_set_family(typesetter->heading_font, brand->heading_font);

	/* The page and its text block. */
	typesetter->page_width = brand->page_width;
	typesetter->page_height = brand->page_height;
	typesetter->left = PDF_MARGIN_SIDE;
	typesetter->right = brand->page_width - PDF_MARGIN_SIDE;
	typesetter->top = PDF_MARGIN_TOP;
	typesetter->bottom = brand->page_height - PDF_MARGIN_BOTTOM;
	typesetter->muted = pdf_mix(brand->text, white, 0.38);
	typesetter->rule = pdf_mix(brand->text, white, 0.82);
	typesetter->track = pdf_mix(brand->text, white, 0.94);

	/* Which sections this report has, and their numbers. */
	for (int section = 0; section < PDF_SECTION_COUNT; section++)
		if (section != PDF_STRENGTHS || typesetter->model->strength_count > 0)
			typesetter->section_numbers[section] = ++number;

	/* The logo, decoded once per process for every page of every report. */
	if (brand->logo_png != NULL) {
		cairo_status_t status = pdf_cache_logo(typesetter->cache, brand, &typesetter->logo);

		if (status != CAIRO_STATUS_SUCCESS) {
			pdf_fail(typesetter, "cannot read the logo of %s: %s", brand->path,
				 cairo_status_to_string(status));
			return -1;
		}
	}
	return 0;
}

static void
pdf_typesetter_free(struct pdf_typesetter *typesetter)
{
	if (typesetter->logo != NULL)
		cairo_surface_destroy(typesetter->logo);
	if (typesetter->header != NULL)
		cairo_surface_destroy(typesetter->header);
	if (typesetter->body_font != NULL)
		pango_font_description_free(typesetter->body_font);
	if (typesetter->heading_font != NULL)
		pango_font_description_free(typesetter->heading_font);
}

static void
pdf_cache_entry_free(void *data)
{
	struct pdf_cache_entry *entry = data;

	g_object_unref(entry->layout);
	free(entry->key);
	free(entry);
}

struct pdf_cache *
pdf_cache_new(void)
{
	struct pdf_cache *cache = xcalloc(1, sizeof *cache);

	cache->layouts = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, pdf_cache_entry_free);
	g_queue_init(&cache->recent);
	cache->chart = chart_cache_new();
	return cache;
}

void
pdf_cache_free(struct pdf_cache *cache)
{
	if (cache == NULL)
		return;
	g_hash_table_destroy(cache->layouts);
	if (cache->pango != NULL)
		g_object_unref(cache->pango);
	free(cache->fonts);
	chart_cache_free(cache->chart);
	if (cache->logo != NULL)
		cairo_surface_destroy(cache->logo);
	free(cache->logo_png);
	free(cache);
}

/* Readies cache for a report of brand: makes the Pango context on first
 * use (a font map starts threads, so not before the process has forked),
 * and empties the layouts when they were made in other fonts. */
static void
pdf_cache_prepare(struct pdf_cache *cache, const struct brand *brand)
{
	char *fonts = xasprintf("%s|%s", brand->body_font, brand->heading_font);

	/* Text: points as user units, outlines unhinted, as print wants. */
	if (cache->pango == NULL) {
		cairo_font_options_t *options = cairo_font_options_create();

		cache->pango =
			pango_font_map_create_context(pango_cairo_font_map_get_default());
		pango_cairo_context_set_resolution(cache->pango, 72.0);
		/* Glyphs where the font puts them: Pango otherwise rounds each
		 * position to a whole unit, a whole point here, which spaces
		 * letters unevenly and makes cairo correct nearly every glyph's
		 * position in the PDF's text operators. */
		pango_context_set_round_glyph_positions(cache->pango, FALSE);
		cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
		cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
		pango_cairo_context_set_font_options(cache->pango, options);
		cairo_font_options_destroy(options);
	}
	if (cache->fonts != NULL && strcmp(cache->fonts, fonts) == 0) {
		free(fonts);
		return;
	}
	g_hash_table_remove_all(cache->layouts);
	g_queue_init(&cache->recent);
	free(cache->fonts);
	cache->fonts = fonts;
}

/* The document's metadata; the dates are the report date, so the same
 * inputs give the same bytes. */
static void
pdf_metadata(cairo_surface_t *surface, const struct model *model, const struct brand *brand)
{
	char *title = xasprintf("%s: %s", brand->report_title, model->answers->name);
	char *subject = xasprintf("%s assessment of %s, %s", model->framework->title,
				  model->answers->name, model->answers->date);
	char *date = xasprintf("%sT00:00:00Z", model->generated);

	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, brand->organization);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
				       "maturity " MATURITY_VERSION);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date);
	free(title);
	free(subject);
	free(date);
}

int
pdf_render(const struct outfile_folder *folder, const char *name, const struct model *model,
	   const struct brand *brand, struct pdf_cache *cache, struct diag *diag)
{
	struct pdf_typesetter typesetter = { 0 };
	struct outfile file;
	cairo_status_t status;
	int page_count;

	if (outfile_open(&file, folder, name, diag) != 0)
		return -1;
	pdf_cache_prepare(cache, brand);
	typesetter.cache = cache;
	typesetter.model = model;
	typesetter.framework = model->framework;
	typesetter.brand = brand;
	typesetter.diag = diag;
	typesetter.path = file.path;
	typesetter.surface = cairo_pdf_surface_create_for_stream(
		pdf_write, file.stream, brand->page_width, brand->page_height);
	typesetter.cairo = cairo_create(typesetter.surface);
	pdf_metadata(typesetter.surface, model, brand);

	/* Two passes of the same layout: measure, then draw. */
	if (pdf_typesetter_init(&typesetter) == 0) {
		typesetter.measure = 1;
		pdf_document(&typesetter);
		page_count = typesetter.page;
		typesetter.page_count = page_count;
		typesetter.measure = 0;
		pdf_document(&typesetter);
		if (typesetter.page != page_count)
			pdf_fail(&typesetter, "the layout changed between passes (%d and %d pages)",
				 page_count, typesetter.page);
	}

	/* Finish the PDF and check what cairo reports. */
	status = cairo_status(typesetter.cairo);
	pdf_typesetter_free(&typesetter);
	cairo_destroy(typesetter.cairo);
	cairo_surface_finish(typesetter.surface);
	if (status == CAIRO_STATUS_SUCCESS)
		status = cairo_surface_status(typesetter.surface);
	cairo_surface_destroy(typesetter.surface);
	if (status != CAIRO_STATUS_SUCCESS)
		pdf_fail(&typesetter, "cannot write the PDF: %s", cairo_status_to_string(status));
	if (typesetter.failed) {
		outfile_abort(&file);
		return -1;
	}
	return outfile_commit(&file, diag);
}
