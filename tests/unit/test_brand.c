/* Unit tests of brands: the file read whole or refused with its line,
 * colours parsed strictly, stage colours spread over any pack's stages,
 * and the logo read only from the brand's folder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brand.h"
#include "diag.h"

/* Each brand file of the fixtures: loaded, or refused with the message
 * given (the first line said). */
static void
test_brand_files(void **state)
{
	static const struct {
		const char *file;
		int allow_any_path;
		const char *message;  /* NULL: it loads */
	} cases[] = {
		{ "good.xml", 0, NULL },
		{ "bad-colour.xml", 0, "bad-colour.xml:7: error: colour primary=\"navy\" is not a colour written #rrggbb" },
		{ "bad-paper.xml", 0, "bad-paper.xml:15: error: paper \"a3\" must be a4 or letter" },
		{ "bad-stage-colour.xml", 0, "bad-stage-colour.xml:9: error: stage colour \"#b7791\" is not a colour" },
		{ "logo-not-png.xml", 0, "logo-not-png.xml:6: error: logo \"good.xml\" is not a PNG image" },
		{ "logo-outside.xml", 0, "logo-outside.xml:6: error: logo \"../../../templates/logo.png\" is not in the brand file's folder" },
		{ "logo-outside.xml", 1, NULL },
		{ "logo-bomb.xml", 0, "logo-bomb.xml:6: error: logo \"bomb.png\" is 20000 by 20000 pixels, over the limit of 16777216 pixels" },
		{ "malformed.xml", 0, "malformed.xml:17: error: " },
		{ "missing-logo.xml", 0, "no-such-logo.png: error: cannot open" },
	};

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof *cases; index++) {
		char path[128], *messages = NULL;
		size_t size = 0;
		FILE *stream = open_memstream(&messages, &size);
		struct diag diag;
		struct brand *brand;

		snprintf(path, sizeof path, "tests/fixtures/brands/%s", cases[index].file);
		diag_init(&diag, stream);
		brand = brand_load(path, "content/schema", cases[index].allow_any_path, &diag);
		fclose(stream);
		if (cases[index].message == NULL) {
			if (brand == NULL)
				fail_msg("%s: %s", cases[index].file, messages);
		} else {
			assert_null(brand);
			if (strstr(messages, cases[index].message) == NULL)
				fail_msg("%s: expected \"%s\" in:\n%s", cases[index].file,
					 cases[index].message, messages);
		}
		brand_free(brand);
		free(messages);
	}
}

/* What a good brand holds. */
static void
test_good_brand(void **state)
{
	struct diag diag;
	struct brand *brand;

	(void)state;
	diag_init(&diag, stderr);
	brand = brand_load("tests/fixtures/brands/good.xml", "content/schema", 0, &diag);
	assert_non_null(brand);
	assert_string_equal(brand->organization, "Customer Success Maturity");
	assert_string_equal(brand->primary.hex, "#1f3a5f");
	assert_true(brand->primary.red == 0x1f / 255.0);
	assert_int_equal(brand->stage_color_count, 3);
	assert_int_equal(brand->paper, PAPER_A4);
	assert_true(brand->page_width == 595.28 && brand->page_height == 841.89);
	assert_non_null(brand->logo_png);
	assert_true(brand->logo_width > 0 && brand->logo_height > 0);
	brand_free(brand);
}

static void
test_parse_color(void **state)
{
	static const struct {
		const char *text;
		int valid;
		double red, green, blue;
	} cases[] = {
		{ "#000000", 1, 0, 0, 0 },
		{ "#ff8000", 1, 1, 128 / 255.0, 0 },
		{ "#FF8000", 1, 1, 128 / 255.0, 0 },
		{ "#ff800", 0, 0, 0, 0 },
		{ "#ff80000", 0, 0, 0, 0 },
		{ "ff8000", 0, 0, 0, 0 },
		{ "#gg8000", 0, 0, 0, 0 },
		{ "navy", 0, 0, 0, 0 },
		{ "", 0, 0, 0, 0 },
	};

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof *cases; index++) {
		struct brand_color color;
		int result = brand_parse_color(cases[index].text, &color);

		if (!cases[index].valid) {
			assert_int_equal(result, -1);
			continue;
		}
		assert_int_equal(result, 0);
		assert_true(color.red == cases[index].red && color.green == cases[index].green &&
			    color.blue == cases[index].blue);
	}
}

/* A brand's stage colours spread over a pack's stages: the ends are the
 * brand's first and last colours, a stage between two colours a blend. */
static void
test_stage_colors(void **state)
{
	static const struct {
		size_t stage, stage_count;
		const char *hex;
	} cases[] = {
		{ 0, 3, "#000000" }, { 1, 3, "#808080" }, { 2, 3, "#ffffff" },
		{ 0, 5, "#000000" }, { 1, 5, "#404040" }, { 2, 5, "#808080" },
		{ 3, 5, "#c0c0c0" }, { 4, 5, "#ffffff" }, { 0, 1, "#000000" },
		{ 1, 2, "#ffffff" },
	};
	struct brand_color colors[3];
	struct brand brand = { .stage_colors = colors, .stage_color_count = 3 };

	(void)state;
	assert_int_equal(brand_parse_color("#000000", &colors[0]), 0);
	assert_int_equal(brand_parse_color("#808080", &colors[1]), 0);
	assert_int_equal(brand_parse_color("#ffffff", &colors[2]), 0);
	for (size_t index = 0; index < sizeof cases / sizeof *cases; index++) {
		struct brand_color color = brand_stage_color(&brand, cases[index].stage,
							     cases[index].stage_count);

		assert_string_equal(color.hex, cases[index].hex);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_brand_files),
		cmocka_unit_test(test_good_brand),
		cmocka_unit_test(test_parse_color),
		cmocka_unit_test(test_stage_colors),
	};

	return cmocka_run_group_tests_name("brand", tests, NULL, NULL);
}
