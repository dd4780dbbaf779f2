/* Unit tests of the typesetter's page breaking: boxes stack down a page,
 * space vanishes at the top of a page, kept boxes move together, long
 * chains break where they must, paragraphs keep two lines on each side of
 * a break, runs of columns fill one column after another, and a run
 * that fits what is left of a page is shared evenly between its columns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "typeset.h"

/* A page whose text block is 100 points tall and 200 wide. */
static struct typeset *
page_of_100(void)
{
	return typeset_new(NULL, 300, 200, 50, 250, 50, 150);
}

static int
page(const struct typeset_box *box)
{
	int number;
	double top, left;

	typeset_box_place(box, &number, &top, &left);
	return number;
}

static double
top(const struct typeset_box *box)
{
	int number;
	double value, left;

	typeset_box_place(box, &number, &value, &left);
	return value;
}

static double
left(const struct typeset_box *box)
{
	int number;
	double top_edge, value;

	typeset_box_place(box, &number, &top_edge, &value);
	return value;
}

static void
test_boxes_stack_and_break(void **state)
{
	struct typeset *typeset = page_of_100();
	struct typeset_box *a = typeset_box(typeset, 40, 0);
	struct typeset_box *b = typeset_box(typeset, 40, 0);
	struct typeset_box *c = typeset_box(typeset, 40, 0);

	(void)state;
	assert_int_equal(typeset_paginate(typeset), 2);
	assert_int_equal(page(a), 1);
	assert_int_equal(page(b), 1);
	assert_int_equal(page(c), 2);
	assert_true(top(b) == 90);
	assert_true(top(c) == 50);
	typeset_free(typeset);
}

static void
test_space_vanishes_at_the_top(void **state)
{
	struct typeset *typeset = page_of_100();
	struct typeset_box *a = typeset_box(typeset, 60, 0);
	struct typeset_box *b = typeset_box(typeset, 30, 20);
	struct typeset_box *c = typeset_box(typeset, 10, 5);

	(void)state;
	typeset_paginate(typeset);
	assert_int_equal(page(a), 1);
	/* 60 + 20 + 30 is more than the page: b moves, without its space. */
	assert_int_equal(page(b), 2);
	assert_true(top(b) == 50);
	assert_true(top(c) == 85);
	typeset_free(typeset);
}

static void
test_kept_boxes_move_together(void **state)
{
	struct typeset *typeset = page_of_100();
	struct typeset_box *a = typeset_box(typeset, 50, 0);
	struct typeset_box *heading = typeset_box(typeset, 30, 0);
	struct typeset_box *body = typeset_box(typeset, 30, 0);

	(void)state;
	typeset_keep_with_next(heading);
	typeset_paginate(typeset);
	assert_int_equal(page(a), 1);
	/* The heading would fit, but not with what it keeps. */
	assert_int_equal(page(heading), 2);
	assert_int_equal(page(body), 2);
	typeset_free(typeset);
}

static void
test_keep_range_and_a_chain_taller_than_a_page(void **state)
{
	struct typeset *typeset = page_of_100();
	struct typeset_box *boxes[5];
	size_t first;

	(void)state;
	typeset_box(typeset, 20, 0);
	first = typeset_box_count(typeset);
	for (int index = 0; index < 5; index++)
		boxes[index] = typeset_box(typeset, 30, 0);
	typeset_keep_range(typeset, first);
	typeset_paginate(typeset);
	/* 150 points cannot stay on one page: the chain starts a page and
	 * breaks where the page ends. */
	assert_int_equal(page(boxes[0]), 2);
	assert_int_equal(page(boxes[2]), 2);
	assert_int_equal(page(boxes[3]), 3);
	assert_int_equal(page(boxes[4]), 3);
	typeset_free(typeset);
}

static void
test_break_before_starts_a_page(void **state)
{
	struct typeset *typeset = page_of_100();
	struct typeset_box *a = typeset_box(typeset, 10, 0);
	struct typeset_box *b = typeset_box(typeset, 10, 0);
	struct typeset_box *c = typeset_box(typeset, 10, 0);

	(void)state;
	typeset_break_before(b);
	typeset_break_before(a); /* the first box is on a page of its own already */
	assert_int_equal(typeset_paginate(typeset), 2);
	assert_int_equal(page(a), 1);
	assert_int_equal(page(b), 2);
	assert_int_equal(page(c), 2);
	typeset_free(typeset);
}

static void
test_a_shrinkable_box_takes_the_rest_of_the_page(void **state)
{
	struct typeset *typeset = page_of_100();
	struct typeset_box *a = typeset_box(typeset, 40, 0);
	struct typeset_box *chart = typeset_box(typeset, 80, 0);
	struct typeset_box *after = typeset_box(typeset, 10, 0);

	(void)state;
	typeset_shrinkable(chart, 50);
	typeset_paginate(typeset);
	assert_int_equal(page(a), 1);
	assert_int_equal(page(chart), 1);
	assert_int_equal(page(after), 2);
	typeset_free(typeset);
}

static void
test_columns_fill_one_after_another(void **state)
{
	struct typeset *typeset = page_of_100();
	struct typeset_box *heading = typeset_box(typeset, 20, 0), *boxes[8], *after;

	(void)state;
	typeset_columns(typeset, 2, 20);
	assert_true(typeset_measure(typeset) == 90);
	for (int index = 0; index < 8; index++)
		boxes[index] = typeset_box(typeset, 25, 5);
	typeset_columns(typeset, 1, 0);
	assert_true(typeset_measure(typeset) == 200);
	after = typeset_box(typeset, 10, 0);
	typeset_paginate(typeset);
	assert_int_equal(page(heading), 1);
	/* Under the heading, two boxes a column, both columns starting at the
	 * same height; the rest, which fits the next page, shared evenly:
	 * two and two. */
	assert_int_equal(page(boxes[1]), 1);
	assert_true(left(boxes[1]) == 0);
	assert_int_equal(page(boxes[2]), 1);
	assert_true(left(boxes[2]) == 110);
	assert_true(top(boxes[2]) == top(boxes[0]));
	assert_int_equal(page(boxes[4]), 2);
	assert_true(left(boxes[4]) == 0);
	assert_int_equal(page(boxes[5]), 2);
	assert_true(left(boxes[5]) == 0);
	assert_int_equal(page(boxes[6]), 2);
	assert_true(left(boxes[6]) == 110);
	assert_true(top(boxes[6]) == top(boxes[4]));
	assert_int_equal(page(boxes[7]), 2);
	assert_true(left(boxes[7]) == 110);
	/* What follows starts below the longer column, full width. */
	assert_int_equal(page(after), 2);
	assert_true(left(after) == 0);
	assert_true(top(after) >= top(boxes[7]) + 25);
	typeset_free(typeset);
}

static void
test_a_short_run_of_columns_is_balanced(void **state)
{
	struct typeset *typeset = page_of_100();
	struct typeset_box *boxes[3], *after;

	(void)state;
	typeset_columns(typeset, 2, 20);
	for (int index = 0; index < 3; index++)
		boxes[index] = typeset_box(typeset, 20, 5);
	typeset_columns(typeset, 1, 0);
	after = typeset_box(typeset, 10, 0);
	typeset_paginate(typeset);
	/* Three short items in two columns take two rows: two on the left,
	 * one on the right, not all three down the first column. */
	assert_true(left(boxes[0]) == 0);
	assert_true(left(boxes[1]) == 0);
	assert_true(left(boxes[2]) == 110);
	assert_true(top(boxes[2]) == top(boxes[0]));
	assert_int_equal(page(boxes[2]), 1);
	assert_true(top(after) >= top(boxes[1]) + 20);
	typeset_free(typeset);
}

static void
test_fill_measures_each_page(void **state)
{
	struct typeset *typeset = page_of_100();
	double *fill;
	int count;

	(void)state;
	typeset_box(typeset, 90, 0);
	typeset_box(typeset, 25, 0);
	typeset_paginate(typeset);
	fill = typeset_fill(typeset, &count);
	assert_int_equal(count, 2);
	assert_true(fill[0] > 0.89 && fill[0] < 0.91);
	assert_true(fill[1] > 0.24 && fill[1] < 0.26);
	free(fill);
	typeset_free(typeset);
}

/* Paragraphs: a real layout of n lines of text. */
static const struct typeset_style body = { "DejaVu Sans", 10, 10, 400, 0, 0, { 0, 0, 0, "#000000" } };

/* Adds a paragraph of exactly lines lines after a box filling used points. */
static struct typeset_box **
paragraph_after(struct typeset *typeset, double used, int lines)
{
	static struct typeset_box *boxes[16];
	char markup[256] = "";
	PangoLayout *layout;
	size_t first;

	if (used > 0)
		typeset_box(typeset, used, 0);
	for (int line = 0; line < lines; line++)
		strcat(markup, line ? "\nline" : "line");
	layout = typeset_layout(typeset, &body, markup, 200, 0, 0);
	assert_int_equal(pango_layout_get_line_count(layout), lines);
	first = typeset_box_count(typeset);
	typeset_paragraph(typeset, layout, 0, body.color, 0, 0);
	for (int line = 0; line < lines; line++)
		boxes[line] = typeset_box_at(typeset, first + (size_t)line);
	g_object_unref(layout);
	return boxes;
}

/* The height of one line of body text. */
static double
line_height(struct typeset_cache *cache)
{
	struct typeset *typeset = typeset_new(cache, 300, 200, 50, 250, 50, 150);
	PangoLayout *probe = typeset_layout(typeset, &body, "line", 200, 0, 0);
	double height = typeset_height(probe);

	g_object_unref(probe);
	typeset_free(typeset);
	return height;
}

static void
test_paragraphs_keep_two_lines_each_side(void **state)
{
	struct typeset_cache *cache = typeset_cache_new(16);
	double line = line_height(cache);
	struct typeset *typeset;
	struct typeset_box **lines;

	(void)state;
	/* Room for four lines of five: the last may not stand alone on the
	 * next page, so two lines move. */
	typeset = typeset_new(cache, 300, 200, 50, 250, 50, 150);
	lines = paragraph_after(typeset, 100 - 4 * line - 0.5, 5);
	typeset_paginate(typeset);
	assert_int_equal(page(lines[2]), 1);
	assert_int_equal(page(lines[3]), 2);
	assert_int_equal(page(lines[4]), 2);
	typeset_free(typeset);

	/* Room for one line: the first may not stand alone either. */
	typeset = typeset_new(cache, 300, 200, 50, 250, 50, 150);
	lines = paragraph_after(typeset, 100 - line - 0.5, 5);
	typeset_paginate(typeset);
	assert_int_equal(page(lines[0]), 2);
	assert_int_equal(page(lines[1]), 2);
	typeset_free(typeset);

	/* Room for two of three: a three-line paragraph never breaks. */
	typeset = typeset_new(cache, 300, 200, 50, 250, 50, 150);
	lines = paragraph_after(typeset, 100 - 2 * line - 0.5, 3);
	typeset_paginate(typeset);
	assert_int_equal(page(lines[0]), 2);
	assert_int_equal(page(lines[2]), 2);
	typeset_free(typeset);

	/* Room for all five: no break. */
	typeset = typeset_new(cache, 300, 200, 50, 250, 50, 150);
	lines = paragraph_after(typeset, 100 - 5 * line - 0.5, 5);
	typeset_paginate(typeset);
	assert_int_equal(page(lines[4]), 1);
	typeset_free(typeset);
	typeset_cache_free(cache);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boxes_stack_and_break),
		cmocka_unit_test(test_space_vanishes_at_the_top),
		cmocka_unit_test(test_kept_boxes_move_together),
		cmocka_unit_test(test_keep_range_and_a_chain_taller_than_a_page),
		cmocka_unit_test(test_break_before_starts_a_page),
		cmocka_unit_test(test_a_shrinkable_box_takes_the_rest_of_the_page),
		cmocka_unit_test(test_columns_fill_one_after_another),
		cmocka_unit_test(test_a_short_run_of_columns_is_balanced),
		cmocka_unit_test(test_fill_measures_each_page),
		cmocka_unit_test(test_paragraphs_keep_two_lines_each_side),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
