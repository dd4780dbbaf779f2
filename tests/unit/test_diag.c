/* Unit tests of diagnostics: one line each, in the form the README gives,
 * counted by severity, and nothing from input that a terminal would run
 * as a control sequence; status lines the same way, counted nowhere. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

/* What report writes through a diag, as text (free it). */
static char *
reported(void (*report)(struct diag *))
{
	char *text = NULL;
	size_t size = 0;
	FILE *stream = open_memstream(&text, &size);
	struct diag diag;

	assert_non_null(stream);
	diag_init(&diag, stream);
	report(&diag);
	fclose(stream);
	return text;
}

static void
report_two(struct diag *diag)
{
	diag_error(diag, "a.xml", 3, "bad %s", "score");
	diag_warning(diag, "a.xml", 0, "odd");
	assert_int_equal(diag->errors, 1);
	assert_int_equal(diag->warnings, 1);
}

/* ESC, OSC's BEL, a C1 CSI (U+009B), a lone byte that is not UTF-8 and a
 * line break; UTF-8 text passes as it is. */
static void
report_controls(struct diag *diag)
{
	diag_error(diag, "\x1b[31mred.csv", 2, "name \"\x1b]0;title\x07\xc2\x9b\xff\ncaf\xc3\xa9\"");
}

static void
test_location_and_count(void **state)
{
	char *text = reported(report_two);

	(void)state;
	assert_string_equal(text, "maturity: a.xml:3: error: bad score\n"
				  "maturity: a.xml: warning: odd\n");
	free(text);
}

static void
test_control_characters_are_escaped(void **state)
{
	char *text = reported(report_controls);

	(void)state;
	assert_string_equal(text, "maturity: \\x1b[31mred.csv:2: error: name "
				  "\"\\x1b]0;title\\x07\\u009b\\xff\\x0acaf\xc3\xa9\"\n");
	free(text);
}

/* Where a problem is: a file and line, a column too, the whole file, or
 * no file at all. */
static void
test_locations(void **state)
{
	static const struct {
		enum diag_severity severity;
		const char *file;
		long line, column;
		const char *expected;
	} cases[] = {
		{ DIAG_ERROR, "s.csv", 2, 4, "maturity: s.csv:2:4: error: m\n" },
		{ DIAG_WARNING, "s.csv", 2, 0, "maturity: s.csv:2: warning: m\n" },
		{ DIAG_NOTE, "a.xml", 0, 0, "maturity: a.xml: note: m\n" },
		{ DIAG_ERROR, "a.xml", 0, 7, "maturity: a.xml: error: m\n" },
		{ DIAG_ERROR, NULL, 3, 0, "maturity: error: m\n" },
	};

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof *cases; index++) {
		char *text = NULL;
		size_t size = 0;
		FILE *stream = open_memstream(&text, &size);
		struct diag diag;

		diag_init(&diag, stream);
		diag_report_at(&diag, cases[index].severity, cases[index].file, cases[index].line,
			       cases[index].column, "%s", "m");
		fclose(stream);
		assert_string_equal(text, cases[index].expected);
		assert_int_equal(diag.errors, cases[index].severity == DIAG_ERROR);
		assert_int_equal(diag.warnings, cases[index].severity == DIAG_WARNING);
		free(text);
	}
}

static void
report_status(struct diag *diag)
{
	diag_status(diag, "%d rendered in %s", 6, "\x1b[2J1.0 s");
	assert_int_equal(diag->errors + diag->warnings, 0);
}

/* A status line: "maturity: " and the text, escaped, counted nowhere. */
static void
test_status_line(void **state)
{
	char *text = reported(report_status);

	(void)state;
	assert_string_equal(text, "maturity: 6 rendered in \\x1b[2J1.0 s\n");
	free(text);
}

/* Without a stream, problems are counted and nothing is written. */
static void
test_counted_without_stream(void **state)
{
	struct diag diag;

	(void)state;
	diag_init(&diag, NULL);
	diag_error(&diag, "a.xml", 1, "one");
	diag_error(&diag, "a.xml", 2, "two");
	diag_warning(&diag, NULL, 0, "three");
	diag_status(&diag, "said to no one");
	assert_int_equal(diag.errors, 2);
	assert_int_equal(diag.warnings, 1);
}

/* A message longer than a line holds is cut, never overrun, and still
 * one line. */
static void
report_long(struct diag *diag)
{
	char *long_text = malloc(10000);

	assert_non_null(long_text);
	memset(long_text, 'x', 9999);
	long_text[9999] = '\0';
	diag_error(diag, "a.xml", 1, "%s", long_text);
	free(long_text);
}

static void
test_long_message_is_one_line(void **state)
{
	char *text = reported(report_long);
	size_t length = strlen(text);

	(void)state;
	assert_true(length > 1000 && length < 2100);
	assert_int_equal(text[length - 1], '\n');
	assert_null(memchr(text, '\n', length - 1));
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_location_and_count),
		cmocka_unit_test(test_control_characters_are_escaped),
		cmocka_unit_test(test_locations),
		cmocka_unit_test(test_status_line),
		cmocka_unit_test(test_counted_without_stream),
		cmocka_unit_test(test_long_message_is_one_line),
	};

	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
