/* Unit tests of the radar chart: what it is given, its text as SVG text,
 * its outline drawn on any surface, and its PNG. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "brand.h"
#include "chart.h"
#include "diag.h"
#include "fonts.h"
#include "outfile.h"
#include "xalloc.h"

enum { AXES = 6 };

static const char *const labels[AXES] = { "Alpha", "Bravo", "Charlie", "Delta", "Echo",
					  "Foxtrot" };
static struct brand *brand;

static int
setup(void **state)
{
	struct diag diag;

	(void)state;
	diag_init(&diag, stderr);
	brand = brand_load("templates/brand.xml", "content/schema", 0, &diag);
	if (brand == NULL)
		return -1;
	return fonts_configure("fonts", (const char *const[]){ brand->body_font }, 1, &diag);
}

static int
teardown(void **state)
{
	(void)state;
	brand_free(brand);
	return 0;
}

/* A chart of AXES axes with one current outline of values. */
static void
chart_of(struct chart_input *input, const double *values)
{
	struct chart_series *series;

	chart_input_init(input, AXES);
	for (size_t axis = 0; axis < AXES; axis++)
		input->labels[axis] = labels[axis];
	input->stage_count = 3;
	input->missing_label = "not assessed";
	series = chart_input_add_series(input, CHART_CURRENT, "This team");
	for (size_t axis = 0; axis < AXES; axis++)
		series->values[axis] = values[axis];
}

static void
test_series_limit(void **state)
{
	struct chart_input input;

	(void)state;
	chart_input_init(&input, AXES);
	for (size_t index = 0; index < CHART_SERIES_MAX; index++) {
		struct chart_series *series = chart_input_add_series(&input, CHART_PREVIOUS, "x");

		assert_non_null(series);
		for (size_t axis = 0; axis < AXES; axis++)
			assert_true(series->values[axis] < 0);
	}
	assert_null(chart_input_add_series(&input, CHART_BENCHMARK, "one too many"));
	assert_int_equal(input.series_count, CHART_SERIES_MAX);
	chart_input_release(&input);
}

/* Whether the SVG holds a <text> element reading text. */
static int
has_text(xmlDocPtr document, const char *text)
{
	for (xmlNodePtr node = xmlDocGetRootElement(document)->children; node != NULL;
	     node = node->next) {
		xmlChar *content;
		int same;

		if (node->type != XML_ELEMENT_NODE || strcmp((const char *)node->name, "text") != 0)
			continue;
		content = xmlNodeGetContent(node);
		same = content != NULL && strcmp((const char *)content, text) == 0;
		xmlFree(content);
		if (same)
			return 1;
	}
	return 0;
}

/* In SVG the words are text, not outlines: each axis's label, each
 * score, and the missing label where an axis has no value. */
static void
test_svg_text(void **state)
{
	static const double values[AXES] = { 2.5, 3, 1.25, -1, 4, 1 };
	static const char *const expected[] = { "Alpha", "Bravo", "Charlie", "Delta", "Echo",
						"Foxtrot", "2.50", "3.00", "1.25", "4.00",
						"1.00", "not assessed" };
	struct chart_input input;
	struct diag diag;
	xmlDocPtr document;

	(void)state;
	chart_of(&input, values);
	diag_init(&diag, stderr);
	document = chart_svg(&input, brand, NULL, 400, 300, "chart", &diag);
	assert_non_null(document);
	assert_string_equal((const char *)xmlDocGetRootElement(document)->name, "svg");
	for (size_t index = 0; index < sizeof expected / sizeof *expected; index++)
		if (!has_text(document, expected[index]))
			fail_msg("no <text> \"%s\" in the chart", expected[index]);
	assert_false(has_text(document, "-1.00"));
	xmlFreeDoc(document);
	chart_input_release(&input);
}

/* The pixel at (x, y) of a chart with values drawn on a 300 x 300 image,
 * as 0xRRGGBB. */
static uint32_t
pixel(const double *values, int x, int y)
{
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 300, 300);
	cairo_t *cairo = cairo_create(surface);
	struct chart_input input;
	uint32_t color;

	cairo_set_source_rgb(cairo, 1, 1, 1);
	cairo_paint(cairo);
	chart_of(&input, values);
	chart_draw(cairo, &input, brand, NULL, 0, 0, 300, 300);
	cairo_surface_flush(surface);
	color = ((uint32_t *)(void *)cairo_image_surface_get_data(surface))
			[y * cairo_image_surface_get_stride(surface) / 4 + x] & 0xffffff;
	chart_input_release(&input);
	cairo_destroy(cairo);
	cairo_surface_destroy(surface);
	return color;
}

/* The outline is filled inside the scores: a point between the rings of
 * 2 and 3 on every axis is covered at 4 and not at 1, whatever surface
 * the chart is drawn on.  The scan finds where the two drawings differ
 * on the way from the centre up the first axis. */
static void
test_outline_fills(void **state)
{
	static const double high[AXES] = { 4, 4, 4, 4, 4, 4 };
	static const double low[AXES] = { 1, 1, 1, 1, 1, 1 };
	int differ = 0;

	(void)state;
	for (int y = 150; y > 40 && !differ; y -= 10)
		differ = pixel(high, 153, y) != pixel(low, 153, y);
	assert_true(differ);
	/* Far in a corner, outside every ring, nothing is drawn. */
	assert_int_equal(pixel(high, 2, 298), 0xffffff);
}

static void
test_png(void **state)
{
	static const double values[AXES] = { 2, 2, 2, 2, 2, 2 };
	char folder_path[] = "/tmp/maturity-chart-XXXXXX";
	struct outfile_folder *folder;
	struct chart_input input;
	struct diag diag;
	cairo_surface_t *png;
	char *path;

	(void)state;
	assert_non_null(mkdtemp(folder_path));
	diag_init(&diag, stderr);
	folder = outfile_folder_open(folder_path, &diag);
	chart_of(&input, values);
	assert_int_equal(chart_write_png(folder, "chart.png", &input, brand, 260, 205, 2, &diag), 0);
	path = xasprintf("%s/chart.png", folder_path);
	png = cairo_image_surface_create_from_png(path);
	assert_int_equal(cairo_surface_status(png), CAIRO_STATUS_SUCCESS);
	assert_int_equal(cairo_image_surface_get_width(png), 520);
	assert_int_equal(cairo_image_surface_get_height(png), 410);
	cairo_surface_destroy(png);
	unlink(path);
	rmdir(folder_path);
	free(path);
	chart_input_release(&input);
	outfile_folder_close(folder);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_series_limit),
		cmocka_unit_test(test_svg_text),
		cmocka_unit_test(test_outline_fills),
		cmocka_unit_test(test_png),
	};

	return cmocka_run_group_tests_name("chart", tests, setup, teardown);
}
