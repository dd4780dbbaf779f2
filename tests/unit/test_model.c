/* Unit tests of the report model: ranking, the strongest/weakest rule,
 * disagreements, strengths and the comparison with a previous assessment. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "model.h"

static void
assessment_build(struct fixture_answers *assessment, const char *const *sets, size_t count,
		 const char *date)
{
	fixture_answers_build(assessment, sets, count, date, NULL);
}

static struct model *
model_of(struct fixture_answers *assessment, struct fixture_answers *previous)
{
	return model_build(framework, &assessment->answers, assessment->scores,
			   previous ? &previous->answers : NULL, previous ? previous->scores : NULL,
			   "2026-11-22");
}

static void
test_uneven_names_strongest_and_weakest(void **state)
{
	const char *sets[] = { "333" "444" "222" "333" "333" "333" "333" "222" };
	struct fixture_answers assessment;
	struct model *model;

	(void)state;
	assessment_build(&assessment, sets, 1, "2026-11-01");
	model = model_of(&assessment, NULL);
	assert_true(model->uneven);
	assert_string_equal(framework->domains[model->strongest].id, "journey_lifecycle");
	/* Ties go to the domain first in the framework among equals ranked
	 * last: health_risk (index 2) ranks above ai_leverage (index 7). */
	assert_string_equal(framework->domains[model->weakest].id, "ai_leverage");
	assert_int_equal(model->ranking[0], 1);
	assert_int_equal(model->ranking[7], 7);
	model_free(model);
	score_free(assessment.scores);
}

static void
test_even_profile_names_neither(void **state)
{
	/* Domains 2.33 and 2.67 at the extremes: 0.34 apart, under 0.5. */
	const char *sets[] = { "223" "232" "322" "233" "223" "233" "223" "322" };
	struct fixture_answers assessment;
	struct model *model;

	(void)state;
	assessment_build(&assessment, sets, 1, "2026-11-01");
	model = model_of(&assessment, NULL);
	assert_false(model->uneven);
	model_free(model);
	score_free(assessment.scores);

	/* Exactly 0.5 apart counts as uneven. */
	const char *half[] = { "222" "222" "222" "222" "222" "222" "222" "223" };
	assessment_build(&assessment, half, 1, "2026-11-01");
	model = model_of(&assessment, NULL);
	assert_true(model->domains[7].score - model->domains[0].score < 0.5);
	assert_false(model->uneven);
	model_free(model);
	score_free(assessment.scores);
}

static void
test_unassessed_ranks_last(void **state)
{
	const char *sets[] = { "000" "111" "222" "333" "444" "111" "222" "333" };
	struct fixture_answers assessment;
	struct model *model;

	(void)state;
	assessment_build(&assessment, sets, 1, "2026-11-01");
	model = model_of(&assessment, NULL);
	assert_int_equal(model->assessed_count, 7);
	assert_int_equal(model->ranking[7], 0);
	assert_false(model->domains[0].assessed);
	assert_string_equal(framework->domains[model->strongest].id, "expansion_value");
	model_free(model);
	score_free(assessment.scores);
}

static void
test_previous_comparison(void **state)
{
	const char *now[] = { "333" "333" "333" "333" "333" "333" "333" "000" };
	const char *before[] = { "222" "222" "222" "222" "111" "222" "222" "222" };
	struct fixture_answers current, previous;
	struct model *model;

	(void)state;
	assessment_build(&current, now, 1, "2026-11-01");
	assessment_build(&previous, before, 1, "2025-11-01");
	model = model_of(&current, &previous);
	assert_true(model->has_previous);
	assert_true(model->previous_overall == previous.scores->overall);
	assert_true(model->overall_change == score_round(3.0 - previous.scores->overall));
	/* (2 * 7 + 1) / 8 = 1.88: Crawl then. */
	assert_string_equal(framework->stages[model->previous_stage].id, "crawl");
	assert_true(model->domains[4].has_previous);
	assert_true(model->domains[4].change == 2.0);
	assert_true(model->domains[0].change == 1.0);
	/* Not assessed now: no change to report, though it was before. */
	assert_false(model->domains[7].has_previous);
	model_free(model);

	/* Without a previous assessment there is nothing to compare. */
	model = model_of(&current, NULL);
	assert_false(model->has_previous);
	assert_false(model->domains[0].has_previous);
	model_free(model);
	score_free(current.scores);
	score_free(previous.scores);
}

static void
test_disagreements_widest_first(void **state)
{
	const char *sets[] = { "111" "111" "222" "444" "333" "333" "333" "333",
			       "444" "333" "222" "444" "333" "333" "333" "333" };
	struct fixture_answers assessment;
	struct model *model;

	(void)state;
	assessment_build(&assessment, sets, 2, "2026-11-01");
	model = model_of(&assessment, NULL);
	assert_int_equal(model->disagreement_count, 2);
	assert_int_equal(model->disagreements[0], 0);
	assert_int_equal(model->disagreements[1], 1);
	assert_true(model->domains[0].disagreement);
	assert_false(model->domains[2].disagreement);
	model_free(model);
	score_free(assessment.scores);
}

static void
test_strengths_need_two(void **state)
{
	const char *one[] = { "411" "111" "111" "111" "111" "111" "111" "111" };
	const char *two[] = { "411" "131" "111" "111" "111" "111" "111" "114" };
	struct fixture_answers assessment;
	struct model *model;

	(void)state;
	assessment_build(&assessment, one, 1, "2026-11-01");
	model = model_of(&assessment, NULL);
	assert_int_equal(model->strength_count, 0);
	model_free(model);
	score_free(assessment.scores);

	assessment_build(&assessment, two, 1, "2026-11-01");
	model = model_of(&assessment, NULL);
	assert_int_equal(model->strength_count, 3);
	for (size_t index = 0; index < model->strength_count; index++)
		assert_true(model->strengths[index].option >= 3);
	model_free(model);
	score_free(assessment.scores);
}

static void
test_next_stage(void **state)
{
	const char *walk[] = { "222" "222" "222" "222" "222" "222" "222" "333" };
	const char *run[] = { "444" "444" "444" "444" "444" "444" "444" "444" };
	struct fixture_answers assessment;
	struct model *model;

	(void)state;
	assessment_build(&assessment, walk, 1, "2026-11-01");
	model = model_of(&assessment, NULL);
	assert_true(model->has_next_stage);
	assert_string_equal(framework->stages[model->next_stage].id, "run");
	/* (2 * 7 + 3) / 8 = 2.125, rounded 2.13; 3.00 - 2.13 = 0.87. */
	assert_true(model->to_next_stage == 0.87);
	model_free(model);
	score_free(assessment.scores);
	assessment_build(&assessment, run, 1, "2026-11-01");
	model = model_of(&assessment, NULL);
	assert_false(model->has_next_stage);
	assert_true(model->display == 10.0);
	model_free(model);
	score_free(assessment.scores);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uneven_names_strongest_and_weakest),
		cmocka_unit_test(test_even_profile_names_neither),
		cmocka_unit_test(test_unassessed_ranks_last),
		cmocka_unit_test(test_previous_comparison),
		cmocka_unit_test(test_disagreements_widest_first),
		cmocka_unit_test(test_strengths_need_two),
		cmocka_unit_test(test_next_stage),
	};

	return cmocka_run_group_tests_name("model", tests, fixture_setup, fixture_teardown);
}
