/* Unit tests of the drawing primitives: colour arithmetic, and what a bar,
 * a rounded box and a disc put on a surface, read back pixel by pixel. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "draw.h"

static const struct brand_color red = { 1, 0, 0, "#ff0000" };
static const struct brand_color blue = { 0, 0, 1, "#0000ff" };
static const struct brand_color grey = { 0.5, 0.5, 0.5, "#808080" };

/* The pixel at (x, y) of an ARGB32 surface as 0xAARRGGBB. */
static uint32_t
pixel(cairo_surface_t *surface, int x, int y)
{
	unsigned char *data;

	cairo_surface_flush(surface);
	data = cairo_image_surface_get_data(surface);
	return *(uint32_t *)(data + y * cairo_image_surface_get_stride(surface) + x * 4);
}

static void
test_mix_and_contrast(void **state)
{
	struct brand_color half = draw_mix(red, blue, 0.5);

	(void)state;
	assert_true(half.red == 0.5 && half.green == 0 && half.blue == 0.5);
	assert_string_equal(half.hex, "#800080");
	assert_string_equal(draw_mix(red, blue, 0).hex, "#ff0000");
	assert_string_equal(draw_mix(red, blue, 1).hex, "#0000ff");
	assert_string_equal(draw_white().hex, "#ffffff");
	assert_true(draw_is_dark(blue));
	assert_false(draw_is_dark(draw_white()));
	assert_false(draw_is_dark((struct brand_color){ 0.9, 0.8, 0.2, "#e6cc33" }));
}

static void
test_bar_fills_to_its_fraction_with_notches(void **state)
{
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 200, 20);
	cairo_t *cairo = cairo_create(surface);
	const double notches[] = { 150.5 / 200 }; /* a notch 1.5 wide covers pixel 150 whole */

	(void)state;
	draw_bar(cairo, 0, 0, 200, 20, 0.5, red, grey, notches, 1);
	assert_int_equal(pixel(surface, 50, 10), 0xffff0000);   /* filled */
	assert_int_equal(pixel(surface, 120, 10), 0xff808080);  /* the track */
	assert_int_equal(pixel(surface, 150, 10), 0xffffffff);  /* the notch */
	assert_int_equal(pixel(surface, 0, 0), 0x00000000);     /* a rounded end */
	cairo_destroy(cairo);
	cairo_surface_destroy(surface);
}

static void
test_rounded_and_disc(void **state)
{
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 100, 100);
	cairo_t *cairo = cairo_create(surface);

	(void)state;
	draw_rounded(cairo, 0, 0, 100, 50, 20, blue);
	assert_int_equal(pixel(surface, 50, 25), 0xff0000ff);
	assert_int_equal(pixel(surface, 1, 1), 0x00000000);     /* outside the corner */
	draw_rounded(cairo, 0, 60, 0, 40, 5, blue);             /* no width: nothing */
	assert_int_equal(pixel(surface, 0, 80), 0x00000000);
	draw_disc(cairo, 50, 80, 10, red);
	assert_int_equal(pixel(surface, 50, 80), 0xffff0000);
	assert_int_equal(pixel(surface, 50, 95), 0x00000000);
	cairo_destroy(cairo);
	cairo_surface_destroy(surface);
}

static void
test_image_keeps_its_aspect(void **state)
{
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 100, 100);
	cairo_surface_t *image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 20, 10);
	cairo_t *cairo = cairo_create(image);

	(void)state;
	cairo_set_source_rgb(cairo, 0, 1, 0);
	cairo_paint(cairo);
	cairo_destroy(cairo);
	cairo = cairo_create(surface);
	/* 20 x 10 into a 100 x 100 box: 100 x 50, centred from y = 25. */
	draw_image(cairo, image, 0, 0, 100, 100);
	assert_int_equal(pixel(surface, 50, 50), 0xff00ff00);
	assert_int_equal(pixel(surface, 50, 10), 0x00000000);
	assert_int_equal(pixel(surface, 50, 90), 0x00000000);
	cairo_destroy(cairo);
	cairo_surface_destroy(image);
	cairo_surface_destroy(surface);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mix_and_contrast),
		cmocka_unit_test(test_bar_fills_to_its_fraction_with_notches),
		cmocka_unit_test(test_rounded_and_disc),
		cmocka_unit_test(test_image_keeps_its_aspect),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
