/* Unit tests of diagnostics: one line each, and nothing from input that
 * a terminal would run as a control sequence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_location_and_count),
		cmocka_unit_test(test_control_characters_are_escaped),
	};

	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
