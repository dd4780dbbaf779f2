/* Unit tests of the value checks that the answer schema leaves to code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "validate.h"

static void
test_team_ids(void **state)
{
	(void)state;
	assert_true(validate_team_id("acme-emea"));
	assert_true(validate_team_id("a"));
	assert_true(validate_team_id("9lives.cs_team"));
	assert_true(validate_team_id("a123456789012345678901234567890123456789012345678901234567890123"));
	assert_false(validate_team_id("a1234567890123456789012345678901234567890123456789012345678901234"));
	assert_false(validate_team_id(""));
	assert_false(validate_team_id("Acme"));
	assert_false(validate_team_id("acme/emea"));
	assert_false(validate_team_id(".."));
	assert_false(validate_team_id("-acme"));
	assert_false(validate_team_id("acme emea"));
	assert_false(validate_team_id("ac\xc3\xa9me"));
}

static void
test_dates(void **state)
{
	(void)state;
	assert_true(validate_date("2026-11-01"));
	assert_true(validate_date("2024-02-29"));
	assert_true(validate_date("2000-02-29"));
	assert_false(validate_date("1900-02-29"));
	assert_false(validate_date("2026-02-29"));
	assert_false(validate_date("2026-02-30"));
	assert_false(validate_date("2026-04-31"));
	assert_false(validate_date("2026-13-01"));
	assert_false(validate_date("2026-00-10"));
	assert_false(validate_date("2026-1-01"));
	assert_false(validate_date("26-11-01"));
	assert_false(validate_date("2026/11/01"));
	assert_false(validate_date("2026-11-01T00:00"));
	assert_false(validate_date(""));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_team_ids),
		cmocka_unit_test(test_dates),
	};

	return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
