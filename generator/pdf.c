/* The PDF report; see pdf.h.  The report document is walked into
 * typesetter boxes (pdf_walk.c), paginated, and drawn on cairo's PDF
 * surface with the cover and the running header and footer made here. */
#include "pdf.h"

#include "brand.h"
#include "chart.h"
#include "diag.h"
#include "document.h"
#include "draw.h"
#include "outfile.h"
#include "pdf_parts.h"
#include "typeset.h"
#include "xalloc.h"
#include "xmlout.h"

#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PDF_HEADER_TOP 28.0      /* top of the running header's logo */
#define PDF_HEADER_RULE 52.0     /* the rule under the running header */
#define PDF_FOOTER_RULE 57.0     /* the rule over the footer, from the page's bottom */

/* The logo at its largest, on the cover: this tall and at most this share
 * of the text block wide; its pixels are kept to PDF_LOGO_DPI there. */
#define PDF_COVER_LOGO_HEIGHT 44.0
#define PDF_COVER_LOGO_SHARE 0.4
#define PDF_LOGO_DPI 300.0

/* Layouts a process keeps: those used longest ago go first, so memory
 * stays bounded however many teams pass. */
enum { PDF_CACHE_LIMIT = 4000 };

struct pdf_cache {
	struct typeset_cache *typeset; /* the text, shaped once per process */
	struct chart_cache *chart;     /* the domain profile's text */
	unsigned char *logo_png;       /* the PNG bytes of the brand's logo */
	size_t logo_png_size;
	cairo_surface_t *logo;         /* those decoded and resampled, NULL until needed */
	double logo_page_width;        /* the page width it was resampled for */
};

/* What the page hook and the cover read. */
struct pdf_report {
	struct pdf_walker walker;
	xmlNodePtr root, furniture, cover;
	cairo_surface_t *logo;         /* the brand's logo, NULL when none */
	cairo_surface_t *furniture_form; /* what every page repeats, recorded on its first */
};

struct pdf_cache *
pdf_cache_new(void)
{
	struct pdf_cache *cache = xcalloc(1, sizeof *cache);

	cache->typeset = typeset_cache_new(PDF_CACHE_LIMIT);
	cache->chart = chart_cache_new();
	return cache;
}

void
pdf_cache_free(struct pdf_cache *cache)
{
	if (cache == NULL)
		return;
	typeset_cache_free(cache->typeset);
	chart_cache_free(cache->chart);
	if (cache->logo != NULL)
		cairo_surface_destroy(cache->logo);
	free(cache->logo_png);
	free(cache);
}

/* The logo ------------------------------------------------------------------ */

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

/* Width the logo takes at height points, at most max_width; 0 without one. */
static double
pdf_logo_width(const struct pdf_report *report, double height, double max_width)
{
	double width;

	if (report->logo == NULL || cairo_image_surface_get_height(report->logo) <= 0)
		return 0;
	width = height * cairo_image_surface_get_width(report->logo) /
		cairo_image_surface_get_height(report->logo);
	return width > max_width ? max_width : width;
}

/* Styles --------------------------------------------------------------------- */

static void
pdf_styles(struct pdf_walker *walker, const struct brand *brand)
{
	struct brand_color text = brand->text, muted = walker->muted;
	struct brand_color primary = brand->primary, accent = brand->accent, white = draw_white();
	const char *body = brand->body_font, *heading = brand->heading_font;
	struct typeset_style *styles = walker->styles;

	styles[STYLE_BODY] = (struct typeset_style){ body, 9.25, 14.0, 400, 0, 0, text };
	styles[STYLE_COMPACT] = (struct typeset_style){ body, 8.5, 12.0, 400, 0, 0, text };
	styles[STYLE_FINE] = (struct typeset_style){ body, 7.5, 10.5, 400, 0, 0, muted };
	styles[STYLE_LEAD] = (struct typeset_style){ body, 11.0, 16.5, 400, 0, 0, text };
	styles[STYLE_INSIGHT] = (struct typeset_style){ body, 9.0, 13.0, 400, 0, 0, primary };
	styles[STYLE_TAGLINE] = (struct typeset_style){ body, 12.5, 18.0, 400, 0, 0, muted };
	styles[STYLE_SMALL] = (struct typeset_style){ body, 8.5, 12.5, 400, 0, 0, muted };
	styles[STYLE_EYEBROW] = (struct typeset_style){ body, 7.5, 11.0, 600, 0, 1, accent };
	styles[STYLE_H1] = (struct typeset_style){ heading, 20.0, 25.0, 700, 0, 0, primary };
	styles[STYLE_H2] = (struct typeset_style){ heading, 14.0, 19.0, 600, 0, 0, primary };
	styles[STYLE_H3] = (struct typeset_style){ heading, 11.0, 15.0, 700, 0, 0, text };
	styles[STYLE_ROW] = (struct typeset_style){ heading, 11.0, 15.0, 600, 0, 0, text };
	styles[STYLE_TOC] = (struct typeset_style){ heading, 12.0, 17.0, 400, 0, 0, text };
	styles[STYLE_HEADER] = (struct typeset_style){ body, 8.0, 10.0, 400, 0, 0, muted };
	styles[STYLE_BADGE] = (struct typeset_style){ heading, 11.0, 14.0, 700, 0, 0, white };
	styles[STYLE_BADGE_SMALL] = (struct typeset_style){ body, 7.5, 11.0, 700, 0, 1, white };
	styles[STYLE_STAT] = (struct typeset_style){ heading, 18.0, 23.0, 700, 0, 0, text };
	styles[STYLE_STAT_SMALL] = (struct typeset_style){ heading, 14.0, 19.0, 700, 0, 0, text };
	styles[STYLE_COVER_NAME] = (struct typeset_style){ heading, 26.0, 32.0, 700, 0, 0, text };
	styles[STYLE_COVER_SUBTITLE] = (struct typeset_style){ body, 14.0, 19.0, 400, 0, 0, muted };
	styles[STYLE_DISC] = (struct typeset_style){ heading, 9.0, 11.0, 700, 0, 0, white };
}

/* The running header and footer ---------------------------------------------- */

/* text cut after its last whole word that fits in width with an ellipsis,
 * as markup; never mid-word.  Free with g_free. */
static char *
pdf_fit_words(struct pdf_walker *walker, const char *text, double width)
{
	const struct typeset_style *style = &walker->styles[STYLE_HEADER];
	char *escaped = g_markup_escape_text(text, -1);
	PangoLayout *layout = typeset_layout(walker->typeset, style, escaped, -1, 0, 0);
	size_t length = strlen(text);
	char *cut;

	if (typeset_width(layout) <= width) {
		g_object_unref(layout);
		return escaped;
	}
	g_object_unref(layout);
	g_free(escaped);
	cut = xstrdup(text);
	while (length > 0) {
		char *candidate;
		double fits;

		while (length > 0 && cut[length - 1] != ' ')
			length--;
		while (length > 0 && cut[length - 1] == ' ')
			length--;
		cut[length] = '\0';
		escaped = g_markup_escape_text(cut, -1);
		candidate = g_strdup_printf("%s\u2026", escaped);
		g_free(escaped);
		layout = typeset_layout(walker->typeset, style, candidate, -1, 0, 0);
		fits = typeset_width(layout);
		g_object_unref(layout);
		if (length > 0 && fits <= width) {
			free(cut);
			return candidate;
		}
		g_free(candidate);
	}
	free(cut);
	return g_strdup("\u2026");
}

static const char *
pdf_furniture_text(const struct pdf_report *report, const char *name)
{
	for (xmlNodePtr node = report->furniture ? report->furniture->children : NULL; node != NULL;
	     node = node->next)
		if (xmlout_is(node, name) && node->children != NULL)
			return (const char *)node->children->content;
	return NULL;
}

/* Shows one line of text in the header style at (x, y), right-aligned in
 * width when right. */
static void
pdf_furniture_line(cairo_t *cairo, struct pdf_walker *walker, const char *markup, double x,
		   double y, double width, int right, struct brand_color color)
{
	PangoLayout *layout = typeset_layout(walker->typeset, &walker->styles[STYLE_HEADER], markup,
					     width, 0,
					     TYPESET_ONE_LINE |
						     (right ? TYPESET_RIGHT | TYPESET_FIXED_DIRECTION : 0));

	draw_set_color(cairo, color, 1);
	cairo_move_to(cairo, x, y - typeset_height(layout) / 2);
	pango_cairo_show_layout(cairo, layout);
	g_object_unref(layout);
}

/* "Page {page} of {pages}" filled in. */
static char *
pdf_page_label(const char *pattern, int number, int count)
{
	GString *label = g_string_new(NULL);

	for (const char *cursor = pattern ? pattern : ""; *cursor != '\0'; cursor++) {
		if (strncmp(cursor, "{page}", 6) == 0) {
			g_string_append_printf(label, "%d", number);
			cursor += 5;
		} else if (strncmp(cursor, "{pages}", 7) == 0) {
			g_string_append_printf(label, "%d", count);
			cursor += 6;
		} else {
			g_string_append_c(label, *cursor);
		}
	}
	return g_string_free(label, FALSE);
}

/* What is the same on every page: above, the logo and the report's title
 * left, the team right, a rule under them; below, the footer and the
 * confidentiality line. */
static void
pdf_furniture(cairo_t *cairo, struct pdf_report *report)
{
	struct pdf_walker *walker = &report->walker;
	const struct brand *brand = walker->brand;
	double left = PDF_MARGIN_SIDE, right = brand->page_width - PDF_MARGIN_SIDE;
	double width = right - left, footer = brand->page_height - PDF_FOOTER_RULE + 8;
	double logo = pdf_logo_width(report, 16, width / 3), title_x = left + (logo > 0 ? logo + 10 : 0);
	const char *title = pdf_furniture_text(report, "title");
	const char *team = pdf_furniture_text(report, "team");
	const char *text;
	char *markup;

	if (report->logo != NULL)
		draw_image(cairo, report->logo, left, PDF_HEADER_TOP, logo, 16);
	markup = g_markup_escape_text(title ? title : "", -1);
	pdf_furniture_line(cairo, walker, markup, title_x, PDF_HEADER_TOP + 8, width * 0.5, 0,
			   walker->muted);
	g_free(markup);
	markup = pdf_fit_words(walker, team ? team : "", right - title_x - width * 0.5 - 16);
	pdf_furniture_line(cairo, walker, markup, title_x + width * 0.5 + 16, PDF_HEADER_TOP + 8,
			   right - title_x - width * 0.5 - 16, 1, walker->muted);
	g_free(markup);
	draw_line(cairo, left, PDF_HEADER_RULE, right, PDF_HEADER_RULE, PDF_RULE_WIDTH, walker->rule);
	if ((text = pdf_furniture_text(report, "footer")) != NULL) {
		markup = g_markup_escape_text(text, -1);
		pdf_furniture_line(cairo, walker, markup, left, footer + 5, width - 90, 0,
				   walker->brand->text);
		g_free(markup);
	}
	if ((text = pdf_furniture_text(report, "confidentiality")) != NULL) {
		markup = g_markup_escape_text(text, -1);
		pdf_furniture_line(cairo, walker, markup, left, footer + 16, width - 90, 0,
				   walker->muted);
		g_free(markup);
	}
}

/* Every page but the cover: the furniture, recorded once and painted on
 * each page so that the PDF holds it, and cairo writes its text, once (a
 * form); then the rule over the footer (drawn on the page, where it falls
 * on the same pixels as before) and the page number, which differs. */
static void
pdf_page(cairo_t *cairo, int number, int count, void *data)
{
	struct pdf_report *report = data;
	struct pdf_walker *walker = &report->walker;
	const struct brand *brand = walker->brand;
	double right = brand->page_width - PDF_MARGIN_SIDE;
	double footer = brand->page_height - PDF_FOOTER_RULE + 8;
	char *label, *markup;

	if (number == 1 && report->cover != NULL)
		return;
	if (report->furniture_form == NULL) {
		cairo_rectangle_t page = { 0, 0, brand->page_width, brand->page_height };
		cairo_t *recording;

		report->furniture_form =
			cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &page);
		recording = cairo_create(report->furniture_form);
		pdf_furniture(recording, report);
		cairo_destroy(recording);
	}
	cairo_set_source_surface(cairo, report->furniture_form, 0, 0);
	cairo_paint(cairo);
	draw_line(cairo, PDF_MARGIN_SIDE, brand->page_height - PDF_FOOTER_RULE, right,
		  brand->page_height - PDF_FOOTER_RULE, PDF_RULE_WIDTH, walker->rule);

	label = pdf_page_label(pdf_furniture_text(report, "page-number"), number, count);
	markup = g_markup_escape_text(label, -1);
	pdf_furniture_line(cairo, walker, markup, right - 90, footer + 5, 90, 1, walker->brand->text);
	g_free(markup);
	g_free(label);
}

/* The cover ------------------------------------------------------------------- */

/* The path through the stages as one bar: each stage's band in its colour,
 * a marker at the team's score and the stage names below.  Returns its
 * height. */
static double
pdf_cover_gauge(struct pdf_walker *walker, struct typeset_box *box, xmlNodePtr gauge, double y)
{
	double width = typeset_measure(walker->typeset), label_height = 0;
	const char *value = xmlout_get(gauge, "fraction");
	double marker = width * (value ? strtod(value, NULL) : 0);

	for (xmlNodePtr stop = gauge->children; stop != NULL; stop = stop->next) {
		const char *from_text = xmlout_get(stop, "fraction"), *current = xmlout_get(stop, "current");
		xmlNodePtr next = stop->next;
		double from = from_text ? strtod(from_text, NULL) : 0;
		double to = next && xmlout_get(next, "fraction") ? strtod(xmlout_get(next, "fraction"), NULL) : 1;
		struct brand_color color = pdf_stage_color(walker, xmlout_get(stop, "stage"));
		char *label = g_markup_escape_text(xmlout_get(stop, "label"), -1);
		PangoLayout *layout = typeset_layout(walker->typeset, &walker->styles[STYLE_SMALL], label,
						     width * (to - from) - 4, 2, 0);

		typeset_rounded(box, width * from, y, width * (to - from), 8, 0,
				current ? color : draw_mix(color, draw_white(), 0.6));
		typeset_show(box, layout, width * from, y + 14,
			     current ? walker->brand->text : walker->muted);
		if (typeset_height(layout) > label_height)
			label_height = typeset_height(layout);
		g_object_unref(layout);
		g_free(label);
	}
	typeset_rounded(box, marker - 1, y - 2, 2, 12, 0, walker->brand->text);
	typeset_disc(box, marker, y - 5, 3.5, walker->brand->text);
	return 14 + label_height;
}

/* A column of the cover: a caption over a value and a note.  Returns its
 * height. */
static double
pdf_cover_tile(struct pdf_walker *walker, struct typeset_box *box, xmlNodePtr tile, double x,
	       double y, double width)
{
	double top = y, badge_height;

	for (xmlNodePtr child = tile->children; child != NULL; child = child->next) {
		char *markup = pdf_markup(walker, child);
		PangoLayout *layout = NULL;

		if (xmlout_is(child, "label")) {
			layout = typeset_layout(walker->typeset, &walker->styles[STYLE_EYEBROW], markup,
						width, 2, 0);
			typeset_show(box, layout, x, y, walker->muted);
			y += typeset_height(layout) + 6;
		} else if (xmlout_is(child, "value") && xmlout_is(child->children, "chip")) {
			g_free(markup);
			markup = pdf_markup(walker, child->children);
			pdf_badge(walker, box, markup,
				  pdf_stage_color(walker, xmlout_get(child->children, "stage")),
				  STYLE_BADGE, x, y, width, &badge_height);
			y += badge_height + 6;
		} else if (xmlout_is(child, "value")) {
			char *unit = child->next && xmlout_is(child->next, "unit")
					     ? pdf_markup(walker, child->next)
					     : NULL;
			char *value = g_strdup_printf(
				"%s<span size=\"%d\" weight=\"normal\" foreground=\"%s\"> %s</span>", markup,
				14 * PANGO_SCALE, walker->muted.hex, unit ? unit : "");

			layout = typeset_layout(walker->typeset, &walker->styles[STYLE_STAT], value,
						width, 2, 0);
			typeset_show(box, layout, x, y, walker->brand->text);
			y += typeset_height(layout);
			g_free(value);
			g_free(unit);
		} else if (xmlout_is(child, "note")) {
			layout = typeset_layout(walker->typeset, &walker->styles[STYLE_SMALL], markup,
						width, 3, 0);
			typeset_show(box, layout, x, y + 2, walker->muted);
			y += typeset_height(layout) + 2;
		}
		if (layout != NULL)
			g_object_unref(layout);
		g_free(markup);
	}
	return y - top;
}

/* The cover, one box as tall as the text block: the brand, the team, its
 * profile, its stage, score and respondents, and the path through the
 * stages.  Every part has a bounded number of lines. */
static void
pdf_cover(struct pdf_report *report)
{
	struct pdf_walker *walker = &report->walker;
	const struct brand *brand = walker->brand;
	double width = typeset_measure(walker->typeset), top = PDF_MARGIN_TOP;
	double room = brand->page_height - PDF_MARGIN_TOP - PDF_MARGIN_BOTTOM;
	struct typeset_box *box = typeset_box(walker->typeset, room, 0);
	double y = brand->page_height * 0.25 - top, column = (width - 48) / 3, height = 0;
	xmlNodePtr tiles = NULL, gauge = NULL, facts = NULL;
	int tile_count = 0, fact_count = 0;
	xmlChar *title = NULL;

	typeset_rounded(box, -PDF_MARGIN_SIDE, -top, brand->page_width, 10, 0, brand->primary);
	if (report->logo != NULL)
		typeset_image(box, report->logo, 0, 56 - top, width * PDF_COVER_LOGO_SHARE,
			      PDF_COVER_LOGO_HEIGHT);
	for (xmlNodePtr child = report->cover->children; child != NULL; child = child->next) {
		static const struct {
			const char *name;
			enum pdf_style style;
			double after;
		} lines[] = { { "kicker", STYLE_EYEBROW, 12 },
			      { "title", STYLE_COVER_NAME, 10 },
			      { "subtitle", STYLE_COVER_SUBTITLE, 4 } };
		char *markup = pdf_markup(walker, child);

		if (xmlout_is(child, "organization")) {
			PangoLayout *layout = typeset_layout(walker->typeset, &walker->styles[STYLE_SMALL],
							     markup, width * 0.45, 2, TYPESET_RIGHT);

			typeset_show(box, layout, width * 0.55, 78 - top - typeset_height(layout) / 2,
				     walker->muted);
			g_object_unref(layout);
		}
		for (size_t index = 0; index < sizeof lines / sizeof lines[0]; index++) {
			PangoLayout *layout;

			if (!xmlout_is(child, lines[index].name))
				continue;
			layout = typeset_layout(walker->typeset, &walker->styles[lines[index].style],
						markup, width, 4, 0);
			typeset_show(box, layout, 0, y, walker->styles[lines[index].style].color);
			y += typeset_height(layout) + lines[index].after;
			g_object_unref(layout);
		}
		if (xmlout_is(child, "title"))
			title = xmlNodeGetContent(child);
		tiles = xmlout_is(child, "tiles") ? child : tiles;
		gauge = xmlout_is(child, "gauge") ? child : gauge;
		facts = xmlout_is(child, "facts") ? child : facts;
		if (xmlout_is(child, "note")) {
			PangoLayout *layout = typeset_layout(walker->typeset, &walker->styles[STYLE_HEADER],
							     markup, width, 2, 0);

			typeset_show(box, layout, 0, brand->page_height - 48 - typeset_height(layout) - top,
				     walker->muted);
			g_object_unref(layout);
		}
		g_free(markup);
	}

	/* The facts: the date and the profile, three to a row. */
	y += 10;
	for (xmlNodePtr fact = facts ? facts->children : NULL; fact != NULL; fact = fact->next) {
		char *label = g_markup_escape_text(xmlout_get(fact, "label"), -1);
		char *value = pdf_markup(walker, fact);
		char *markup = g_strdup_printf("<span size=\"%d\" foreground=\"%s\">%s</span>\n%s",
					       7 * PANGO_SCALE, walker->muted.hex, label, value);
		PangoLayout *layout = typeset_layout(walker->typeset, &walker->styles[STYLE_SMALL],
						     markup, column, 3, 0);
		double x = (fact_count % 3) * (column + 24);

		if (fact_count > 0 && fact_count % 3 == 0)
			y += height + 8, height = 0;
		typeset_show(box, layout, x, y, walker->brand->text);
		if (typeset_height(layout) > height)
			height = typeset_height(layout);
		fact_count++;
		g_object_unref(layout);
		g_free(label);
		g_free(value);
		g_free(markup);
	}
	y += height;

	/* The verdict in three columns, then the path through the stages. */
	if (y < brand->page_height * 0.56 - top)
		y = brand->page_height * 0.56 - top;
	typeset_line(box, 0, y, width, y, PDF_RULE_WIDTH, walker->rule);
	y += 22;
	height = 0;
	for (xmlNodePtr tile = tiles ? tiles->children : NULL; tile != NULL; tile = tile->next) {
		double tile_height = pdf_cover_tile(walker, box, tile, tile_count * (column + 24), y,
						    column);

		if (tile_height > height)
			height = tile_height;
		tile_count++;
	}
	y += height + 34;
	if (gauge != NULL)
		pdf_cover_gauge(walker, box, gauge, y);
	typeset_destination(box, "cover");
	typeset_outline(box, 1, title ? (const char *)title : "", "cover");
	xmlFree(title);
}

/* Setup ----------------------------------------------------------------------- */

/* A failed write is kept in the file for outfile_commit to report.  cairo
 * is told it succeeded: finishing a PDF surface whose stream failed
 * mid-page trips an assertion inside cairo 1.18. */
static cairo_status_t
pdf_write(void *closure, const unsigned char *data, unsigned int length)
{
	outfile_put(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* The document's metadata; the dates are the report date, so the same
 * inputs give the same bytes. */
static void
pdf_metadata(cairo_surface_t *surface, xmlNodePtr root)
{
	const char *generated = xmlout_get(root, "date");
	char *date = xasprintf("%sT00:00:00Z", generated ? generated : "1970-01-01");

	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
				       xmlout_get(root, "title") ? xmlout_get(root, "title") : "");
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR,
				       xmlout_get(root, "author") ? xmlout_get(root, "author") : "");
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT,
				       xmlout_get(root, "subject") ? xmlout_get(root, "subject") : "");
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
				       "maturity " MATURITY_VERSION);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date);
	free(date);
}

/* The walker's colours, styles and the stages' thresholds. */
static void
pdf_walker_init(struct pdf_report *report, struct pdf_cache *cache, const struct brand *brand)
{
	struct pdf_walker *walker = &report->walker;
	struct brand_color white = draw_white();

	walker->brand = brand;
	walker->chart = cache->chart;
	walker->owned = pdf_owned_new();
	walker->gap_pending = -1;
	walker->muted = draw_mix(brand->text, white, 0.38);
	walker->rule = draw_mix(brand->text, white, 0.82);
	walker->track = draw_mix(brand->text, white, 0.94);
	pdf_styles(walker, brand);
	for (xmlNodePtr node = report->root->children; node != NULL; node = node->next) {
		if (xmlout_is(node, "palette"))
			walker->palette = node;
		else if (xmlout_is(node, "furniture"))
			report->furniture = node;
		else if (xmlout_is(node, "cover"))
			report->cover = node;
	}
	for (xmlNodePtr stage = walker->palette ? walker->palette->children : NULL; stage != NULL;
	     stage = stage->next) {
		const char *fraction = xmlout_get(stage, "fraction");

		if (fraction != NULL && strtod(fraction, NULL) > 0 && walker->notch_count < 16)
			walker->notches[walker->notch_count++] = strtod(fraction, NULL);
	}
}

int
pdf_render(const struct outfile_folder *folder, const char *name, xmlDocPtr document,
	   const struct brand *brand, struct pdf_cache *cache, struct diag *diag)
{
	struct pdf_report report = { .root = xmlDocGetRootElement(document) };
	struct outfile file;
	cairo_surface_t *surface;
	cairo_status_t status = CAIRO_STATUS_SUCCESS;
	const char *error = NULL;

	if (outfile_open(&file, folder, name, diag) != 0)
		return -1;
	if (brand->logo_png != NULL) {
		status = pdf_cache_logo(cache, brand, &report.logo);
		if (status != CAIRO_STATUS_SUCCESS) {
			diag_error(diag, file.path, 0, "cannot read the logo of %s: %s", brand->path,
				   cairo_status_to_string(status));
			outfile_abort(&file);
			return -1;
		}
	}
	report.walker.typeset = typeset_new(cache->typeset, brand->page_width, brand->page_height,
					    PDF_MARGIN_SIDE, brand->page_width - PDF_MARGIN_SIDE,
					    PDF_MARGIN_TOP, brand->page_height - PDF_MARGIN_BOTTOM);
	pdf_walker_init(&report, cache, brand);

	/* The boxes, the pages, then the drawing. */
	if (report.cover != NULL)
		pdf_cover(&report);
	for (xmlNodePtr node = report.root->children; node != NULL; node = node->next)
		if (xmlout_is(node, "section"))
			pdf_walk_section(&report.walker, node);
	typeset_paginate(report.walker.typeset);
	surface = cairo_pdf_surface_create_for_stream(pdf_write, &file, brand->page_width,
						      brand->page_height);
	pdf_metadata(surface, report.root);
	typeset_draw(report.walker.typeset, surface, pdf_page, &report);
	cairo_surface_finish(surface);
	status = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	error = typeset_error(report.walker.typeset);
	/* A failed write is outfile_commit's to report, with its cause. */
	if (file.error != 0)
		error = NULL;
	else if (error != NULL)
		diag_error(diag, file.path, 0, "%s", error);
	else if (status != CAIRO_STATUS_SUCCESS)
		diag_error(diag, file.path, 0, "cannot write the PDF: %s",
			   cairo_status_to_string(status));
	typeset_free(report.walker.typeset);
	g_ptr_array_free(report.walker.owned, TRUE);
	if (report.furniture_form != NULL)
		cairo_surface_destroy(report.furniture_form);
	if (report.logo != NULL)
		cairo_surface_destroy(report.logo);
	if (file.error == 0 && (error != NULL || status != CAIRO_STATUS_SUCCESS)) {
		outfile_abort(&file);
		return -1;
	}
	return outfile_commit(&file, diag);
}
