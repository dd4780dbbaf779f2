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
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef MATURITY_VERSION
#define MATURITY_VERSION "0.0.0"
#endif

/* Geometry, in points. */
#define PDF_MARGIN_SIDE 66.0      /* left and right edges of the text block */
#define PDF_MARGIN_TOP 86.0       /* the text block starts below the running header */
#define PDF_MARGIN_BOTTOM 84.0    /* and ends above the running footer */
#define PDF_HEADER_TOP 30.0       /* top of the running header's logo */
#define PDF_HEADER_RULE 56.0      /* the rule under the running header */
#define PDF_FOOTER_RULE 62.0      /* the rule over the footer, from the page's bottom */
#define PDF_LIST_INDENT 18.0      /* hanging indent of a list item */
#define PDF_MARKER_GAP 6.0        /* between a list marker and its text */
#define PDF_ACTION_INDENT 32.0    /* hanging indent of a roadmap action */
#define PDF_KEEP 52.0             /* room a heading needs below it on its page */
#define PDF_SCORE_COLUMN 80.0     /* width of the score at the end of a row */
#define PDF_BAR_HEIGHT 6.0
#define PDF_RULE_WIDTH 0.5

/* Vertical rhythm: space before a block; adjacent gaps collapse to the
 * larger one and vanish at the top of a page. */
#define PDF_GAP_TIGHT 3.0
#define PDF_GAP_PARAGRAPH 8.0
#define PDF_GAP_BLOCK 14.0
#define PDF_GAP_HEADING 22.0
#define PDF_GAP_SECTION 30.0

enum pdf_ink { INK_TEXT, INK_MUTED, INK_PRIMARY, INK_ACCENT, INK_WHITE };

struct pdf_style {
	int heading;              /* 1: the brand's heading font, 0: its body font */
	double size;              /* points */
	double leading;           /* baseline to baseline, points */
	PangoWeight weight;
	int italic;
	enum pdf_ink ink;
	double tracking;          /* extra space between letters, points */
	int uppercase;
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
	STYLE_COVER_NAME,
	STYLE_COVER_SUBTITLE,
	STYLE_COVER_SCORE,
	STYLE_DISC,
};

static const struct pdf_style pdf_styles[] = {
	[STYLE_BODY] = { 0, 10.0, 15.0, PANGO_WEIGHT_NORMAL, 0, INK_TEXT, 0, 0 },
	[STYLE_LEAD] = { 0, 12.5, 19.0, PANGO_WEIGHT_NORMAL, 0, INK_TEXT, 0, 0 },
	[STYLE_SMALL] = { 0, 8.5, 12.5, PANGO_WEIGHT_NORMAL, 0, INK_MUTED, 0, 0 },
	[STYLE_EYEBROW] = { 0, 7.5, 11.0, PANGO_WEIGHT_SEMIBOLD, 0, INK_ACCENT, 1.2, 1 },
	[STYLE_H1] = { 1, 22.0, 28.0, PANGO_WEIGHT_BOLD, 0, INK_PRIMARY, 0, 0 },
	[STYLE_H2] = { 1, 14.0, 19.0, PANGO_WEIGHT_SEMIBOLD, 0, INK_PRIMARY, 0, 0 },
	[STYLE_H3] = { 1, 11.0, 15.0, PANGO_WEIGHT_BOLD, 0, INK_TEXT, 0, 0 },
	[STYLE_ROW] = { 1, 11.0, 15.0, PANGO_WEIGHT_SEMIBOLD, 0, INK_TEXT, 0, 0 },
	[STYLE_TOC] = { 1, 12.0, 17.0, PANGO_WEIGHT_NORMAL, 0, INK_TEXT, 0, 0 },
	[STYLE_HEADER] = { 0, 8.0, 10.0, PANGO_WEIGHT_NORMAL, 0, INK_MUTED, 0, 0 },
	[STYLE_BADGE] = { 1, 11.0, 14.0, PANGO_WEIGHT_BOLD, 0, INK_WHITE, 0.3, 0 },
	[STYLE_STAT] = { 1, 18.0, 23.0, PANGO_WEIGHT_BOLD, 0, INK_TEXT, 0, 0 },
	[STYLE_COVER_NAME] = { 1, 26.0, 32.0, PANGO_WEIGHT_BOLD, 0, INK_TEXT, 0, 0 },
	[STYLE_COVER_SUBTITLE] = { 0, 14.0, 19.0, PANGO_WEIGHT_NORMAL, 0, INK_MUTED, 0, 0 },
	[STYLE_COVER_SCORE] = { 1, 40.0, 44.0, PANGO_WEIGHT_BOLD, 0, INK_PRIMARY, 0, 0 },
	[STYLE_DISC] = { 1, 9.0, 11.0, PANGO_WEIGHT_BOLD, 0, INK_WHITE, 0, 0 },
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
	const char *dest;         /* the named destination of its heading */
	const char *title;
	int new_page;             /* 1: starts on a page of its own */
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
	char markup[48];          /* MARKER_TEXT: pango markup; MARKER_DISC: the number */
	double x;                 /* left edge of the text it marks, points */
	enum pdf_style_name style;
};

/* The state the section functions share: where the next block goes, on
 * which page, and whether this pass draws or only measures. */
struct pdf_typesetter {
	cairo_t *cairo;
	cairo_surface_t *surface;
	PangoContext *pango;
	PangoFontDescription *body_font;
	PangoFontDescription *heading_font;
	cairo_surface_t *logo;           /* the brand's logo, NULL when none */
	const struct model *model;
	const struct framework *framework;
	const struct brand *brand;
	struct diag *diag;
	const char *path;
	int measure;                     /* 1: the first pass, which places but never draws */
	int failed;                      /* a problem has been reported */
	double page_width, page_height;  /* points */
	double left, right;              /* the text block's edges, points from the left */
	double top, bottom;              /* and from the top */
	double y;                        /* where the next block starts, points from the top */
	double gap;                      /* pending space before the next block, points */
	int page;                        /* the current page, 1-based */
	int page_count;                  /* the first pass's total; 0 during it */
	int section_number;              /* of the last section begun */
	int section_numbers[PDF_SECTION_COUNT]; /* 0 when the report leaves it out */
	int section_pages[PDF_SECTION_COUNT];   /* from the first pass */
	int outline_section;             /* outline id of the current section */
	int heading_count;               /* names the destinations of subheadings */
	struct pdf_marker marker;
	struct brand_color muted;        /* secondary text */
	struct brand_color rule;         /* hairlines */
	struct brand_color track;        /* empty bars and panels */
};

/* Reading the logo from memory for cairo. */
struct pdf_png_reader {
	const unsigned char *bytes;
	size_t size;
	size_t offset;
};

static void pdf_fail(struct pdf_typesetter *ts, const char *format, ...)
	__attribute__((format(printf, 2, 3)));

/* Reports the first problem of this report; later ones follow from it. */
static void
pdf_fail(struct pdf_typesetter *ts, const char *format, ...)
{
	char message[512];
	va_list arguments;

	if (ts->failed)
		return;
	ts->failed = 1;
	va_start(arguments, format);
	vsnprintf(message, sizeof message, format, arguments);
	va_end(arguments);
	diag_error(ts->diag, ts->path, 0, "%s", message);
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
pdf_text_on(const struct pdf_typesetter *ts, struct brand_color color)
{
	return pdf_is_dark(color) ? pdf_white() : ts->brand->text;
}

static struct brand_color
pdf_ink_color(const struct pdf_typesetter *ts, enum pdf_ink ink)
{
	switch (ink) {
	case INK_MUTED: return ts->muted;
	case INK_PRIMARY: return ts->brand->primary;
	case INK_ACCENT: return ts->brand->accent;
	case INK_WHITE: return pdf_white();
	case INK_TEXT: break;
	}
	return ts->brand->text;
}

static struct brand_color
pdf_stage_color(const struct pdf_typesetter *ts, size_t stage)
{
	return brand_stage_color(ts->brand, stage, ts->framework->stage_count);
}

static void
pdf_set_color(struct pdf_typesetter *ts, struct brand_color color)
{
	cairo_set_source_rgb(ts->cairo, color.red, color.green, color.blue);
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
pdf_append_colored(GString *markup, struct brand_color color, const char *weight,
		   const char *text)
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

/* A layout of markup in style, wrapped to width points (no wrapping when
 * width <= 0).  The caller unrefs it.  Markup that does not parse is a
 * bug; it is reported and the layout is left empty. */
static PangoLayout *
pdf_layout(struct pdf_typesetter *ts, enum pdf_style_name name, const char *markup,
	   double width)
{
	const struct pdf_style *style = &pdf_styles[name];
	PangoLayout *layout = pango_layout_new(ts->pango);
	PangoFontDescription *font =
		pango_font_description_copy(style->heading ? ts->heading_font : ts->body_font);
	PangoAttrList *attributes = NULL;
	GError *error = NULL;
	char *text = NULL;

	pango_font_description_set_absolute_size(font, style->size * PANGO_SCALE);
	pango_font_description_set_weight(font, style->weight);
	pango_font_description_set_style(font, style->italic ? PANGO_STYLE_ITALIC
							     : PANGO_STYLE_NORMAL);
	pango_layout_set_font_description(layout, font);
	pango_font_description_free(font);
	if (width > 0) {
		pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	}
	if (!pango_parse_markup(markup, -1, 0, &attributes, &text, NULL, &error)) {
		pdf_fail(ts, "cannot typeset text: %s", error->message);
		g_error_free(error);
		return layout;
	}
	pango_attr_list_insert(attributes,
			       pango_attr_line_height_new_absolute((int)(style->leading * PANGO_SCALE)));
	if (style->tracking > 0)
		pango_attr_list_insert(attributes,
				       pango_attr_letter_spacing_new((int)(style->tracking * PANGO_SCALE)));
	if (style->uppercase)
		pango_attr_list_insert(attributes,
				       pango_attr_text_transform_new(PANGO_TEXT_TRANSFORM_UPPERCASE));
	pango_layout_set_text(layout, text, -1);
	pango_layout_set_attributes(layout, attributes);
	pango_attr_list_unref(attributes);
	g_free(text);
	return layout;
}

/* A layout of plain text (escaped here). */
static PangoLayout *
pdf_layout_text(struct pdf_typesetter *ts, enum pdf_style_name name, const char *text,
		double width)
{
	char *escaped = g_markup_escape_text(text, -1);
	PangoLayout *layout = pdf_layout(ts, name, escaped, width);

	g_free(escaped);
	return layout;
}

/* Cuts layout to at most lines lines, ending in an ellipsis. */
static void
pdf_limit_lines(PangoLayout *layout, int lines)
{
	pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
	pango_layout_set_height(layout, -lines);
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
pdf_show(struct pdf_typesetter *ts, PangoLayout *layout, double x, double y,
	 struct brand_color color)
{
	if (ts->measure)
		return;
	pdf_set_color(ts, color);
	cairo_move_to(ts->cairo, x, y);
	pango_cairo_show_layout(ts->cairo, layout);
}

/* Shows layout in its style's ink; returns its height. */
static double
pdf_show_styled(struct pdf_typesetter *ts, PangoLayout *layout, enum pdf_style_name style,
		double x, double y)
{
	pdf_show(ts, layout, x, y, pdf_ink_color(ts, pdf_styles[style].ink));
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
pdf_fill_rounded(struct pdf_typesetter *ts, double x, double y, double width, double height,
		 double radius, struct brand_color color)
{
	if (ts->measure || width <= 0)
		return;
	pdf_rounded_rectangle(ts->cairo, x, y, width, height, radius);
	pdf_set_color(ts, color);
	cairo_fill(ts->cairo);
}

static void
pdf_hairline(struct pdf_typesetter *ts, double x1, double x2, double y, struct brand_color color,
	     double thickness)
{
	if (ts->measure)
		return;
	pdf_set_color(ts, color);
	cairo_set_line_width(ts->cairo, thickness);
	cairo_move_to(ts->cairo, x1, y);
	cairo_line_to(ts->cairo, x2, y);
	cairo_stroke(ts->cairo);
}

/* A horizontal bar: the track, filled to fraction (0.0-1.0) in color. */
static void
pdf_bar(struct pdf_typesetter *ts, double x, double y, double width, double fraction,
	struct brand_color color)
{
	pdf_fill_rounded(ts, x, y, width, PDF_BAR_HEIGHT, PDF_BAR_HEIGHT / 2, ts->track);
	if (fraction > 0)
		pdf_fill_rounded(ts, x, y, width * fraction, PDF_BAR_HEIGHT, PDF_BAR_HEIGHT / 2,
				 color);
}

/* A pill with label on color, its top-left at (x, y); returns its width
 * and stores its height. */
static double
pdf_badge(struct pdf_typesetter *ts, const char *label, struct brand_color color,
	  enum pdf_style_name style, double x, double y, double max_width, double *height)
{
	double padding = pdf_styles[style].size * 0.75;
	PangoLayout *layout = pdf_layout_text(ts, style, label, max_width - 2 * padding);
	double width, text_height;

	pdf_limit_lines(layout, 2);
	width = pdf_width(layout) + 2 * padding;
	text_height = pdf_height(layout);
	*height = text_height + padding * 0.9;
	pdf_fill_rounded(ts, x, y, width, *height, *height / 2 < 9 ? *height / 2 : 9, color);
	pdf_show(ts, layout, x + padding, y + padding * 0.45, pdf_text_on(ts, color));
	g_object_unref(layout);
	return width;
}

static void
pdf_draw_logo(struct pdf_typesetter *ts, double x, double y, double max_width,
	      double max_height)
{
	double width, height, scale;

	if (ts->measure || ts->logo == NULL)
		return;
	width = cairo_image_surface_get_width(ts->logo);
	height = cairo_image_surface_get_height(ts->logo);
	if (width <= 0 || height <= 0)
		return;
	scale = max_width / width < max_height / height ? max_width / width : max_height / height;
	cairo_save(ts->cairo);
	cairo_translate(ts->cairo, x, y + (max_height - height * scale) / 2);
	cairo_scale(ts->cairo, scale, scale);
	cairo_set_source_surface(ts->cairo, ts->logo, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(ts->cairo), CAIRO_FILTER_GOOD);
	cairo_paint(ts->cairo);
	cairo_restore(ts->cairo);
}

/* Width the running header gives the logo: its aspect at height points,
 * at most a third of the text block; 0 when there is no logo. */
static double
pdf_logo_width(const struct pdf_typesetter *ts, double height)
{
	double width;

	if (ts->logo == NULL || cairo_image_surface_get_height(ts->logo) <= 0)
		return 0;
	width = height * cairo_image_surface_get_width(ts->logo) /
		cairo_image_surface_get_height(ts->logo);
	if (width > (ts->right - ts->left) / 3)
		width = (ts->right - ts->left) / 3;
	return width;
}

/* Pages --------------------------------------------------------------------- */

/* The running header and footer of the current page. */
static void
pdf_page_decorate(struct pdf_typesetter *ts)
{
	double width = ts->right - ts->left;
	double logo_width = pdf_logo_width(ts, 16);
	double title_x = ts->left + (logo_width > 0 ? logo_width + 10 : 0);
	double footer_top = ts->page_height - PDF_FOOTER_RULE + 8;
	PangoLayout *layout;
	char page[64];

	if (ts->measure)
		return;

	/* Header: the logo and the report title, the team on the right. */
	pdf_draw_logo(ts, ts->left, PDF_HEADER_TOP, logo_width, 16);
	layout = pdf_layout_text(ts, STYLE_HEADER, ts->brand->report_title, width * 0.5);
	pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
	pango_layout_set_single_paragraph_mode(layout, TRUE);
	pdf_show_styled(ts, layout, STYLE_HEADER, title_x, PDF_HEADER_TOP + 8 - pdf_height(layout) / 2);
	g_object_unref(layout);
	layout = pdf_layout_text(ts, STYLE_HEADER, ts->model->answers->name,
				 ts->right - title_x - width * 0.5 - 16);
	pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
	pango_layout_set_single_paragraph_mode(layout, TRUE);
	pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
	pango_layout_set_auto_dir(layout, FALSE);
	pdf_show_styled(ts, layout, STYLE_HEADER, ts->right - pdf_points(pango_layout_get_width(layout)),
			PDF_HEADER_TOP + 8 - pdf_height(layout) / 2);
	g_object_unref(layout);
	pdf_hairline(ts, ts->left, ts->right, PDF_HEADER_RULE, ts->rule, PDF_RULE_WIDTH);

	/* Footer: the brand's footer and confidentiality notice, the page. */
	pdf_hairline(ts, ts->left, ts->right, ts->page_height - PDF_FOOTER_RULE, ts->rule,
		     PDF_RULE_WIDTH);
	layout = pdf_layout_text(ts, STYLE_HEADER, ts->brand->footer ? ts->brand->footer : "",
				 width - 90);
	pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
	pango_layout_set_single_paragraph_mode(layout, TRUE);
	pdf_show_styled(ts, layout, STYLE_HEADER, ts->left, footer_top);
	g_object_unref(layout);
	if (ts->brand->confidentiality != NULL) {
		layout = pdf_layout_text(ts, STYLE_HEADER, ts->brand->confidentiality, width - 90);
		pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
		pango_layout_set_single_paragraph_mode(layout, TRUE);
		pdf_show(ts, layout, ts->left, footer_top + 11, ts->brand->accent);
		g_object_unref(layout);
	}
	snprintf(page, sizeof page, "Page %d of %d", ts->page, ts->page_count);
	layout = pdf_layout_text(ts, STYLE_HEADER, page, 90);
	pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
	pdf_show_styled(ts, layout, STYLE_HEADER, ts->right - 90, footer_top);
	g_object_unref(layout);
}

/* Ends the page and starts the next with its header and footer. */
static void
pdf_page_break(struct pdf_typesetter *ts)
{
	if (!ts->measure)
		cairo_show_page(ts->cairo);
	ts->page++;
	ts->y = ts->top;
	ts->gap = 0;
	pdf_page_decorate(ts);
}

/* Asks for at least amount points before the next block. */
static void
pdf_gap(struct pdf_typesetter *ts, double amount)
{
	if (amount > ts->gap)
		ts->gap = amount;
}

/* Adds the pending gap, unless at the top of a page. */
static void
pdf_apply_gap(struct pdf_typesetter *ts)
{
	if (ts->y > ts->top)
		ts->y += ts->gap;
	ts->gap = 0;
}

/* Makes room for a block of height points that must not break: a new
 * page when it does not fit below y (and something is above it). */
static void
pdf_need(struct pdf_typesetter *ts, double height)
{
	pdf_apply_gap(ts);
	if (ts->y + height > ts->bottom && ts->y > ts->top)
		pdf_page_break(ts);
}

/* Draws the pending marker beside the line whose box is top..bottom. */
static void
pdf_draw_marker(struct pdf_typesetter *ts, double top, double bottom, double baseline)
{
	struct pdf_marker *marker = &ts->marker;
	PangoLayout *layout;

	if (marker->kind == MARKER_TEXT) {
		layout = pdf_layout(ts, marker->style, marker->markup, -1);
		pdf_show_styled(ts, layout, marker->style,
				marker->x - PDF_MARKER_GAP - pdf_width(layout),
				baseline - pdf_baseline(layout));
		g_object_unref(layout);
	} else if (marker->kind == MARKER_DISC) {
		double radius = 10;
		double centre_x = marker->x - PDF_ACTION_INDENT + radius;
		double centre_y = (top + bottom) / 2;

		layout = pdf_layout_text(ts, STYLE_DISC, marker->markup, -1);
		if (!ts->measure) {
			cairo_arc(ts->cairo, centre_x, centre_y, radius, 0, 2 * G_PI);
			pdf_set_color(ts, ts->brand->primary);
			cairo_fill(ts->cairo);
		}
		pdf_show(ts, layout, centre_x - pdf_width(layout) / 2,
			 centre_y - pdf_height(layout) / 2, pdf_text_on(ts, ts->brand->primary));
		g_object_unref(layout);
	}
	marker->kind = MARKER_NONE;
}

/* Places layout's lines at x from y down, breaking pages between lines:
 * a paragraph's first two lines start together and its last line never
 * stands alone at the top of a page. */
static void
pdf_flow(struct pdf_typesetter *ts, PangoLayout *layout, double x, struct brand_color color)
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
	pdf_apply_gap(ts);
	if (ts->y > ts->top && ts->y + bottoms[count >= 2 ? 1 : 0] > ts->bottom)
		breaks[0] = 1;
	origin = breaks[0] ? ts->top - tops[0] : ts->y;
	for (index = 1; index < count; index++) {
		size_t at = index;

		if (origin + bottoms[index] <= ts->bottom)
			continue;
		if (index == count - 1 && count >= 3 && index - 1 > page_first)
			at = index - 1;
		breaks[at] = 1;
		page_first = at;
		origin = ts->top - tops[at];
		index = at;
	}

	/* The lines, each at its baseline. */
	origin = ts->y;
	index = 0;
	iterator = pango_layout_get_iter(layout);
	do {
		if (breaks[index]) {
			pdf_page_break(ts);
			origin = ts->top - tops[index];
		}
		if (!ts->measure) {
			PangoRectangle logical;

			pango_layout_iter_get_line_extents(iterator, NULL, &logical);
			pdf_set_color(ts, color);
			cairo_move_to(ts->cairo, x + pdf_points(logical.x), origin + baselines[index]);
			pango_cairo_show_layout_line(ts->cairo,
						     pango_layout_iter_get_line_readonly(iterator));
		}
		if (index == 0 && ts->marker.kind != MARKER_NONE)
			pdf_draw_marker(ts, origin + tops[0], origin + bottoms[0],
					origin + baselines[0]);
		index++;
	} while (index < count && pango_layout_iter_next_line(iterator));
	pango_layout_iter_free(iterator);
	ts->y = origin + bottoms[count - 1];

	free(tops);
	free(bottoms);
	free(baselines);
	free(breaks);
}

/* A paragraph of markup in style, indent points from the left edge,
 * followed by gap_after points. */
static void
pdf_paragraph(struct pdf_typesetter *ts, enum pdf_style_name style, const char *markup,
	      double indent, double gap_after)
{
	PangoLayout *layout = pdf_layout(ts, style, markup, ts->right - ts->left - indent);

	pdf_flow(ts, layout, ts->left + indent, pdf_ink_color(ts, pdf_styles[style].ink));
	g_object_unref(layout);
	pdf_gap(ts, gap_after);
}

static void
pdf_paragraph_text(struct pdf_typesetter *ts, enum pdf_style_name style, const char *text,
		   double indent, double gap_after)
{
	char *escaped = g_markup_escape_text(text, -1);

	pdf_paragraph(ts, style, escaped, indent, gap_after);
	g_free(escaped);
}

/* Sets the marker of the next line placed: markup in style, left of
 * the text that starts x points from the left edge. */
static void
pdf_set_marker(struct pdf_typesetter *ts, enum pdf_marker_kind kind, const char *markup,
	       enum pdf_style_name style, double indent)
{
	ts->marker.kind = kind;
	snprintf(ts->marker.markup, sizeof ts->marker.markup, "%s", markup);
	ts->marker.style = style;
	ts->marker.x = ts->left + indent;
}

/* A subheading kept with what follows it; a level-2 heading (STYLE_H2)
 * is also a destination with an entry under the section's outline. */
static void
pdf_heading(struct pdf_typesetter *ts, enum pdf_style_name style, const char *text,
	    double indent)
{
	PangoLayout *layout = pdf_layout_text(ts, style, text, ts->right - ts->left - indent);
	char attributes[64];

	pdf_gap(ts, style == STYLE_H2 ? PDF_GAP_SECTION : PDF_GAP_HEADING);
	pdf_need(ts, pdf_height(layout) + PDF_KEEP);
	ts->heading_count++;
	if (!ts->measure && style == STYLE_H2) {
		snprintf(attributes, sizeof attributes, "name='heading-%d'", ts->heading_count);
		cairo_tag_begin(ts->cairo, CAIRO_TAG_DEST, attributes);
	}
	pdf_flow(ts, layout, ts->left + indent, pdf_ink_color(ts, pdf_styles[style].ink));
	if (!ts->measure && style == STYLE_H2) {
		cairo_tag_end(ts->cairo, CAIRO_TAG_DEST);
		snprintf(attributes, sizeof attributes, "dest='heading-%d'", ts->heading_count);
		cairo_pdf_surface_add_outline(ts->surface, ts->outline_section, text, attributes, 0);
	}
	g_object_unref(layout);
	pdf_gap(ts, style == STYLE_H2 ? 8 : 4);
}

/* A list item: markup after a bullet, in the list's hanging indent. */
static void
pdf_bullet(struct pdf_typesetter *ts, const char *markup, double indent, double gap_after)
{
	char bullet[48];

	snprintf(bullet, sizeof bullet, "<span foreground=\"%s\">\u2022</span>",
		 ts->brand->accent.hex);
	pdf_set_marker(ts, MARKER_TEXT, bullet, STYLE_BODY, indent + PDF_LIST_INDENT);
	pdf_paragraph(ts, STYLE_BODY, markup, indent + PDF_LIST_INDENT, gap_after);
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

static void pdf_markdown_blocks(struct pdf_typesetter *ts, cmark_node *parent, double indent,
				int tight);

/* A list's items, each with its bullet or number in the hanging indent. */
static void
pdf_markdown_list(struct pdf_typesetter *ts, cmark_node *list, double indent)
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
				 ts->brand->accent.hex);
		pdf_set_marker(ts, MARKER_TEXT, marker, STYLE_BODY, indent + PDF_LIST_INDENT);
		pdf_gap(ts, tight ? PDF_GAP_TIGHT + 2 : PDF_GAP_PARAGRAPH);
		pdf_markdown_blocks(ts, item, indent + PDF_LIST_INDENT, tight);
		ts->marker.kind = MARKER_NONE;
	}
	pdf_gap(ts, PDF_GAP_PARAGRAPH);
}

/* The blocks under parent, indent points from the left edge. */
static void
pdf_markdown_blocks(struct pdf_typesetter *ts, cmark_node *parent, double indent, int tight)
{
	for (cmark_node *node = cmark_node_first_child(parent); node != NULL;
	     node = cmark_node_next(node)) {
		GString *markup;

		switch (cmark_node_get_type(node)) {
		case CMARK_NODE_PARAGRAPH:
			markup = g_string_new(NULL);
			pdf_markdown_inlines(markup, node);
			pdf_paragraph(ts, STYLE_BODY, markup->str, indent,
				      tight ? PDF_GAP_TIGHT : PDF_GAP_PARAGRAPH);
			g_string_free(markup, TRUE);
			break;
		case CMARK_NODE_HEADING:
			markup = g_string_new(NULL);
			pdf_markdown_inlines(markup, node);
			pdf_gap(ts, PDF_GAP_BLOCK);
			pdf_need(ts, PDF_KEEP);
			pdf_paragraph(ts, STYLE_H3, markup->str, indent, 4);
			g_string_free(markup, TRUE);
			break;
		case CMARK_NODE_LIST:
			pdf_markdown_list(ts, node, indent);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			pdf_markdown_blocks(ts, node, indent + PDF_LIST_INDENT, 0);
			break;
		case CMARK_NODE_CODE_BLOCK:
			pdf_paragraph_text(ts, STYLE_SMALL, cmark_node_get_literal(node), indent,
					   PDF_GAP_PARAGRAPH);
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			pdf_need(ts, 12);
			pdf_hairline(ts, ts->left + indent, ts->right, ts->y + 6, ts->rule,
				     PDF_RULE_WIDTH);
			ts->y += 12;
			pdf_gap(ts, PDF_GAP_PARAGRAPH);
			break;
		default:
			break; /* raw HTML and anything else are not rendered */
		}
	}
}

/* Typesets a Markdown text, indent points from the left edge. */
static void
pdf_markdown(struct pdf_typesetter *ts, const char *markdown, double indent)
{
	cmark_node *document = cmark_parse_document(markdown, strlen(markdown),
						    CMARK_OPT_VALIDATE_UTF8);

	if (document == NULL) {
		pdf_fail(ts, "cannot parse the content pack's Markdown");
		return;
	}
	pdf_markdown_blocks(ts, document, indent, 0);
	cmark_node_free(document);
}

/* Sections ------------------------------------------------------------------ */

/* Starts a numbered section: a new page when it asks for one, the
 * number, the title as a named destination, an outline entry. */
static void
pdf_section_begin(struct pdf_typesetter *ts, enum pdf_section section)
{
	PangoLayout *eyebrow, *title;
	char number[32], attributes[64];

	if (pdf_sections[section].new_page && ts->y > ts->top)
		pdf_page_break(ts);
	ts->section_number++;
	ts->section_numbers[section] = ts->section_number;
	snprintf(number, sizeof number, "Section %d", ts->section_number);
	eyebrow = pdf_layout_text(ts, STYLE_EYEBROW, number, -1);
	title = pdf_layout_text(ts, STYLE_H1, pdf_sections[section].title, ts->right - ts->left);

	pdf_gap(ts, 44);
	pdf_need(ts, pdf_height(eyebrow) + 4 + pdf_height(title) + 16 + PDF_KEEP);
	if (ts->measure)
		ts->section_pages[section] = ts->page;
	ts->y += pdf_show_styled(ts, eyebrow, STYLE_EYEBROW, ts->left, ts->y) + 4;
	if (!ts->measure) {
		snprintf(attributes, sizeof attributes, "name='%s'", pdf_sections[section].dest);
		cairo_tag_begin(ts->cairo, CAIRO_TAG_DEST, attributes);
	}
	pdf_flow(ts, title, ts->left, ts->brand->primary);
	if (!ts->measure) {
		cairo_tag_end(ts->cairo, CAIRO_TAG_DEST);
		snprintf(attributes, sizeof attributes, "dest='%s'", pdf_sections[section].dest);
		ts->outline_section = cairo_pdf_surface_add_outline(
			ts->surface, CAIRO_PDF_OUTLINE_ROOT, pdf_sections[section].title, attributes,
			0);
	}
	ts->y += 8;
	pdf_fill_rounded(ts, ts->left, ts->y, 28, 2.5, 1.25, ts->brand->accent);
	ts->y += 2.5;
	pdf_gap(ts, 18);
	g_object_unref(eyebrow);
	g_object_unref(title);
}

/* One labelled value of the cover or the summary: a small caption over a
 * value, in a column width points wide.  Returns the height. */
static double
pdf_stat(struct pdf_typesetter *ts, const char *caption, const char *value_markup,
	 const char *note, double x, double y, double width)
{
	PangoLayout *layout = pdf_layout_text(ts, STYLE_EYEBROW, caption, width);
	double top = y;

	pdf_limit_lines(layout, 2);
	pdf_show(ts, layout, x, y, ts->muted);
	y += pdf_height(layout) + 4;
	g_object_unref(layout);
	layout = pdf_layout(ts, STYLE_STAT, value_markup, width);
	pdf_limit_lines(layout, 3);
	y += pdf_show_styled(ts, layout, STYLE_STAT, x, y);
	g_object_unref(layout);
	if (note != NULL) {
		layout = pdf_layout_text(ts, STYLE_SMALL, note, width);
		pdf_limit_lines(layout, 3);
		y += pdf_show_styled(ts, layout, STYLE_SMALL, x, y + 2) + 2;
		g_object_unref(layout);
	}
	return y - top;
}

/* The path through the stages as one bar: each stage's band in its
 * colour, a marker at the team's score and the stage names below. */
static double
pdf_stage_gauge(struct pdf_typesetter *ts, double y)
{
	const struct framework *framework = ts->framework;
	double width = ts->right - ts->left;
	double marker_x = ts->left + width * ts->model->overall_fraction;
	double label_height = 0;

	for (size_t stage = 0; stage < framework->stage_count; stage++) {
		double from = (framework->stages[stage].minimum - 1) / 3;
		double to = stage + 1 < framework->stage_count
				    ? (framework->stages[stage + 1].minimum - 1) / 3
				    : 1.0;
		struct brand_color color = pdf_stage_color(ts, stage);
		PangoLayout *label;

		if (!ts->measure) {
			cairo_rectangle(ts->cairo, ts->left + width * from, y, width * (to - from), 8);
			pdf_set_color(ts, stage == ts->model->stage ? color
								     : pdf_mix(color, pdf_white(), 0.6));
			cairo_fill(ts->cairo);
		}
		label = pdf_layout_text(ts, STYLE_SMALL, framework->stages[stage].label,
					width * (to - from) - 4);
		pdf_limit_lines(label, 2);
		pdf_show(ts, label, ts->left + width * from, y + 14,
			 stage == ts->model->stage ? ts->brand->text : ts->muted);
		if (pdf_height(label) > label_height)
			label_height = pdf_height(label);
		g_object_unref(label);
	}
	if (!ts->measure) {
		cairo_move_to(ts->cairo, marker_x, y - 1);
		cairo_line_to(ts->cairo, marker_x - 5, y - 8);
		cairo_line_to(ts->cairo, marker_x + 5, y - 8);
		cairo_close_path(ts->cairo);
		pdf_set_color(ts, ts->brand->text);
		cairo_fill(ts->cairo);
		cairo_rectangle(ts->cairo, marker_x - 1, y - 2, 2, 12);
		cairo_fill(ts->cairo);
	}
	return 14 + label_height;
}

/* Cover: the logo, the team, the stage and the score.  Every block has a
 * bounded number of lines, so the cover is always one page. */
static void
pdf_cover(struct pdf_typesetter *ts)
{
	const struct model *model = ts->model;
	const struct answers *answers = model->answers;
	const struct framework_stage *stage = &ts->framework->stages[model->stage];
	double width = ts->right - ts->left;
	double column = (width - 2 * 24) / 3;
	double y, height, badge_height;
	PangoLayout *layout;
	GString *markup;
	char text[128];

	/* The brand: a band of its colour, the logo, its name. */
	pdf_fill_rounded(ts, 0, 0, ts->page_width, 10, 0, ts->brand->primary);
	pdf_draw_logo(ts, ts->left, 56, width * 0.4, 44);
	layout = pdf_layout_text(ts, STYLE_SMALL, ts->brand->organization, width * 0.45);
	pdf_limit_lines(layout, 2);
	pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
	pdf_show_styled(ts, layout, STYLE_SMALL, ts->right - width * 0.45,
			56 + 22 - pdf_height(layout) / 2);
	g_object_unref(layout);

	/* The report and the team. */
	y = ts->page_height * 0.25;
	layout = pdf_layout_text(ts, STYLE_EYEBROW, ts->brand->report_title, width);
	pdf_limit_lines(layout, 2);
	y += pdf_show_styled(ts, layout, STYLE_EYEBROW, ts->left, y) + 12;
	g_object_unref(layout);
	if (!ts->measure)
		cairo_tag_begin(ts->cairo, CAIRO_TAG_DEST, "name='cover'");
	layout = pdf_layout_text(ts, STYLE_COVER_NAME, answers->name, width);
	pdf_limit_lines(layout, 4);
	y += pdf_show_styled(ts, layout, STYLE_COVER_NAME, ts->left, y) + 10;
	g_object_unref(layout);
	if (!ts->measure) {
		cairo_tag_end(ts->cairo, CAIRO_TAG_DEST);
		cairo_pdf_surface_add_outline(ts->surface, CAIRO_PDF_OUTLINE_ROOT, "Cover",
					      "dest='cover'", 0);
	}
	if (answers->organization != NULL) {
		layout = pdf_layout_text(ts, STYLE_COVER_SUBTITLE, answers->organization, width);
		pdf_limit_lines(layout, 2);
		y += pdf_show_styled(ts, layout, STYLE_COVER_SUBTITLE, ts->left, y);
		g_object_unref(layout);
	}
	snprintf(text, sizeof text, "Assessed %s", answers->date);
	layout = pdf_layout_text(ts, STYLE_BODY, text, width);
	pdf_show(ts, layout, ts->left, y + 6, ts->muted);
	y += pdf_height(layout) + 6;
	g_object_unref(layout);

	/* The verdict: stage, score and respondents in three columns. */
	if (y < ts->page_height * 0.56)
		y = ts->page_height * 0.56;
	pdf_hairline(ts, ts->left, ts->right, y, ts->rule, PDF_RULE_WIDTH);
	y += 22;
	layout = pdf_layout_text(ts, STYLE_EYEBROW, "Stage", column);
	pdf_show(ts, layout, ts->left, y, ts->muted);
	height = pdf_height(layout) + 6;
	g_object_unref(layout);
	pdf_badge(ts, stage->label, pdf_stage_color(ts, model->stage), STYLE_BADGE, ts->left,
		  y + height, column, &badge_height);
	height += badge_height + 6;
	layout = pdf_layout_text(ts, STYLE_SMALL, stage->tagline, column);
	pdf_limit_lines(layout, 3);
	height += pdf_show_styled(ts, layout, STYLE_SMALL, ts->left, y + height);
	g_object_unref(layout);

	markup = g_string_new(NULL);
	pdf_append_format(markup, "%.1f<span size=\"%d\" weight=\"normal\" foreground=\"%s\"> / 10</span>",
			  model->display, 14 * PANGO_SCALE, ts->muted.hex);
	snprintf(text, sizeof text, "%.2f out of 4", model->overall);
	pdf_stat(ts, "Overall score", markup->str, text, ts->left + column + 24, y, column);
	g_string_truncate(markup, 0);
	pdf_append_format(markup, "%zu", answers->respondent_count);
	pdf_stat(ts, "Respondents", markup->str,
		 answers->respondent_count == 1 ? "person answered" : "people answered",
		 ts->left + 2 * (column + 24), y, column);
	g_string_free(markup, TRUE);
	y += height > 72 ? height : 72;

	/* Where the score sits on the path through the stages. */
	y += 34;
	y += pdf_stage_gauge(ts, y);

	/* Confidentiality at the foot of the cover. */
	if (ts->brand->confidentiality != NULL) {
		layout = pdf_layout_text(ts, STYLE_HEADER, ts->brand->confidentiality, width);
		pdf_limit_lines(layout, 2);
		pdf_show(ts, layout, ts->left, ts->page_height - 48 - pdf_height(layout),
			 ts->muted);
		g_object_unref(layout);
	}
}
