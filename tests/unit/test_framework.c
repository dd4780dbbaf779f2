/* Unit tests of the shipped content packs: they load, and every question,
 * option, stage file and action is complete. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "framework.h"

static const char *const domain_ids[] = {
	"segmentation_coverage", "journey_lifecycle", "health_risk", "metrics_data",
	"expansion_value", "org_strategy", "cs_culture_alignment", "ai_leverage",
};

static struct framework *
load(const char *folder)
{
	struct diag diag;
	struct framework *framework;

	diag_init(&diag, stderr);
	framework = framework_load(folder, "content/schema", &diag);
	assert_non_null(framework);
	assert_int_equal(diag.errors, 0);
	assert_int_equal(diag.warnings, 0);
	return framework;
}

/* What both packs share: eight domains of three complete questions. */
static void
check_questions(const struct framework *framework)
{
	assert_int_equal(framework->domain_count, 8);
	assert_int_equal(framework->question_count, 24);
	for (size_t domain = 0; domain < 8; domain++) {
		assert_string_equal(framework->domains[domain].id, domain_ids[domain]);
		assert_int_equal(framework->domains[domain].question_count, 3);
		assert_non_null(framework->domains[domain].label);
		assert_non_null(framework->domains[domain].description);
		assert_int_equal(framework->domains[domain].section_count, 3);
	}
	for (size_t index = 0; index < framework->question_count; index++) {
		const struct framework_question *question = &framework->questions[index];

		assert_non_null(question->text);
		for (int option = 0; option < FRAMEWORK_OPTIONS; option++) {
			const struct framework_option *choice = &question->options[option];

			assert_int_equal(choice->score, option + 1);
			assert_non_null(choice->text);
			assert_non_null(choice->insight);
			assert_non_null(choice->steps[SEGMENT_NONE].title);
			assert_non_null(choice->steps[SEGMENT_NONE].text);
			/* Segment variants are for options 3 and 4 only. */
			for (int segment = SEGMENT_SMB; segment < SEGMENT_COUNT; segment++)
				if (choice->steps[segment].title != NULL)
					assert_true(option >= 2);
		}
	}
}

static void
check_stages(const struct framework *framework, size_t sections)
{
	for (size_t index = 0; index < framework->stage_count; index++) {
		const struct framework_stage *stage = &framework->stages[index];

		assert_int_equal(stage->section_count, sections);
		for (size_t section = 0; section < sections; section++)
			assert_true(strlen(stage->sections[section].markdown) > 40);
		assert_non_null(framework_stage_section(stage, "summary"));
		assert_non_null(framework_stage_section(stage, "actions"));
		assert_non_null(framework_stage_section(stage, "unlocks"));
		assert_in_range(stage->action_count, 7, 9);
		for (size_t action = 0; action < stage->action_count; action++) {
			assert_in_range(stage->actions[action].domain, 0, framework->domain_count - 1);
			assert_true(strlen(stage->actions[action].title) > 3);
			assert_true(strlen(stage->actions[action].text) > 20);
			assert_null(strchr(stage->actions[action].text, '`'));
		}
		assert_true(stage->metric_count >= 3);
	}
}

static void
test_default_pack(void **state)
{
	struct framework *framework = load("content/crawl-walk-run");

	(void)state;
	check_questions(framework);
	assert_int_equal(framework->stage_count, 3);
	assert_string_equal(framework->stages[0].id, "crawl");
	assert_true(framework->stages[1].minimum == 2.0);
	assert_true(framework->stages[2].minimum == 3.0);
	check_stages(framework, 5);
	assert_int_equal(framework->transition_min_months, 9);
	assert_int_equal(framework->transition_max_months, 18);
	assert_int_equal(framework->phase_count, 3);
	framework_free(framework);
}

static void
test_four_phase_pack(void **state)
{
	struct framework *framework = load("content/four-phase");

	(void)state;
	check_questions(framework);
	assert_int_equal(framework->stage_count, 4);
	assert_true(framework->stages[1].minimum == 1.75);
	assert_true(framework->stages[2].minimum == 2.5);
	assert_true(framework->stages[3].minimum == 3.25);
	check_stages(framework, 4);
	assert_int_equal(framework->charter_count, 3);
	assert_string_equal(framework->charters[0].id, "adoption");
	assert_string_equal(framework->charters[1].id, "retention");
	assert_string_equal(framework->charters[2].id, "expansion");
	for (size_t index = 0; index < 3; index++)
		assert_true(framework->charters[index].question_count >= 3);
	framework_free(framework);
}

static void
test_question_lookup(void **state)
{
	struct framework *framework = load("content/crawl-walk-run");

	(void)state;
	assert_int_equal(framework_find_question(framework, "sc_q1"), 0);
	assert_int_equal(framework_find_question(framework, "ai_q3"), 23);
	assert_int_equal(framework_find_question(framework, "zz_q1"), -1);
	assert_non_null(framework_find_profile(framework, "seg_enterprise"));
	assert_int_equal(framework_find_profile(framework, "seg_enterprise")->segment,
			 SEGMENT_ENTERPRISE);
	assert_null(framework_find_profile(framework, "seg_unknown"));
	framework_free(framework);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_pack),
		cmocka_unit_test(test_four_phase_pack),
		cmocka_unit_test(test_question_lookup),
	};

	return cmocka_run_group_tests_name("framework", tests, NULL, NULL);
}
