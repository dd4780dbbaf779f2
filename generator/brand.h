/* A brand: how a report looks for one client.  Organisation, logo,
 * colours, fonts, footer and paper size, read from a brand XML file. */
#ifndef MATURITY_BRAND_H
#define MATURITY_BRAND_H

#include <cairo.h>
#include <stddef.h>

struct diag;

struct brand_color {
	double red, green, blue;  /* 0.0-1.0 */
	char hex[8];              /* "#rrggbb" */
};

enum brand_paper { PAPER_A4, PAPER_LETTER };

struct brand {
	char *path;
	char *organization;
	char *report_title;       /* e.g. "Customer Success Maturity Report" */
	unsigned char *logo_png;  /* the logo file's bytes, NULL when none */
	size_t logo_png_size;
	int logo_width;           /* pixels */
	int logo_height;
	struct brand_color primary;
	struct brand_color accent;
	struct brand_color text;
	struct brand_color *stage_colors; /* at least 2, lowest stage first */
	size_t stage_color_count;
	char *heading_font;       /* fontconfig family names */
	char *body_font;
	char *footer;
	char *confidentiality;
	enum brand_paper paper;
	double page_width;        /* points: 595.28 x 841.89 for A4, 612 x 792 for Letter */
	double page_height;
};

/* Reads the brand file at path (schema brand.rng in schema_folder) and its
 * logo: a PNG of at most 4 MiB and 4096 x 4096 pixels, read from the
 * brand file's folder or below it (no "..", absolute path or symbolic
 * link) unless allow_any_path.  Returns the brand (free with brand_free)
 * or NULL after reporting every problem, each naming the file. */
struct brand *brand_load(const char *path, const char *schema_folder, int allow_any_path,
			 struct diag *diag);

void brand_free(struct brand *brand);

/* The logo's bytes decoded: a new image surface (destroy it), in an error
 * status when the bytes are not a PNG or there is no logo. */
cairo_surface_t *brand_logo_decode(const struct brand *brand);

/* The colour of stage index (0-based) of stage_count stages: the brand's
 * stage colours spread over the stages, blended where a pack has more
 * stages than the brand has colours. */
struct brand_color brand_stage_color(const struct brand *brand, size_t stage,
				     size_t stage_count);

/* Parses "#rrggbb".  Returns 0, or -1 when text is not such a colour. */
int brand_parse_color(const char *text, struct brand_color *color);

#endif
