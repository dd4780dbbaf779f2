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
#include "pack.h"
#include "profile.h"
#include "site_profile.h"

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
	framework = pack_load(folder, "content/schema", &diag);
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


/* The advice each shipped pack gives beyond its prose: why strong
 * practices matter, the marks of every step and stage action, a target
 * for every metric, the stage guides; and the fits of the segment, ARR
 * and team-size options. */
static void
check_advice(const struct framework *framework)
{
	static const char *const fitted[] = { "seg_smb", "seg_midmarket", "seg_enterprise",
					       "seg_mixed", "arr_under_5m", "arr_5m_20m",
					       "arr_20m_100m", "arr_over_100m", "size_1_3" };

	assert_true(framework->tag_count > 0 && framework->tag_count <= FRAMEWORK_MAX_TAGS);
	assert_true(framework->theme_count > 0);
	for (size_t question = 0; question < framework->question_count; question++)
		for (int option = 0; option < FRAMEWORK_OPTIONS; option++) {
			const struct framework_option *choice = &framework->questions[question].options[option];

			if (option >= 2)
				assert_true(choice->strength != NULL && strlen(choice->strength) > 40);
			for (int segment = 0; segment < SEGMENT_COUNT; segment++) {
				if (choice->steps[segment].title == NULL)
					continue;
				assert_true(choice->steps[segment].marks.owner >= 0);
				assert_int_not_equal(choice->steps[segment].marks.effort, EFFORT_NONE);
			}
		}
	for (size_t stage = 0; stage < framework->stage_count; stage++) {
		const struct framework_stage *definition = &framework->stages[stage];

		assert_non_null(definition->journey);
		assert_true((definition->transition != NULL) == (stage + 1 < framework->stage_count));
		for (int segment = SEGMENT_SMB; segment < SEGMENT_COUNT; segment++)
			assert_non_null(definition->profile_segments[segment]);
		for (size_t action = 0; action < definition->action_count; action++) {
			assert_true(definition->actions[action].marks.owner >= 0);
			assert_int_not_equal(definition->actions[action].marks.effort, EFFORT_NONE);
		}
		for (size_t metric = 0; metric < definition->metric_count; metric++)
			assert_non_null(definition->metrics[metric].target);
		/* A playbook for every domain after the first stage, each complete. */
		for (size_t domain = 0; stage > 0 && domain < framework->domain_count; domain++) {
			int found = 0;

			for (size_t index = 0; index < definition->playbook_count; index++)
				found |= definition->playbooks[index].domain == domain;
			assert_true(found);
		}
		for (size_t index = 0; index < definition->playbook_count; index++) {
			const struct framework_playbook *playbook = &definition->playbooks[index];

			assert_true(playbook->step_count >= 4);
			assert_non_null(playbook->when);
			assert_non_null(playbook->duration);
			assert_true(playbook->marks.owner >= 0);
		}
	}
	for (size_t index = 0; index < sizeof fitted / sizeof fitted[0]; index++) {
		int found = 0;

		for (size_t fit = 0; fit < framework->fit_count; fit++)
			found |= strcmp(framework->parameters[framework->fits[fit].parameter]
						.choices[framework->fits[fit].choice]
						.id,
					fitted[index]) == 0;
		assert_true(found);
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
	check_advice(framework);
	pack_free(framework);
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
	check_advice(framework);
	pack_free(framework);
}

static void
test_question_lookup(void **state)
{
	struct framework *framework = load("content/crawl-walk-run");

	(void)state;
	assert_int_equal(framework_find_question(framework, "sc_q1"), 0);
	assert_int_equal(framework_find_question(framework, "ai_q3"), 23);
	assert_int_equal(framework_find_question(framework, "zz_q1"), -1);
	pack_free(framework);
}

static void
check_site_profile(const struct framework *framework)
{
	assert_int_equal(framework->parameter_count, SITE_PARAMETERS);
	for (size_t index = 0; index < SITE_PARAMETERS; index++) {
		const struct framework_parameter *parameter = &framework->parameters[index];
		size_t count = 0;

		assert_string_equal(parameter->id, site_profile[index][0]);
		assert_non_null(parameter->label);
		while (site_profile[index][count + 1] != NULL)
			count++;
		assert_int_equal(parameter->choice_count, count);
		for (size_t choice = 0; choice < count; choice++) {
			assert_string_equal(parameter->choices[choice].id,
					    site_profile[index][choice + 1]);
			assert_non_null(parameter->choices[choice].label);
		}
	}
}

/* Both packs declare the site's profile; four-phase by reusing the
 * default pack's, which it says is where they come from. */
static void
test_site_profile(void **state)
{
	struct framework *framework = load("content/crawl-walk-run");
	struct framework *four_phase = load("content/four-phase");

	(void)state;
	check_site_profile(framework);
	check_site_profile(four_phase);
	assert_null(framework->profile_folder);
	assert_string_equal(four_phase->profile_folder, "content/four-phase/../crawl-walk-run");
	pack_free(framework);
	pack_free(four_phase);
}

/* Former ids still find their parameter and option, and say so. */
static void
test_former_ids(void **state)
{
	struct framework *framework = load("content/crawl-walk-run");
	static const char *const renamed[][4] = {
		{ "segment", "seg_mid_market", "customer_segment", "seg_midmarket" },
		{ "arr", "arr_under_1m", "company_arr", "arr_under_5m" },
		{ "arr", "arr_1m_5m", "company_arr", "arr_under_5m" },
		{ "team-size", "size_1", "cs_team_size", "size_1_3" },
		{ "team_size", "size_2_3", "cs_team_size", "size_1_3" },
		{ "team-size", "size_26_plus", "cs_team_size", "size_over_25" },
	};
	enum profile_match match;
	long parameter, choice;

	(void)state;
	for (size_t index = 0; index < sizeof renamed / sizeof *renamed; index++) {
		parameter = profile_find_parameter(framework, renamed[index][0], &match);
		assert_true(parameter >= 0);
		assert_int_equal(match, PROFILE_FORMER);
		assert_string_equal(framework->parameters[parameter].id, renamed[index][2]);
		choice = profile_find_choice(&framework->parameters[parameter], renamed[index][1],
					     &match);
		assert_true(choice >= 0);
		assert_int_equal(match, PROFILE_FORMER);
		assert_string_equal(framework->parameters[parameter].choices[choice].id,
				    renamed[index][3]);
	}
	parameter = profile_find_parameter(framework, "customer_segment", &match);
	assert_int_equal(match, PROFILE_CURRENT);
	choice = profile_find_choice(&framework->parameters[parameter], "seg_enterprise", &match);
	assert_int_equal(match, PROFILE_CURRENT);
	assert_int_equal(framework->parameters[parameter].choices[choice].segment, SEGMENT_ENTERPRISE);
	choice = profile_find_choice(&framework->parameters[parameter], "seg_midmarket", NULL);
	assert_int_equal(framework->parameters[parameter].choices[choice].segment, SEGMENT_MID_MARKET);
	assert_int_equal(profile_find_choice(&framework->parameters[parameter], "seg_unknown", &match),
			 -1);
	assert_int_equal(match, PROFILE_UNKNOWN);
	assert_int_equal(profile_find_parameter(framework, "colour", &match), -1);
	pack_free(framework);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_pack),
		cmocka_unit_test(test_four_phase_pack),
		cmocka_unit_test(test_question_lookup),
		cmocka_unit_test(test_site_profile),
		cmocka_unit_test(test_former_ids),
	};

	return cmocka_run_group_tests_name("framework", tests, NULL, NULL);
}
