/* The walk from the report document to the typesetter: each block of the
 * document vocabulary (document.h) becomes boxes, kept together where the
 * document says a block must not break. */
#include "draw.h"
#include "pdf_parts.h"
#include "xalloc.h"
#include "xmlout.h"

#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void pdf_walk_block(struct pdf_walker *walker, xmlNodePtr node, double indent);

/* Colours of changes and flags, dark enough for text on white. */
static const struct brand_color pdf_up = { 0.110, 0.420, 0.227, "#1c6b3a" };
static const struct brand_color pdf_down = { 0.639, 0.149, 0.114, "#a3261d" };
static const struct brand_color pdf_flag = { 0.600, 0.310, 0.000, "#994f00" };

static void
pdf_owned_release(void *data)
{
	struct pdf_owned *owned = data;

	owned->release(data);
}

GPtrArray *
pdf_owned_new(void)
{
	return g_ptr_array_new_with_free_func(pdf_owned_release);
}

struct brand_color
pdf_stage_color(const struct pdf_walker *walker, const char *index)
{
	struct brand_color color = walker->brand->text;

	for (xmlNodePtr node = walker->palette ? walker->palette->children : NULL; node != NULL;
	     node = node->next) {
		const char *number = xmlout_get(node, "index");

		if (number != NULL && index != NULL && strcmp(number, index) == 0)
			brand_parse_color(xmlout_get(node, "color"), &color);
	}
	return color;
}

struct brand_color
pdf_text_on(const struct pdf_walker *walker, struct brand_color color)
{
	return draw_is_dark(color) ? draw_white() : walker->brand->text;
}

/* Inline ------------------------------------------------------------------- */

void
pdf_append_text(GString *markup, const char *text)
{
	char *escaped = g_markup_escape_text(text, -1);

	g_string_append(markup, escaped);
	g_free(escaped);
}

static void
pdf_markup_append(const struct pdf_walker *walker, GString *markup, xmlNodePtr parent)
{
	for (xmlNodePtr node = parent->children; node != NULL; node = node->next) {
		const char *open = NULL, *close = NULL;
		struct brand_color color;

		if (node->type == XML_TEXT_NODE) {
			pdf_append_text(markup, (const char *)node->content);
			continue;
		}
		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (xmlout_is(node, "br")) {
			g_string_append_c(markup, '\n');
			continue;
		}
		if (xmlout_is(node, "em"))
			open = "<i>", close = "</i>";
		else if (xmlout_is(node, "strong"))
			open = "<b>", close = "</b>";
		else if (xmlout_is(node, "code"))
			open = "<tt>", close = "</tt>";
		if (open != NULL) {
			g_string_append(markup, open);
			pdf_markup_append(walker, markup, node);
			g_string_append(markup, close);
			continue;
		}
		if (xmlout_is(node, "chip") || xmlout_is(node, "change") || xmlout_is(node, "flag")) {
			const char *direction = xmlout_get(node, "direction");

			color = xmlout_is(node, "chip")	 ? pdf_stage_color(walker, xmlout_get(node, "stage"))
				: xmlout_is(node, "flag") ? pdf_flag
				: direction == NULL || strcmp(direction, "none") == 0 ? walker->muted
				: strcmp(direction, "up") == 0 ? pdf_up
							       : pdf_down;
			if (xmlout_is(node, "chip") && !draw_is_dark(color))
				color = draw_mix(color, walker->brand->text, 0.45);
			g_string_append_printf(markup, "<span foreground=\"%s\" weight=\"bold\">",
					       color.hex);
			pdf_markup_append(walker, markup, node);
			g_string_append(markup, "</span>");
			continue;
		}
		pdf_markup_append(walker, markup, node);
	}
}

char *
pdf_markup(const struct pdf_walker *walker, xmlNodePtr node)
{
	GString *markup = g_string_new(NULL);

	pdf_markup_append(walker, markup, node);
	return g_string_free(markup, FALSE);
}

double
pdf_space(struct pdf_walker *walker, double wanted)
{
	double space = walker->gap_pending >= 0 ? walker->gap_pending : wanted;

	walker->gap_pending = -1;
	return space;
}

struct typeset_box *
pdf_paragraph(struct pdf_walker *walker, enum pdf_style style, const char *markup, double indent,
	      double space_before, int keep)
{
	const struct typeset_style *definition = &walker->styles[style];
	PangoLayout *layout = typeset_layout(walker->typeset, definition, markup,
					     typeset_measure(walker->typeset) - indent, 0, 0);
	struct typeset_box *box = typeset_paragraph(walker->typeset, layout, indent,
						    definition->color, space_before, keep);

	g_object_unref(layout);
	return box;
}

double
pdf_badge(struct pdf_walker *walker, struct typeset_box *box, const char *markup,
	  struct brand_color color, enum pdf_style style, double x, double y, double max_width,
	  double *height)
{
	double padding = walker->styles[style].size * 0.75, width;
	PangoLayout *layout = typeset_layout(walker->typeset, &walker->styles[style], markup,
					     max_width - 2 * padding, 2, 0);

	width = typeset_width(layout) + 2 * padding;
	*height = typeset_height(layout) + padding * 0.9;
	if (box != NULL) {
		typeset_rounded(box, x, y, width, *height, *height / 2 < 9 ? *height / 2 : 9, color);
		typeset_show(box, layout, x + padding, y + padding * 0.45,
			     pdf_text_on(walker, color));
	}
	g_object_unref(layout);
	return width;
}

/* Blocks -------------------------------------------------------------------- */

static enum pdf_style
pdf_paragraph_style(xmlNodePtr paragraph)
{
	static const struct {
		const char *role;
		enum pdf_style style;
	} roles[] = {
		{ "lead", STYLE_LEAD },	      { "tagline", STYLE_TAGLINE }, { "small", STYLE_SMALL },
		{ "note", STYLE_SMALL },      { "muted", STYLE_SMALL },     { "meta", STYLE_SMALL },
		{ "because", STYLE_FINE },    { "eyebrow", STYLE_EYEBROW }, { "figure", STYLE_STAT_SMALL },
		{ "insight", STYLE_INSIGHT }, { "fit", STYLE_SMALL },
	};
	const char *role = xmlout_get(paragraph, "role");

	for (size_t index = 0; role != NULL && index < sizeof roles / sizeof roles[0]; index++)
		if (strcmp(roles[index].role, role) == 0)
			return roles[index].style;
	return STYLE_BODY;
}

/* A line set as parts side by side, each shaped on its own so that parts
 * that recur (a respondent's level, a domain's name) are shaped once per
 * process; as one paragraph when they do not fit on a line. */
static void
pdf_parts(struct pdf_walker *walker, enum pdf_style style, char **parts, size_t count,
	  double indent, double space_before)
{
	const struct typeset_style *definition = &walker->styles[style];
	PangoLayout **layouts = xcalloc(count ? count : 1, sizeof *layouts);
	double width = 0, height = 0, x = indent;
	struct typeset_box *box;
	int fits = 1;

	for (size_t index = 0; index < count; index++) {
		layouts[index] = typeset_layout(walker->typeset, definition, parts[index], -1, 0, 0);
		width += typeset_width(layouts[index]);
		fits &= pango_layout_get_line_count(layouts[index]) == 1;
		if (typeset_height(layouts[index]) > height)
			height = typeset_height(layouts[index]);
	}
	if (!fits || width > typeset_measure(walker->typeset) - indent) {
		GString *joined = g_string_new(NULL);

		for (size_t index = 0; index < count; index++)
			g_string_append(joined, parts[index]);
		pdf_paragraph(walker, style, joined->str, indent, space_before, 0);
		g_string_free(joined, TRUE);
	} else {
		box = typeset_box(walker->typeset, height, space_before);
		for (size_t index = 0; index < count; index++) {
			typeset_show(box, layouts[index], x, 0, definition->color);
			x += typeset_width(layouts[index]);
		}
	}
	for (size_t index = 0; index < count; index++)
		g_object_unref(layouts[index]);
	free(layouts);
}

/* The markup of each <seg> child of node; NULL when node holds anything
 * else.  Free with g_strfreev. */
static char **
pdf_segments(const struct pdf_walker *walker, xmlNodePtr node)
{
	GPtrArray *parts = g_ptr_array_new();

	for (xmlNodePtr child = node->children; child != NULL; child = child->next) {
		if (!xmlout_is(child, "seg")) {
			for (guint index = 0; index < parts->len; index++)
				g_free(g_ptr_array_index(parts, index));
			g_ptr_array_free(parts, TRUE);
			return NULL;
		}
		g_ptr_array_add(parts, pdf_markup(walker, child));
	}
	g_ptr_array_add(parts, NULL);
	return (char **)g_ptr_array_free(parts, FALSE);
}

static void
pdf_block_paragraph(struct pdf_walker *walker, xmlNodePtr node, double indent)
{
	enum pdf_style style = pdf_paragraph_style(node);
	char *markup = pdf_markup(walker, node);
	int tight = xmlout_is(node->parent, "item");

	char **segments = pdf_segments(walker, node);

	if (walker->compact && style == STYLE_BODY)
		style = STYLE_COMPACT;
	else if (walker->compact && style == STYLE_SMALL)
		style = STYLE_FINE;
	if (segments != NULL && segments[0] != NULL) {
		pdf_parts(walker, style, segments, g_strv_length(segments), indent,
			  pdf_space(walker, walker->compact && tight ? 1.5
					    : tight		   ? PDF_GAP_TIGHT
								   : PDF_GAP_PARAGRAPH));
		g_strfreev(segments);
		g_free(markup);
		return;
	}
	g_strfreev(segments);

	pdf_paragraph(walker, style, markup, indent,
		      pdf_space(walker, walker->compact && tight ? 1.5
					: tight		       ? PDF_GAP_TIGHT
							       : PDF_GAP_PARAGRAPH),
		      style == STYLE_EYEBROW);
	g_free(markup);
}

static void
pdf_heading(struct pdf_walker *walker, xmlNodePtr node, double indent)
{
	const char *level = xmlout_get(node, "level");
	int major = level != NULL && strcmp(level, "3") == 0;
	char *markup = pdf_markup(walker, node);
	struct typeset_box *box =
		pdf_paragraph(walker, major ? STYLE_H2 : STYLE_H3, markup, indent,
			      pdf_space(walker, major ? PDF_GAP_HEADING + 4 : PDF_GAP_HEADING - 2), 1);

	if (major) {
		char name[32];
		xmlChar *text = xmlNodeGetContent(node);

		snprintf(name, sizeof name, "heading-%d", ++walker->heading_count);
		typeset_destination(box, name);
		typeset_outline(box, 2, text != NULL ? (const char *)text : "", name);
		xmlFree(text);
	}
	g_free(markup);
	walker->gap_pending = major ? 7 : 4;
}

/* A marker (bullet or number) left of the first line of box, ending at
 * right, in the paragraph's style so that the baselines meet. */
static void
pdf_marker(struct pdf_walker *walker, struct typeset_box *box, const char *markup, double right)
{
	PangoLayout *layout = typeset_layout(
		walker->typeset, &walker->styles[walker->compact ? STYLE_COMPACT : STYLE_BODY], markup,
		-1, 0, 0);

	typeset_show(box, layout, right - 6 - typeset_width(layout), 0, walker->brand->text);
	g_object_unref(layout);
}

static void
pdf_list(struct pdf_walker *walker, xmlNodePtr list, double indent)
{
	const char *style = xmlout_get(list, "style");
	const char *start = xmlout_get(list, "start");
	const char *role = xmlout_get(list, "role");
	int compact = walker->compact;
	int plain = style != NULL && strcmp(style, "plain") == 0;
	int numbered = style != NULL && strcmp(style, "number") == 0;
	double inner = plain ? indent : indent + PDF_LIST_INDENT;
	long number = start != NULL ? strtol(start, NULL, 10) : 1;

	walker->compact |= role != NULL && (strcmp(role, "questions") == 0 || strcmp(role, "steps") == 0);
	for (xmlNodePtr item = list->children; item != NULL; item = item->next) {
		size_t first = typeset_box_count(walker->typeset);
		const char *keep = xmlout_get(item, "keep");
		char marker[64];

		if (!xmlout_is(item, "item"))
			continue;
		walker->gap_pending = -1;
		if (item != list->children)
			walker->gap_pending = walker->compact   ? PDF_GAP_PARAGRAPH - 3
					      : numbered && !plain ? PDF_GAP_BLOCK
								   : PDF_GAP_TIGHT + 3;
		pdf_walk_blocks(walker, item, inner);
		if (!plain && typeset_box_count(walker->typeset) > first) {
			if (numbered)
				snprintf(marker, sizeof marker, "%ld.", number);
			else
				snprintf(marker, sizeof marker,
					 "<span foreground=\"%s\">\u2022</span>",
					 walker->brand->accent.hex);
			pdf_marker(walker, typeset_box_at(walker->typeset, first), marker,
				   inner);
		}
		if (keep != NULL && strcmp(keep, "together") == 0)
			typeset_keep_range(walker->typeset, first);
		number++;
	}
	walker->compact = compact;
	walker->gap_pending = -1;
}

/* Facts: a label and a value; definitions as bulleted paragraphs, others
 * in two columns. */
static void
pdf_facts(struct pdf_walker *walker, xmlNodePtr facts, double indent)
{
	const char *role = xmlout_get(facts, "role");
	int definitions = role != NULL && strcmp(role, "definitions") == 0;
	double measure = typeset_measure(walker->typeset) - indent, column = measure * 0.28;

	for (xmlNodePtr fact = facts->children; fact != NULL; fact = fact->next) {
		const char *label = xmlout_get(fact, "label");
		char *value;
		GString *markup;
		double space;

		if (!xmlout_is(fact, "fact"))
			continue;
		value = pdf_markup(walker, fact);
		markup = g_string_new(NULL);
		space = pdf_space(walker, definitions ? 0 : PDF_GAP_TIGHT);
		pdf_append_text(markup, label != NULL ? label : "");
		if (definitions) {
			g_string_prepend(markup, "<b>");
			g_string_append(markup, "</b>");
		}
		{
			PangoLayout *left = typeset_layout(
				walker->typeset, &walker->styles[definitions ? STYLE_COMPACT : STYLE_SMALL],
				markup->str, column - 10, 0, 0);
			PangoLayout *right = typeset_layout(
				walker->typeset, &walker->styles[definitions ? STYLE_SMALL : STYLE_BODY],
				value, measure - column, 0, 0);
			double height = typeset_height(right) > typeset_height(left)
						? typeset_height(right)
						: typeset_height(left);
			struct typeset_box *box = typeset_box(walker->typeset, height + 8, space);

			typeset_line(box, indent, 0, indent + measure, 0, PDF_RULE_WIDTH, walker->rule);
			typeset_show(box, left, indent,
				     4 + typeset_baseline(right) - typeset_baseline(left),
				     definitions ? walker->brand->text : walker->muted);
			typeset_show(box, right, indent + column, 4,
				     definitions ? walker->muted : walker->brand->text);
			g_object_unref(left);
			g_object_unref(right);
		}
		g_string_free(markup, TRUE);
		g_free(value);
	}
}

/* A roadmap action: its number in a disc beside the title, its tags, then
 * its blocks; the whole card on one page. */
static void
pdf_card(struct pdf_walker *walker, xmlNodePtr card, double indent)
{
	size_t first = typeset_box_count(walker->typeset);
	const char *number = xmlout_get(card, "number");
	double inner = indent + PDF_ACTION_INDENT;
	struct typeset_box *box = NULL;
	GString *tags = g_string_new(NULL);
	PangoLayout *disc;

	/* The title, then the tags and the meta line as one line of small type. */
	for (xmlNodePtr child = card->children; child != NULL; child = child->next) {
		char *markup;

		if (xmlout_is(child, "title")) {
			markup = pdf_markup(walker, child);
			box = pdf_paragraph(walker, STYLE_ROW, markup, inner,
					    pdf_space(walker, PDF_GAP_HEADING - 6), 1);
			g_free(markup);
			walker->gap_pending = 2;
		} else if (xmlout_is(child, "tags")) {
			for (xmlNodePtr tag = child->children; tag != NULL; tag = tag->next) {
				markup = pdf_markup(walker, tag);
				g_string_append_printf(tags,
						       "<span foreground=\"%s\" weight=\"bold\" "
						       "size=\"%d\">%s</span>   ",
						       walker->brand->accent.hex, 7 * PANGO_SCALE, markup);
				g_free(markup);
			}
		} else if (xmlout_is(child, "p") && xmlout_get(child, "role") != NULL &&
			   strcmp(xmlout_get(child, "role"), "meta") == 0) {
			char **segments = pdf_segments(walker, child);
			GPtrArray *parts = g_ptr_array_new();

			/* A meta line of plain markup is one part. */
			if (segments == NULL) {
				segments = g_new0(char *, 2);
				segments[0] = pdf_markup(walker, child);
			}
			if (tags->len > 0)
				g_ptr_array_add(parts, tags->str);
			for (char **segment = segments; *segment != NULL; segment++)
				g_ptr_array_add(parts, *segment);
			pdf_parts(walker, STYLE_SMALL, (char **)parts->pdata, parts->len, inner,
				  pdf_space(walker, 2));
			g_ptr_array_free(parts, TRUE);
			g_strfreev(segments);
			g_string_truncate(tags, 0);
		} else {
			pdf_walk_block(walker, child, inner);
		}
	}
	if (box != NULL && number != NULL) {
		disc = typeset_layout(walker->typeset, &walker->styles[STYLE_DISC], number, -1, 0, 0);
		typeset_disc(box, indent + 10, typeset_height(disc) / 2 + 3, 10,
			     walker->brand->primary);
		typeset_show(box, disc, indent + 10 - typeset_width(disc) / 2, 3,
			     pdf_text_on(walker, walker->brand->primary));
		g_object_unref(disc);
	}
	g_string_free(tags, TRUE);
	typeset_keep_range(walker->typeset, first);
}

/* A quotation: its paragraphs in italics, then who said it. */
static void
pdf_quote(struct pdf_walker *walker, xmlNodePtr quote, double indent)
{
	GString *markup = g_string_new(NULL);

	for (xmlNodePtr child = quote->children; child != NULL; child = child->next) {
		char *part = pdf_markup(walker, child);

		if (xmlout_is(child, "p"))
			g_string_append_printf(markup, "%s<i>\u201c%s\u201d</i>",
					       markup->len ? "\n" : "", part);
		else if (xmlout_is(child, "cite"))
			g_string_append_printf(markup, "  \u2014 %s", part);
		g_free(part);
	}
	pdf_paragraph(walker, STYLE_SMALL, markup->str, indent + 10,
		      pdf_space(walker, PDF_GAP_TIGHT + 1), 0);
	g_string_free(markup, TRUE);
}

/* The verdict: the stage's badge and its tagline on one line. */
static void
pdf_verdict(struct pdf_walker *walker, xmlNodePtr group, double indent)
{
	xmlNodePtr chip = NULL, tagline = NULL;
	double measure = typeset_measure(walker->typeset) - indent, badge_height, badge_width;
	PangoLayout *layout = NULL;
	struct typeset_box *box;
	char *markup;

	for (xmlNodePtr child = group->children; child != NULL; child = child->next)
		if (xmlout_is(child, "chip") && chip == NULL)
			chip = child;
		else if (xmlout_is(child, "p") && tagline == NULL)
			tagline = child;
	if (chip == NULL)
		return;
	markup = pdf_markup(walker, chip);
	badge_width = pdf_badge(walker, NULL, markup, walker->brand->primary, STYLE_BADGE, 0, 0,
				measure / 2, &badge_height);
	if (tagline != NULL) {
		char *text = pdf_markup(walker, tagline);

		layout = typeset_layout(walker->typeset, &walker->styles[STYLE_TAGLINE], text,
					measure - badge_width - 14, 3, 0);
		g_free(text);
	}
	box = typeset_box(walker->typeset,
			  layout && typeset_height(layout) > badge_height ? typeset_height(layout)
									  : badge_height,
			  pdf_space(walker, PDF_GAP_BLOCK));
	typeset_keep_with_next(box);
	pdf_badge(walker, box, markup, pdf_stage_color(walker, xmlout_get(chip, "stage")),
		  STYLE_BADGE, indent, 0, measure / 2, &badge_height);
	if (layout != NULL) {
		typeset_show(box, layout, indent + badge_width + 14, 0, walker->muted);
		g_object_unref(layout);
	}
	g_free(markup);
	walker->gap_pending = PDF_GAP_BLOCK;
	for (xmlNodePtr child = group->children; child != NULL; child = child->next)
		if (xmlout_is(child, "p") && child != tagline)
			pdf_block_paragraph(walker, child, indent);
}

/* The table of contents: number, title and page of each section, each
 * row a link. */
struct pdf_toc_page {
	struct pdf_owned owned;
	struct pdf_walker *walker;
	char reference[32];
};

static void
pdf_toc_page_draw(cairo_t *cairo, double x, double y, double width, double height, void *data)
{
	struct pdf_toc_page *entry = data;
	struct pdf_walker *walker = entry->walker;
	char number[16];
	PangoLayout *layout;

	snprintf(number, sizeof number, "%d", typeset_page_of(walker->typeset, entry->reference));
	layout = typeset_layout(walker->typeset, &walker->styles[STYLE_TOC], number, 50, 0,
				TYPESET_RIGHT);
	draw_set_color(cairo, walker->muted, 1);
	cairo_move_to(cairo, x + width - 50, y + (height - typeset_height(layout)) / 2);
	pango_cairo_show_layout(cairo, layout);
	g_object_unref(layout);
}

static void
pdf_toc(struct pdf_walker *walker, xmlNodePtr toc, double indent)
{
	double measure = typeset_measure(walker->typeset) - indent;

	for (xmlNodePtr entry = toc->children; entry != NULL; entry = entry->next) {
		struct pdf_toc_page *page;
		PangoLayout *number, *title;
		struct typeset_box *box;
		char *markup;

		if (!xmlout_is(entry, "entry"))
			continue;
		number = typeset_layout(walker->typeset, &walker->styles[STYLE_TOC],
					xmlout_get(entry, "number"), 30, 0, 0);
		markup = pdf_markup(walker, entry);
		title = typeset_layout(walker->typeset, &walker->styles[STYLE_TOC], markup,
				       measure - 80, 0, 0);
		g_free(markup);
		box = typeset_box(walker->typeset, typeset_height(title) + 20, 0);
		typeset_show(box, number, indent, 10, walker->brand->accent);
		typeset_show(box, title, indent + 30, 10, walker->brand->text);
		typeset_line(box, indent, typeset_height(title) + 20, indent + measure,
			     typeset_height(title) + 20, PDF_RULE_WIDTH, walker->rule);
		typeset_link(box, xmlout_get(entry, "ref"), indent, 0, measure,
			     typeset_height(title) + 20);
		page = xcalloc(1, sizeof *page);
		page->owned.release = free;
		page->walker = walker;
		snprintf(page->reference, sizeof page->reference, "%s", xmlout_get(entry, "ref"));
		g_ptr_array_add(walker->owned, page);
		typeset_custom(box, pdf_toc_page_draw, page);
		g_object_unref(number);
		g_object_unref(title);
	}
	walker->gap_pending = 36;
}

void
pdf_walk_blocks(struct pdf_walker *walker, xmlNodePtr parent, double indent)
{
	size_t paragraph[PDF_CHART_INTRODUCTION], paragraphs = 0;

	for (xmlNodePtr node = parent->children; node != NULL; node = node->next) {
		size_t first = typeset_box_count(walker->typeset);

		pdf_walk_block(walker, node, indent);
		/* A chart stays on the page of the paragraphs just before it
		 * (at most PDF_CHART_INTRODUCTION), which say how to read it:
		 * a reader never turns the page from the key to the picture. */
		if (xmlout_is(node, "chart") && paragraphs > 0)
			typeset_keep_range(walker->typeset, paragraph[0]);
		if (!xmlout_is(node, "p")) {
			paragraphs = 0;
			continue;
		}
		if (paragraphs == PDF_CHART_INTRODUCTION) {
			memmove(paragraph, paragraph + 1, (paragraphs - 1) * sizeof *paragraph);
			paragraphs--;
		}
		paragraph[paragraphs++] = first;
	}
}

static void
pdf_walk_block(struct pdf_walker *walker, xmlNodePtr node, double indent)
{
	size_t first = typeset_box_count(walker->typeset);
	const char *role = xmlout_get(node, "role");

	if (xmlout_is(node, "p")) {
		pdf_block_paragraph(walker, node, indent);
	} else if (xmlout_is(node, "h")) {
		pdf_heading(walker, node, indent);
	} else if (xmlout_is(node, "list") && xmlout_get(node, "columns") != NULL) {
		typeset_columns(walker->typeset, (int)strtol(xmlout_get(node, "columns"), NULL, 10),
				PDF_COLUMN_GAP);
		pdf_list(walker, node, indent);
		typeset_columns(walker->typeset, 1, 0);
	} else if (xmlout_is(node, "list")) {
		pdf_list(walker, node, indent);
	} else if (xmlout_is(node, "facts")) {
		pdf_facts(walker, node, indent);
	} else if (xmlout_is(node, "tiles")) {
		pdf_tiles(walker, node, indent);
	} else if (xmlout_is(node, "table")) {
		pdf_table(walker, node, indent);
	} else if (xmlout_is(node, "chart")) {
		pdf_chart(walker, node);
	} else if (xmlout_is(node, "meter")) {
		pdf_meter(walker, node, indent);
	} else if (xmlout_is(node, "card")) {
		pdf_card(walker, node, indent);
	} else if (xmlout_is(node, "quote")) {
		pdf_quote(walker, node, indent);
	} else if (xmlout_is(node, "toc")) {
		pdf_toc(walker, node, indent);
	} else if (xmlout_is(node, "group") && role != NULL && strcmp(role, "verdict") == 0) {
		pdf_verdict(walker, node, indent);
	} else if (xmlout_is(node, "group") && xmlout_get(node, "columns") != NULL) {
		typeset_columns(walker->typeset, (int)strtol(xmlout_get(node, "columns"), NULL, 10),
				PDF_COLUMN_GAP);
		pdf_walk_blocks(walker, node, indent);
		typeset_columns(walker->typeset, 1, 0);
	} else if (xmlout_is(node, "group")) {
		const char *keep = xmlout_get(node, "keep");

		pdf_walk_blocks(walker, node, indent);
		if ((role != NULL && strcmp(role, "finding") == 0) ||
		    (keep != NULL && strcmp(keep, "together") == 0))
			typeset_keep_range(walker->typeset, first);
	} else if (xmlout_is(node, "pre")) {
		xmlChar *text = xmlNodeGetContent(node);
		char *escaped = g_markup_escape_text(text ? (const char *)text : "", -1);

		pdf_paragraph(walker, STYLE_SMALL, escaped, indent,
			      pdf_space(walker, PDF_GAP_PARAGRAPH), 0);
		g_free(escaped);
		xmlFree(text);
	} else if (xmlout_is(node, "rule")) {
		struct typeset_box *box =
			typeset_box(walker->typeset, 12, pdf_space(walker, PDF_GAP_PARAGRAPH));

		typeset_line(box, indent, 6, typeset_measure(walker->typeset), 6,
			     PDF_RULE_WIDTH, walker->rule);
	}
}

void
pdf_walk_section(struct pdf_walker *walker, xmlNodePtr section)
{
	const char *id = xmlout_get(section, "id");
	const char *page = xmlout_get(section, "break");
	struct typeset_box *first = NULL, *title_box = NULL, *box;
	double space = PDF_GAP_SECTION;

	for (xmlNodePtr child = section->children; child != NULL; child = child->next) {
		char *markup;

		if (!xmlout_is(child, "eyebrow") && !xmlout_is(child, "title"))
			continue;
		markup = pdf_markup(walker, child);
		box = pdf_paragraph(walker, xmlout_is(child, "eyebrow") ? STYLE_EYEBROW : STYLE_H1,
				    markup, 0, space, 1);
		g_free(markup);
		space = 4;
		if (first == NULL)
			first = box;
		if (xmlout_is(child, "title")) {
			xmlChar *text = xmlNodeGetContent(child);

			title_box = box;
			typeset_outline(box, 1, text ? (const char *)text : "", id);
			xmlFree(text);
		}
	}
	if (first == NULL)
		return;
	typeset_destination(title_box != NULL ? title_box : first, id);
	if (page != NULL && strcmp(page, "page") == 0)
		typeset_break_before(first);
	box = typeset_box(walker->typeset, 10.5, 0);
	typeset_rounded(box, 0, 8, 28, 2.5, 1.25, walker->brand->accent);
	typeset_keep_with_next(box);
	walker->gap_pending = 18;
	pdf_walk_blocks(walker, section, 0);
}
