/* Loading a brand file and its logo; see brand.h. */
#include "brand.h"

#include "diag.h"
#include "infile.h"
#include "xalloc.h"
#include "xmlinput.h"

#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	BRAND_MAX_BYTES = 256 * 1024,
	BRAND_LOGO_MAX_BYTES = 4 * 1024 * 1024,
	BRAND_LOGO_MAX_PIXELS = 16 * 1024 * 1024,  /* 4096 x 4096: 64 MiB decoded */
};

int
brand_parse_color(const char *text, struct brand_color *color)
{
	unsigned value = 0;

	if (text == NULL || strlen(text) != 7 || text[0] != '#')
		return -1;
	for (int index = 1; index < 7; index++) {
		char c = text[index];
		unsigned digit;

		if (c >= '0' && c <= '9')
			digit = (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			digit = (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			digit = (unsigned)(c - 'A' + 10);
		else
			return -1;
		value = value * 16 + digit;
	}
	color->red = ((value >> 16) & 0xff) / 255.0;
	color->green = ((value >> 8) & 0xff) / 255.0;
	color->blue = (value & 0xff) / 255.0;
	snprintf(color->hex, sizeof color->hex, "#%06x", value);
	return 0;
}

/* Reads a colour attribute, reporting one that does not parse. */
static int
brand_color_attribute(const char *path, xmlNodePtr node, const char *name,
		      struct brand_color *color, struct diag *diag)
{
	char *text = xmlinput_attribute(node, name);
	int result = brand_parse_color(text, color);

	if (result != 0)
		diag_error(diag, path, xmlGetLineNo(node),
			   "colour %s=\"%s\" is not a colour written #rrggbb", name, text ? text : "");
	free(text);
	return result;
}

/* Reads a PNG through cairo, which also tells its size. */
struct brand_png_reader {
	const unsigned char *data;
	size_t length;
	size_t offset;
};

static cairo_status_t
brand_png_read(void *closure, unsigned char *data, unsigned int length)
{
	struct brand_png_reader *reader = closure;

	if (reader->length - reader->offset < length)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, reader->data + reader->offset, length);
	reader->offset += length;
	return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
brand_logo_decode(const struct brand *brand)
{
	struct brand_png_reader reader = { brand->logo_png, brand->logo_png_size, 0 };

	if (brand->logo_png == NULL)
		return cairo_image_surface_create(CAIRO_FORMAT_INVALID, 0, 0);
	return cairo_image_surface_create_from_png_stream(brand_png_read, &reader);
}

/* The PNG's size from its header (the signature, then IHDR's width and
 * height, big-endian), read before anything is decoded.  Returns 0, or -1
 * when the bytes do not start as a PNG does. */
static int
brand_png_size(const unsigned char *data, size_t length, unsigned long *width,
	       unsigned long *height)
{
	static const unsigned char signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	if (length < 24 || memcmp(data, signature, 8) != 0 || memcmp(data + 12, "IHDR", 4) != 0)
		return -1;
	*width = (unsigned long)data[16] << 24 | (unsigned long)data[17] << 16 |
		 (unsigned long)data[18] << 8 | data[19];
	*height = (unsigned long)data[20] << 24 | (unsigned long)data[21] << 16 |
		  (unsigned long)data[22] << 8 | data[23];
	return 0;
}

/* Opens the logo: a relative path inside the brand file's folder, unless
 * the user allowed any path.  Returns a descriptor or -1 (reported). */
static int
brand_open_logo(const struct brand *brand, const char *logo, long line, int allow_any_path,
		struct diag *diag)
{
	const char *slash = strrchr(brand->path, '/');
	char *folder = slash != NULL ? xstrndup(brand->path, (size_t)(slash - brand->path))
				     : xstrdup(".");
	int descriptor;

	if (slash == brand->path)
		strcpy(folder, "/");
	if (allow_any_path) {
		char *path = logo[0] == '/' ? xstrdup(logo) : xasprintf("%s/%s", folder, logo);

		descriptor = infile_open(path, INFILE_FOLLOW, diag);
		free(path);
	} else {
		descriptor = infile_open_beneath(folder, logo, diag);
		if (descriptor == INFILE_OUTSIDE)
			diag_error(diag, brand->path, line,
				   "logo \"%s\" is not in the brand file's folder: a logo is read from "
				   "there or below, never through a link (--allow-brand-path allows any "
				   "file)",
				   logo);
	}
	free(folder);
	return descriptor;
}

static int
brand_load_logo(struct brand *brand, const char *logo, long line, int allow_any_path,
		struct diag *diag)
{
	cairo_surface_t *surface;
	unsigned long width, height;
	size_t length;
	int descriptor = brand_open_logo(brand, logo, line, allow_any_path, diag);

	if (descriptor == INFILE_OUTSIDE)
		return -1;
	if (descriptor >= 0)
		brand->logo_png = (unsigned char *)infile_read_descriptor(
			descriptor, logo, BRAND_LOGO_MAX_BYTES, &length, diag);
	if (brand->logo_png == NULL) {
		diag_error(diag, brand->path, line, "logo \"%s\" cannot be read", logo);
		return -1;
	}
	brand->logo_png_size = length;
	/* The size from the header first: a small file can decode to gigabytes. */
	if (brand_png_size(brand->logo_png, length, &width, &height) != 0) {
		diag_error(diag, brand->path, line, "logo \"%s\" is not a PNG image", logo);
		return -1;
	}
	if (width == 0 || height == 0 || width > BRAND_LOGO_MAX_PIXELS ||
	    height > BRAND_LOGO_MAX_PIXELS || width * height > BRAND_LOGO_MAX_PIXELS) {
		diag_error(diag, brand->path, line,
			   "logo \"%s\" is %lu by %lu pixels, over the limit of %d pixels "
			   "(4096 by 4096)",
			   logo, width, height, BRAND_LOGO_MAX_PIXELS);
		return -1;
	}
	surface = brand_logo_decode(brand);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		diag_error(diag, brand->path, line, "logo \"%s\" is not a PNG image", logo);
		cairo_surface_destroy(surface);
		return -1;
	}
	brand->logo_width = cairo_image_surface_get_width(surface);
	brand->logo_height = cairo_image_surface_get_height(surface);
	cairo_surface_destroy(surface);
	return 0;
}

struct brand *
brand_load(const char *path, const char *schema_folder, int allow_any_path, struct diag *diag)
{
	char *schema_path = xasprintf("%s/brand.rng", schema_folder);
	xmlRelaxNGPtr schema = xmlinput_schema_load(schema_path, diag);
	struct brand *brand;
	xmlDocPtr document = NULL;
	size_t length;
	char *data;
	int failed = 0;

	free(schema_path);
	if (schema == NULL)
		return NULL;
	/* The user named the brand file: a link to it is followed. */
	data = infile_read(path, INFILE_FOLLOW, BRAND_MAX_BYTES, &length, diag);
	if (data != NULL)
		document = xmlinput_parse(path, data, length, schema, diag);
	free(data);
	xmlRelaxNGFree(schema);
	if (document == NULL)
		return NULL;

	brand = xcalloc(1, sizeof *brand);
	brand->path = xstrdup(path);
	for (xmlNodePtr node = xmlinput_element(xmlDocGetRootElement(document)->children);
	     node != NULL; node = xmlinput_element(node->next)) {
		if (xmlinput_is(node, "organization")) {
			brand->organization = xmlinput_text(node);
		} else if (xmlinput_is(node, "title")) {
			brand->report_title = xmlinput_text(node);
		} else if (xmlinput_is(node, "logo")) {
			char *logo = xmlinput_text(node);

			failed |= logo == NULL || brand_load_logo(brand, logo, xmlGetLineNo(node),
								  allow_any_path, diag) != 0;
			free(logo);
		} else if (xmlinput_is(node, "colors")) {
			failed |= brand_color_attribute(path, node, "primary", &brand->primary, diag) != 0;
			failed |= brand_color_attribute(path, node, "accent", &brand->accent, diag) != 0;
			failed |= brand_color_attribute(path, node, "text", &brand->text, diag) != 0;
			for (xmlNodePtr stage = xmlinput_element(node->children); stage != NULL;
			     stage = xmlinput_element(stage->next)) {
				char *text = xmlinput_text(stage);
				struct brand_color color;

				if (brand_parse_color(text, &color) != 0) {
					diag_error(diag, path, xmlGetLineNo(stage),
						   "stage colour \"%s\" is not a colour written #rrggbb",
						   text ? text : "");
					failed = 1;
				} else {
					brand->stage_colors = xreallocarray(brand->stage_colors,
									    brand->stage_color_count + 1,
									    sizeof *brand->stage_colors);
					brand->stage_colors[brand->stage_color_count++] = color;
				}
				free(text);
			}
		} else if (xmlinput_is(node, "fonts")) {
			brand->heading_font = xmlinput_attribute(node, "heading");
			brand->body_font = xmlinput_attribute(node, "body");
		} else if (xmlinput_is(node, "footer")) {
			brand->footer = xmlinput_text(node);
		} else if (xmlinput_is(node, "confidentiality")) {
			brand->confidentiality = xmlinput_text(node);
		} else if (xmlinput_is(node, "paper")) {
			char *paper = xmlinput_text(node);

			if (paper != NULL && strcmp(paper, "letter") == 0) {
				brand->paper = PAPER_LETTER;
			} else if (paper != NULL && strcmp(paper, "a4") == 0) {
				brand->paper = PAPER_A4;
			} else {
				diag_error(diag, path, xmlGetLineNo(node),
					   "paper \"%s\" must be a4 or letter", paper ? paper : "");
				failed = 1;
			}
			free(paper);
		}
	}
	xmlFreeDoc(document);
	brand->page_width = brand->paper == PAPER_LETTER ? 612.0 : 595.28;
	brand->page_height = brand->paper == PAPER_LETTER ? 792.0 : 841.89;
	if (failed || brand->stage_color_count < 2) {
		brand_free(brand);
		return NULL;
	}
	return brand;
}

void
brand_free(struct brand *brand)
{
	if (brand == NULL)
		return;
	free(brand->path);
	free(brand->organization);
	free(brand->report_title);
	free(brand->logo_png);
	free(brand->stage_colors);
	free(brand->heading_font);
	free(brand->body_font);
	free(brand->footer);
	free(brand->confidentiality);
	free(brand);
}

struct brand_color
brand_stage_color(const struct brand *brand, size_t stage, size_t stage_count)
{
	double position, blend;
	size_t low;
	struct brand_color color;
	unsigned red, green, blue;

	if (stage_count <= 1)
		return brand->stage_colors[0];
	/* Where the stage falls along the brand's colours, 0 .. count-1. */
	position = (double)stage * (double)(brand->stage_color_count - 1) / (double)(stage_count - 1);
	low = (size_t)position;
	if (low >= brand->stage_color_count - 1)
		return brand->stage_colors[brand->stage_color_count - 1];
	blend = position - (double)low;
	red = (unsigned)(255 * ((1 - blend) * brand->stage_colors[low].red +
				blend * brand->stage_colors[low + 1].red) + 0.5);
	green = (unsigned)(255 * ((1 - blend) * brand->stage_colors[low].green +
				  blend * brand->stage_colors[low + 1].green) + 0.5);
	blue = (unsigned)(255 * ((1 - blend) * brand->stage_colors[low].blue +
				 blend * brand->stage_colors[low + 1].blue) + 0.5);
	color.red = red / 255.0;
	color.green = green / 255.0;
	color.blue = blue / 255.0;
	snprintf(color.hex, sizeof color.hex, "#%02x%02x%02x", red, green, blue);
	return color;
}
