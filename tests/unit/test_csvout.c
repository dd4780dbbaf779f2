/* Unit tests of CSV cells: quoting, and formulas neutralised. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "csvout.h"

/* The row written by write, as text. */
static char *
row(void (*write)(FILE *))
{
	char *text = NULL;
	size_t size = 0;
	FILE *stream = open_memstream(&text, &size);

	assert_non_null(stream);
	write(stream);
	fclose(stream);
	return text;
}

static void
write_formulas(FILE *stream)
{
	csvout_text(stream, "=HYPERLINK(\"http://x\")", 1);
	csvout_text(stream, "+cmd|calc", 0);
	csvout_text(stream, "-2+3", 0);
	csvout_text(stream, "@SUM(A1)", 0);
	csvout_text(stream, "\tTab", 0);
	csvout_text(stream, "\rReturn", 0);
	csvout_end_row(stream);
}

static void
test_formulas_are_neutralised(void **state)
{
	char *text = row(write_formulas);

	(void)state;
	assert_string_equal(text, "\"'=HYPERLINK(\"\"http://x\"\")\",\"'+cmd|calc\",\"'-2+3\","
				  "\"'@SUM(A1)\",\"'\tTab\",\"'\rReturn\"\r\n");
	free(text);
}

static void
write_plain(FILE *stream)
{
	csvout_text(stream, "ACME, \"EMEA\"", 1);
	csvout_text(stream, "", 0);
	csvout_number(stream, -0.5, 2, 0);
	csvout_empty(stream, 0);
	csvout_number(stream, 3, 0, 0);
	csvout_end_row(stream);
}

static void
test_text_and_numbers(void **state)
{
	char *text = row(write_plain);

	(void)state;
	/* Text is quoted; the tool's own numbers stay numbers, sign and all. */
	assert_string_equal(text, "\"ACME, \"\"EMEA\"\"\",\"\",-0.50,,3\r\n");
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formulas_are_neutralised),
		cmocka_unit_test(test_text_and_numbers),
	};

	return cmocka_run_group_tests_name("csvout", tests, NULL, NULL);
}
