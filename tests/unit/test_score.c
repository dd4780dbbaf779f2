/* Unit tests of the scoring rules on a small hand-built framework. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "framework.h"
#include "score.h"

/* Three domains of three questions (a, b, c) and stages 1.0 / 2.0 / 3.0. */
static char *question_ids[] = { "a1", "a2", "a3", "b1", "b2", "b3", "c1", "c2", "c3" };
static struct framework_question questions[9];
static struct framework_domain domains[3] = {
	{ .id = "a", .weight = 1, .first_question = 0, .question_count = 3 },
	{ .id = "b", .weight = 1, .first_question = 3, .question_count = 3 },
	{ .id = "c", .weight = 1, .first_question = 6, .question_count = 3 },
};
static struct framework_stage stages[3] = {
	{ .id = "crawl", .minimum = 1.0 },
	{ .id = "walk", .minimum = 2.0 },
	{ .id = "run", .minimum = 3.0 },
};
static size_t charter_questions[] = { 0, 3 };
static struct framework_charter charters[1] = {
	{ .id = "mixed", .questions = charter_questions, .question_count = 2 },
};
static struct framework framework = {
	.id = "test",
	.domains = domains,
	.domain_count = 3,
	.questions = questions,
	.question_count = 9,
	.stages = stages,
	.stage_count = 3,
	.charters = charters,
	.charter_count = 1,
};

static int
setup(void **state)
{
	(void)state;
	for (size_t index = 0; index < 9; index++) {
		questions[index].id = question_ids[index];
		questions[index].domain = index / 3;
	}
	return 0;
}

/* One respondent from a string of nine digits, '0' meaning skipped. */
static struct answers_respondent
respondent(const char *scores)
{
	struct answers_respondent result = { .id = "r" };

	result.answers = calloc(9, sizeof *result.answers);
	for (size_t index = 0; index < 9; index++) {
		if (scores[index] == '0')
			continue;
		result.answers[result.answer_count].question = index;
		result.answers[result.answer_count].score = scores[index] - '0';
		result.answer_count++;
	}
	return result;
}

static struct scores *
score_of(const char *const *sets, size_t count)
{
	struct answers_respondent respondents[4];
	struct answers answers = { .respondents = respondents, .respondent_count = count };
	struct scores *scores;

	for (size_t index = 0; index < count; index++)
		respondents[index] = respondent(sets[index]);
	scores = score_compute(&framework, &answers);
	for (size_t index = 0; index < count; index++)
		free(respondents[index].answers);
	return scores;
}

static void
test_round_two_decimals(void **state)
{
	(void)state;
	assert_true(score_round(2.0 / 3.0 + 2.0) == 2.67);
	assert_true(score_round(1.005) == round(1.005 * 100) / 100);
	assert_true(score_round(2.345) == round(2.345 * 100) / 100);
	assert_true(score_round(3.999) == 4.0);
	assert_true(score_round(1.333333) == 1.33);
}

static void
test_one_respondent_means(void **state)
{
	const char *sets[] = { "123" "444" "221" };
	struct scores *scores = score_of(sets, 1);

	(void)state;
	assert_true(scores->domains[0] == 2.0);
	assert_true(scores->domains[1] == 4.0);
	assert_true(scores->domains[2] == 1.67);
	/* Overall from the rounded domain scores: (2 + 4 + 1.67) / 3 = 2.5567. */
	assert_true(scores->overall == 2.56);
	assert_int_equal(scores->stage, 1);
	assert_true(scores->display == 6.4);
	assert_int_equal(scores->assessed, 3);
	score_free(scores);
}

/* The /10 score as the site shows it, found without score_display: the
 * exact decimal value of overall * 2.5 (glibc prints a double's exact
 * expansion), cut after its first decimal and rounded up when what follows
 * is a half or more, as JavaScript's toFixed(1) does. */
static double
site_display(double overall)
{
	char text[128];
	const char *point;
	long tenths;

	snprintf(text, sizeof text, "%.60f", overall * 2.5);
	point = strchr(text, '.');
	assert_non_null(point);
	tenths = strtol(text, NULL, 10) * 10 + (point[1] - '0');
	if (point[2] >= '5')
		tenths++;
	return (double)tenths / 10;
}

/* Every overall score from 1.00 to 4.00 shows the site's /10 score. */
static void
test_display_like_the_site(void **state)
{
	size_t differ_from_plain_rounding = 0;

	(void)state;
	for (int hundredths = 100; hundredths <= 400; hundredths++) {
		double overall = hundredths / 100.0;

		assert_true(score_display(overall) == site_display(overall));
		differ_from_plain_rounding += score_display(overall) != round(overall * 2.5 * 10) / 10;
	}
	/* Rounding 10 x as a double is off by 0.1 on 25 of them. */
	assert_int_equal(differ_from_plain_rounding, 25);
	/* The cases people compare: the double just below the half rounds down... */
	assert_true(score_display(2.02) == 5.0);
	assert_true(score_display(2.34) == 5.8);
	/* ... and an exact half goes up (1.3 x 2.5 is exactly 3.25). */
	assert_true(1.3 * 2.5 == 3.25);
	assert_true(score_display(1.3) == 3.3);
	assert_true(score_display(1.0) == 2.5);
	assert_true(score_display(4.0) == 10.0);
}

static void
test_skipped_questions_leave_the_mean(void **state)
{
	const char *sets[] = { "104" "300" "222" };
	struct scores *scores = score_of(sets, 1);

	(void)state;
	/* Skipped questions count as absent, not as zero. */
	assert_true(scores->domains[0] == 2.5);
	assert_true(scores->domains[1] == 3.0);
	score_free(scores);
}

static void
test_unassessed_domain_is_left_out(void **state)
{
	const char *sets[] = { "333" "000" "111" };
	struct scores *scores = score_of(sets, 1);

	(void)state;
	assert_true(scores->domains[1] == SCORE_NOT_ASSESSED);
	assert_int_equal(scores->assessed, 2);
	assert_true(scores->overall == 2.0);
	score_free(scores);
}

static void
test_several_respondents_average_per_question(void **state)
{
	const char *sets[] = { "111" "444" "200", "333" "440" "000" };
	struct scores *scores = score_of(sets, 2);

	(void)state;
	assert_true(scores->question_values[0] == 2.0);
	assert_true(scores->question_values[5] == 4.0);
	assert_int_equal(scores->question_respondents[5], 1);
	assert_true(scores->domains[0] == 2.0);
	assert_true(scores->domains[1] == 4.0);
	assert_true(scores->domains[2] == 2.0);
	/* Respondent means on domain a: 1.0 and 3.0. */
	assert_true(scores->spreads[0] == 2.0);
	assert_true(scores->spreads[1] == 0.0);
	/* Only one respondent answered domain c: no spread to speak of. */
	assert_true(scores->spreads[2] == 0.0);
	score_free(scores);
}

static void
test_spread_is_rounded_once(void **state)
{
	/* Respondent means 4/3 and 5/3: rounding each first would give 0.34. */
	const char *sets[] = { "112" "111" "111", "122" "111" "111" };
	struct scores *scores = score_of(sets, 2);

	(void)state;
	assert_true(scores->spreads[0] == 0.33);
	score_free(scores);
}

static void
test_stage_boundaries(void **state)
{
	const char *two[] = { "222" "222" "222" };
	const char *three[] = { "333" "333" "333" };
	const char *below[] = { "222" "222" "221" };
	struct scores *scores;

	(void)state;
	scores = score_of(two, 1);
	assert_true(scores->overall == 2.0);
	assert_string_equal(stages[scores->stage].id, "walk");
	score_free(scores);
	scores = score_of(three, 1);
	assert_string_equal(stages[scores->stage].id, "run");
	score_free(scores);
	scores = score_of(below, 1);
	/* (2 + 2 + 1.67) / 3 = 1.89: still Crawl. */
	assert_true(scores->overall == 1.89);
	assert_string_equal(stages[scores->stage].id, "crawl");
	score_free(scores);
	assert_int_equal(framework_stage_for(&framework, 1.0), 0);
	assert_int_equal(framework_stage_for(&framework, 1.99), 0);
	assert_int_equal(framework_stage_for(&framework, 2.0), 1);
	assert_int_equal(framework_stage_for(&framework, 2.99), 1);
	assert_int_equal(framework_stage_for(&framework, 3.0), 2);
	assert_int_equal(framework_stage_for(&framework, 4.0), 2);
}

static void
test_weights(void **state)
{
	const char *sets[] = { "444" "111" "000" };
	struct scores *scores;

	(void)state;
	domains[0].weight = 3;
	scores = score_of(sets, 1);
	/* (4 * 3 + 1 * 1) / 4 = 3.25 */
	assert_true(scores->overall == 3.25);
	domains[0].weight = 1;
	score_free(scores);
}

static void
test_charters(void **state)
{
	const char *sets[] = { "400" "200" "000" };
	struct scores *scores = score_of(sets, 1);

	(void)state;
	assert_true(scores->charters[0] == 3.0);
	score_free(scores);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_two_decimals),
		cmocka_unit_test(test_one_respondent_means),
		cmocka_unit_test(test_display_like_the_site),
		cmocka_unit_test(test_skipped_questions_leave_the_mean),
		cmocka_unit_test(test_unassessed_domain_is_left_out),
		cmocka_unit_test(test_several_respondents_average_per_question),
		cmocka_unit_test(test_spread_is_rounded_once),
		cmocka_unit_test(test_stage_boundaries),
		cmocka_unit_test(test_weights),
		cmocka_unit_test(test_charters),
	};

	return cmocka_run_group_tests_name("score", tests, setup, NULL);
}
