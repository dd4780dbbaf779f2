/* What the PDF renderer's two files share: the walker's state and its
 * type scale.  pdf.c sets up the page, the cover and the running header
 * and footer; pdf_walk.c maps the document's blocks onto typesetter
 * boxes.  Private to pdf*.c. */
#ifndef MATURITY_PDF_PARTS_H
#define MATURITY_PDF_PARTS_H

#include <cairo.h>
#include <glib.h>
#include <libxml/tree.h>

#include "brand.h"
#include "typeset.h"

struct chart_cache;

/* The type scale: 22 / 14 / 11 / 10 / 8.5 points and a few special sizes. */
enum pdf_style {
	STYLE_BODY,
	STYLE_COMPACT,
	STYLE_FINE,
	STYLE_LEAD,
	STYLE_INSIGHT,
	STYLE_TAGLINE,
	STYLE_SMALL,
	STYLE_EYEBROW,
	STYLE_H1,
	STYLE_H2,
	STYLE_H3,
	STYLE_ROW,
	STYLE_TOC,
	STYLE_HEADER,
	STYLE_BADGE,
	STYLE_BADGE_SMALL,
	STYLE_STAT,
	STYLE_STAT_SMALL,
	STYLE_COVER_NAME,
	STYLE_COVER_SUBTITLE,
	STYLE_DISC,
	STYLE_COUNT,
};

/* Geometry, in points. */
#define PDF_MARGIN_SIDE 60.0     /* left and right edges of the text block */
#define PDF_MARGIN_TOP 80.0      /* the text block starts below the running header */
#define PDF_MARGIN_BOTTOM 76.0   /* and ends above the running footer */
#define PDF_LIST_INDENT 18.0     /* hanging indent of a list item */
#define PDF_ACTION_INDENT 32.0   /* hanging indent of a roadmap action */
#define PDF_COLUMN_GAP 20.0     /* between the columns of a run set in columns */
#define PDF_CHART_INTRODUCTION 3 /* paragraphs before a chart kept on its page */
#define PDF_BAR_HEIGHT 6.0
#define PDF_RULE_WIDTH 0.5

/* Vertical rhythm: space before a block, none at the top of a page. */
#define PDF_GAP_TIGHT 3.0
#define PDF_GAP_PARAGRAPH 8.0
#define PDF_GAP_BLOCK 14.0
#define PDF_GAP_HEADING 20.0
#define PDF_GAP_SECTION 26.0

struct pdf_walker {
	struct typeset *typeset;
	const struct brand *brand;
	xmlNodePtr palette;           /* the document's stage colours */
	struct typeset_style styles[STYLE_COUNT];
	struct brand_color muted;     /* secondary text */
	struct brand_color rule;      /* hairlines */
	struct brand_color track;     /* empty bars and panels */
	struct chart_cache *chart;
	GPtrArray *owned;             /* what drawing callbacks read, freed with the walker */
	double notches[16];           /* the stages' thresholds on the 1-4 bar, 0.0-1.0 */
	size_t notch_count;
	int heading_count;            /* names the destinations of subheadings */
	int gap_pending;              /* the next block's space before, points */
	int compact;                  /* in a long list (the appendix's answers): smaller text */
};

/* What a drawing callback reads, kept until the document is drawn: each
 * such struct starts with this, and is freed by release. */
struct pdf_owned {
	void (*release)(void *owned);
};

/* An array of struct pdf_owned, releasing each when it is freed. */
GPtrArray *pdf_owned_new(void);

/* The colour of stage index from the document's palette. */
struct brand_color pdf_stage_color(const struct pdf_walker *walker, const char *index);

/* The inline content of node as Pango markup: text escaped, emphasis
 * kept, chips, changes and flags coloured.  Free with g_free. */
char *pdf_markup(const struct pdf_walker *walker, xmlNodePtr node);

/* A paragraph of markup in style, indent points from the left edge;
 * returns its first line's box. */
struct typeset_box *pdf_paragraph(struct pdf_walker *walker, enum pdf_style style,
				  const char *markup, double indent, double space_before, int keep);

/* A pill of label in color, its top-left at (x, y) of box; returns its
 * width and stores its height.  box NULL only measures. */
double pdf_badge(struct pdf_walker *walker, struct typeset_box *box, const char *markup,
		 struct brand_color color, enum pdf_style style, double x, double y,
		 double max_width, double *height);

/* Text that reads on a background of color: white or the brand's text. */
struct brand_color pdf_text_on(const struct pdf_walker *walker, struct brand_color color);

/* Appends text to markup, escaped. */
void pdf_append_text(GString *markup, const char *text);

/* Space before the next block: what it asks for (wanted, points), or what
 * the block before asked to leave, such as less right after a heading. */
double pdf_space(struct pdf_walker *walker, double wanted);

/* The figures (pdf_figures.c), indent points from the left edge: key
 * figures on cards, a table, the chart, a scored row. */
void pdf_tiles(struct pdf_walker *walker, xmlNodePtr tiles, double indent);
void pdf_table(struct pdf_walker *walker, xmlNodePtr table, double indent);
void pdf_chart(struct pdf_walker *walker, xmlNodePtr chart);
void pdf_meter(struct pdf_walker *walker, xmlNodePtr meter, double indent);

/* The blocks under parent (a section, an item, a card), indent points
 * from the left edge. */
void pdf_walk_blocks(struct pdf_walker *walker, xmlNodePtr parent, double indent);

/* A numbered section: its title, as a destination and outline entry,
 * then its blocks. */
void pdf_walk_section(struct pdf_walker *walker, xmlNodePtr section);

#endif
