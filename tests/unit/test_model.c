/* Unit tests of the report model: ranking, the strongest/weakest rule,
 * disagreements, strengths and the comparison with a previous assessment. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "answers.h"
#include "diag.h"
#include "framework.h"
#include "model.h"
#include "score.h"

static struct framework *framework;

static int
setup(void **state)
{
	struct diag diag;

	(void)state;
	diag_init(&diag, stderr);
	framework = framework_load("content/crawl-walk-run", "content/schema", &diag);
	return framework == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	framework_free(framework);
	return 0;
}

struct assessment {
	struct answers answers;
	struct answers_respondent respondents[2];
	struct answers_answer storage[2][24];
	struct scores *scores;
};

static void
assessment_build(struct assessment *assessment, const char *const *sets, size_t count,
		 const char *date)
{
	memset(assessment, 0, sizeof *assessment);
	assessment->answers.team = "team";
	assessment->answers.date = (char *)date;
	assessment->answers.respondents = assessment->respondents;
	assessment->answers.respondent_count = count;
	for (size_t index = 0; index < count; index++) {
		struct answers_respondent *respondent = &assessment->respondents[index];

		respondent->answers = assessment->storage[index];
		for (size_t question = 0; question < 24; question++) {
			if (sets[index][question] == '0')
				continue;
			respondent->answers[respondent->answer_count].question = question;
			respondent->answers[respondent->answer_count].score = sets[index][question] - '0';
			respondent->answer_count++;
		}
	}
	assessment->scores = score_compute(framework, &assessment->answers);
}

static struct model *
model_of(struct assessment *assessment, struct assessment *previous)
{
	return model_build(framework, &assessment->answers, assessment->scores,
			   previous ? &previous->answers : NULL, previous ? previous->scores : NULL,
			   "2026-11-22");
}

static void
test_uneven_names_strongest_and_weakest(void **state)
{
	const char *sets[] = { "333" "444" "222" "333" "333" "333" "333" "222" };
	struct assessment assessment;
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
	struct assessment assessment;
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
	struct assessment assessment;
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
	struct assessment current, previous;
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
	struct assessment assessment;
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
	struct assessment assessment;
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
	struct assessment assessment;
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

	return cmocka_run_group_tests_name("model", tests, setup, teardown);
}
