/* Unit tests of the value checks that the answer schema leaves to code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "diag.h"
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
	/* The portfolio's own files in OUT. */
	assert_false(validate_team_id("index.html"));
	assert_false(validate_team_id("summary.csv"));
	assert_false(validate_team_id("summary.json"));
	assert_true(validate_team_id_reserved("summary.json"));
	assert_false(validate_team_id_reserved("summary.json.old"));
	assert_true(validate_team_id("summary.json.old"));
}

/* An answer set built as an importer builds one. */
static struct answers *
imported(const char *name)
{
	struct answers *answers = calloc(1, sizeof *answers);

	answers->path = strdup("survey.csv");
	answers->team = strdup("acme");
	answers->date = strdup("2026-11-01");
	answers->name = strdup(name);
	answers->line = 2;
	answers_add_answer(answers_add_respondent(answers, "alice", NULL), "sc_q1", "3", 2);
	return answers;
}

static void
test_text_limits(void **state)
{
	struct diag diag;
	struct answers *answers;
	char long_name[ANSWERS_MAX_TEXT + 2];

	(void)state;
	diag_init(&diag, NULL);
	answers = imported("ACME \xc3\xa9quipe");
	assert_int_equal(answers_check_limits(answers, &diag), 0);
	answers_free(answers);
	answers = imported("ACME \x1b]0;x\x07");
	assert_int_equal(answers_check_limits(answers, &diag), -1);
	answers_free(answers);
	answers = imported("\xc0\xaf overlong");
	assert_int_equal(answers_check_limits(answers, &diag), -1);
	answers_free(answers);
	/* The limit counts characters: 5,000 two-byte ones pass. */
	memset(long_name, 'x', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	answers = imported(long_name);
	assert_int_equal(answers_check_limits(answers, &diag), -1);
	answers_free(answers);
	assert_int_equal(diag.errors, 3);
}

static void
test_respondent_limit(void **state)
{
	struct diag diag;
	struct answers *answers = imported("Crowd");
	char id[32];

	(void)state;
	diag_init(&diag, NULL);
	for (int number = 2; number <= ANSWERS_MAX_RESPONDENTS; number++) {
		snprintf(id, sizeof id, "r%d", number);
		answers_add_answer(answers_add_respondent(answers, id, NULL), "sc_q1", "2", number);
	}
	assert_int_equal(answers_check_limits(answers, &diag), 0);
	answers_add_answer(answers_add_respondent(answers, "one-too-many", NULL), "sc_q1", "2", 0);
	assert_int_equal(answers_check_limits(answers, &diag), -1);
	answers_free(answers);
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
		cmocka_unit_test(test_text_limits),
		cmocka_unit_test(test_respondent_limit),
	};

	return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
