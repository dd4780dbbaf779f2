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
#include "domain_targets.h"
#include "model.h"

/* Strongest and weakest are named only when the profile is uneven:
 * half a point or more between them.  Among tied domains the first in
 * the framework ranks higher, so the weakest named is the last of them. */
static void
test_uneven_profile(void **state)
{
	static const struct {
		const char *set;
		int uneven;
		const char *strongest, *weakest;  /* when uneven */
	} cases[] = {
		{ "333" "444" "222" "333" "333" "333" "333" "222", 1, "journey_lifecycle", "ai_leverage" },
		/* 2.33 and 2.67 at the extremes: 0.34 apart. */
		{ "223" "232" "322" "233" "223" "233" "223" "322", 0, NULL, NULL },
		/* 2.00 and 2.33: exactly a third apart, under the half point. */
		{ "222" "222" "222" "222" "222" "222" "222" "223", 0, NULL, NULL },
		/* A domain nobody answered ranks last and is never the weakest. */
		{ "000" "111" "222" "333" "444" "111" "222" "333", 1, "expansion_value", "org_strategy" },
	};

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof *cases; index++) {
		struct fixture_model fixture;
		struct model *model = fixture_model_of(&fixture, cases[index].set);

		assert_int_equal(model->uneven, cases[index].uneven);
		if (cases[index].uneven) {
			assert_string_equal(framework->domains[model->strongest].id,
					    cases[index].strongest);
			assert_string_equal(framework->domains[model->weakest].id,
					    cases[index].weakest);
		}
		fixture_model_free(&fixture);
	}
}

static void
test_ranking(void **state)
{
	struct fixture_model fixture;
	struct model *model = fixture_model_of(&fixture, "333" "444" "222" "333" "333" "333" "333" "222");

	(void)state;
	assert_int_equal(model->ranking[0], 1);
	assert_int_equal(model->ranking[7], 7);
	fixture_model_free(&fixture);
	model = fixture_model_of(&fixture, "000" "111" "222" "333" "444" "111" "222" "333");
	assert_int_equal(model->assessed_count, 7);
	assert_int_equal(model->ranking[7], 0);
	assert_false(model->domains[0].assessed);
	fixture_model_free(&fixture);
}

static void
test_previous_comparison(void **state)
{
	const char *now[] = { "333" "333" "333" "333" "333" "333" "333" "000" };
	const char *before[] = { "222" "222" "222" "222" "111" "222" "222" "222" };
	struct fixture_model fixture;
	struct model *model;

	(void)state;
	model = fixture_model_build(&fixture, now, 1, before, 1);
	assert_true(model->has_previous);
	assert_true(model->previous_overall == fixture.previous.scores->overall);
	assert_true(model->overall_change == score_round(3.0 - fixture.previous.scores->overall));
	/* (2 * 7 + 1) / 8 = 1.88: Crawl then. */
	assert_string_equal(framework->stages[model->previous_stage].id, "crawl");
	assert_true(model->domains[4].has_previous);
	assert_true(model->domains[4].change == 2.0);
	assert_true(model->domains[0].change == 1.0);
	/* Not assessed now: no change to report, though it was before. */
	assert_false(model->domains[7].has_previous);
	fixture_model_free(&fixture);

	/* Without a previous assessment there is nothing to compare. */
	model = fixture_model_build(&fixture, now, 1, NULL, 0);
	assert_false(model->has_previous);
	assert_false(model->domains[0].has_previous);
	fixture_model_free(&fixture);
}

static void
test_disagreements_widest_first(void **state)
{
	const char *sets[] = { "111" "111" "222" "444" "333" "333" "333" "333",
			       "444" "333" "222" "444" "333" "333" "333" "333" };
	struct fixture_model fixture;
	struct model *model = fixture_model_build(&fixture, sets, 2, NULL, 0);

	(void)state;
	assert_int_equal(model->disagreement_count, 2);
	assert_int_equal(model->disagreements[0], 0);
	assert_int_equal(model->disagreements[1], 1);
	assert_true(model->domains[0].disagreement);
	assert_false(model->domains[2].disagreement);
	fixture_model_free(&fixture);
}

/* The next stage and how far it is; none at the last stage. */
static void
test_next_stage(void **state)
{
	static const struct {
		const char *set;
		const char *next;   /* NULL at the last stage */
		double to_next, display;
	} cases[] = {
		/* (2 * 7 + 3) / 8 = 2.125, rounded 2.13; 3.00 - 2.13 = 0.87. */
		{ "222" "222" "222" "222" "222" "222" "222" "333", "run", 0.87, 5.3 },
		{ "444" "444" "444" "444" "444" "444" "444" "444", NULL, 0, 10.0 },
	};

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof *cases; index++) {
		struct fixture_model fixture;
		struct model *model = fixture_model_of(&fixture, cases[index].set);

		assert_int_equal(model->has_next_stage, cases[index].next != NULL);
		if (cases[index].next != NULL) {
			assert_string_equal(framework->stages[model->next_stage].id, cases[index].next);
			assert_true(model->to_next_stage == cases[index].to_next);
		}
		assert_true(model->display == cases[index].display);
		fixture_model_free(&fixture);
	}
}

/* Strengths: the best answer at option 3 or 4 of each domain, at most
 * three, the best first, one per domain, none unless two domains have
 * one.  Each row: the answers, then the domains expected in order. */
static void
test_strengths_rule(void **state)
{
	static const struct {
		const char *set;
		const char *domains[4];
	} cases[] = {
		/* None at 3 or 4. */
		{ "222" "222" "222" "222" "222" "222" "222" "222", { NULL } },
		/* One domain only: none. */
		{ "141" "222" "222" "222" "222" "222" "222" "222", { NULL } },
		/* One domain at 4, another at 3, a third at 4: all three. */
		{ "411" "131" "111" "111" "111" "111" "111" "114",
		  { "segmentation_coverage", "ai_leverage", "journey_lifecycle", NULL } },
		/* Two: both, the 4 before the 3. */
		{ "131" "222" "222" "222" "222" "222" "222" "224", { "ai_leverage", "segmentation_coverage", NULL } },
		/* Five qualify: three, the answers at 4 first, then the stronger domain. */
		{ "311" "411" "114" "333" "311" "222" "222" "414",
		  { "ai_leverage", "journey_lifecycle", "health_risk", NULL } },
		/* Several answers at 4 in one domain: still one strength for it. */
		{ "444" "311" "222" "222" "222" "222" "222" "222",
		  { "segmentation_coverage", "journey_lifecycle", NULL } },
	};

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof cases[0]; index++) {
		struct fixture_model fixture;
		struct model *model = fixture_model_of(&fixture, cases[index].set);
		size_t expected = 0;

		while (cases[index].domains[expected] != NULL)
			expected++;
		assert_int_equal(model->strength_count, expected);
		for (size_t rank = 0; rank < model->strength_count; rank++) {
			const struct model_strength *strength = &model->strengths[rank];

			assert_string_equal(framework->domains[strength->domain].id,
					    cases[index].domains[rank]);
			assert_true(strength->option >= 3);
			/* Why it matters, in the pack's words. */
			assert_non_null(framework->questions[strength->question]
						.options[strength->option - 1]
						.strength);
		}
		fixture_model_free(&fixture);
	}
}

/* Regressions: every domain that fell a quarter point or more, largest
 * fall first; none without a previous assessment. */
static void
test_regressions(void **state)
{
	const char *now[] = { "222" "444" "111" "333" "222" "333" "333" "333" };
	const char *before[] = { "333" "333" "333" "333" "333" "333" "333" "333" };
	struct fixture_model fixture;
	struct model *model = fixture_model_build(&fixture, now, 1, before, 1);

	(void)state;
	assert_int_equal(model->regression_count, 3);
	assert_string_equal(framework->domains[model->regressions[0]].id, "health_risk");
	assert_string_equal(framework->domains[model->regressions[1]].id, "segmentation_coverage");
	assert_string_equal(framework->domains[model->regressions[2]].id, "expansion_value");
	fixture_model_free(&fixture);
	model = fixture_model_build(&fixture, now, 1, NULL, 0);
	assert_int_equal(model->regression_count, 0);
	fixture_model_free(&fixture);
}

/* Playbooks: up to three of the current stage, two for the weakest domain
 * and three of the next stage, never one twice or one the profile leaves
 * out; for every segment and stage. */
static void
test_playbooks(void **state)
{
	static const char *const sets[] = {
		"111" "211" "112" "121" "111" "211" "111" "111", /* Crawl */
		"222" "232" "221" "223" "222" "322" "222" "222", /* Walk */
		"444" "434" "443" "344" "444" "434" "443" "441", /* Run */
	};
	static const char *const profiles[][2] = {
		{ NULL, NULL }, { "seg_smb", NULL }, { "seg_enterprise", "size_1_3" },
		{ "seg_midmarket", "arr_under_5m" },
	};

	(void)state;
	for (size_t set = 0; set < 3; set++) {
		for (size_t profile = 0; profile < 4; profile++) {
			struct fixture_model fixture;
			struct model *model = fixture_model_profiled(&fixture, sets[set],
								     profiles[profile], 2);
			size_t per_reason[3] = { 0 };
			uint64_t avoided = 0;

			for (size_t index = 0; index < model->fit_count; index++)
				avoided |= model->fits[index]->avoid;
			assert_true(model->playbook_count > 0);
			for (size_t index = 0; index < model->playbook_count; index++) {
				const struct model_playbook *shown = &model->playbooks[index];

				per_reason[shown->reason]++;
				assert_int_equal(shown->playbook->marks.tags & avoided, 0);
				for (size_t other = 0; other < index; other++)
					assert_ptr_not_equal(model->playbooks[other].playbook,
							     shown->playbook);
				if (shown->reason == MODEL_PLAYBOOK_CURRENT)
					assert_int_equal(shown->playbook->stage, model->stage);
				if (shown->reason == MODEL_PLAYBOOK_NEXT)
					assert_int_equal(shown->playbook->stage, model->next_stage);
				if (shown->reason == MODEL_PLAYBOOK_WEAKEST)
					assert_int_equal(shown->playbook->domain, model->weakest);
				/* In order: current, weakest, next. */
				if (index > 0)
					assert_true(model->playbooks[index - 1].reason <= shown->reason);
			}
			assert_true(per_reason[MODEL_PLAYBOOK_CURRENT] <= MODEL_PLAYBOOKS_CURRENT);
			assert_true(per_reason[MODEL_PLAYBOOK_WEAKEST] <= MODEL_PLAYBOOKS_WEAKEST);
			assert_true(per_reason[MODEL_PLAYBOOK_NEXT] <= MODEL_PLAYBOOKS_NEXT);
			if (model->has_next_stage)
				assert_int_equal(per_reason[MODEL_PLAYBOOK_NEXT], MODEL_PLAYBOOKS_NEXT);
			else
				assert_int_equal(per_reason[MODEL_PLAYBOOK_NEXT], 0);
			fixture_model_free(&fixture);
		}
	}
}

/* The current stage's metric target for a profile: the segment's, else
 * the ARR band's, else the product complexity's, else the default. */
static void
test_targets(void **state)
{
	static const struct {
		const char *ids[3];
		const char *expected; /* the choice the target is for, NULL for the default */
	} cases[] = {
		{ { NULL, NULL, NULL }, NULL },
		{ { "seg_enterprise", NULL, NULL }, "seg_enterprise" },
		{ { "arr_under_5m", NULL, NULL }, "arr_under_5m" },
		{ { "arr_under_5m", "seg_smb", NULL }, "seg_smb" },
		{ { "seg_mixed", "arr_under_5m", NULL }, "arr_under_5m" },
		{ { "seg_mixed", "arr_over_100m", "complexity_high" }, NULL },
	};

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof cases[0]; index++) {
		struct fixture_model fixture;
		struct model *model = fixture_model_profiled(
			&fixture, "111" "111" "111" "111" "111" "111" "111" "111", cases[index].ids, 3);
		const struct framework_stage *stage = &framework->stages[model->stage];
		int seen = 0;

		for (size_t metric = 0; metric < stage->metric_count; metric++) {
			const struct framework_target_value *target = model->metric_targets[metric];

			/* Every metric the pack lists has a target. */
			assert_non_null(target);
			if (strcmp(stage->metrics[metric].id, "grr") != 0)
				continue;
			seen = 1;
			if (cases[index].expected == NULL)
				assert_null(target->choice);
			else
				assert_string_equal(target->choice->id, cases[index].expected);
		}
		assert_true(seen);
		fixture_model_free(&fixture);
	}
}

/* Four assessments of one team: each is a point of the history, oldest
 * first and this one last; the first and the previous are apart; the pace
 * is the slope through all four. */
static void
test_history_of_four(void **state)
{
	const char *sets[4][1] = {
		{ "111" "111" "111" "111" "111" "111" "111" "111" },
		{ "222" "111" "111" "111" "111" "111" "111" "111" },
		{ "222" "222" "222" "111" "111" "111" "111" "111" },
		{ "222" "222" "222" "222" "222" "222" "222" "222" },
	};
	const char *dates[4] = { "2025-01-01", "2025-07-02", "2026-01-01", "2026-07-02" };
	struct fixture_answers assessments[4];
	struct model_earlier earlier[3];
	struct model *model;

	(void)state;
	for (int index = 0; index < 4; index++)
		fixture_answers_build(&assessments[index], sets[index], 1, dates[index], NULL);
	for (int index = 0; index < 3; index++)
		earlier[index] = (struct model_earlier){ &assessments[index].answers,
							 assessments[index].scores };
	model = model_build(framework, &assessments[3].answers, assessments[3].scores, earlier, 3,
			    NULL, "2026-11-22");
	assert_int_equal(model->history_count, 4);
	for (int index = 0; index < 4; index++) {
		assert_string_equal(model->history[index].date, dates[index]);
		assert_true(model->history[index].overall == assessments[index].scores->overall);
	}
	/* 1.00, 1.13, 1.38, 2.00: the previous is the third, the first the first. */
	assert_true(model->has_previous);
	assert_true(model->previous_overall == assessments[2].scores->overall);
	assert_true(model->has_first);
	assert_true(model->first_change == 1.0);
	assert_true(model->domains[7].has_first);
	assert_true(model->domains[7].first_change == 1.0);
	assert_true(model->history[3].change == score_round(2.0 - assessments[2].scores->overall));
	/* Six months apart each: 0, 6, 12 and 18 months from the first. */
	assert_true(model->history[3].months > 17.9 && model->history[3].months < 18.1);
	/* The least-squares slope of (0, 1.00) (6, 1.13) (12, 1.38) (18, 2.00):
	 * 9.75 / 180 = 0.0542 points a month (a little more: the half years
	 * are a day short of six mean months). */
	assert_true(model->has_pace);
	assert_true(model->pace > 0.0541 && model->pace < 0.0545);
	model_free(model);

	/* One earlier assessment is a previous one, not yet a pace. */
	model = model_build(framework, &assessments[3].answers, assessments[3].scores, earlier + 2,
			    1, NULL, "2026-11-22");
	assert_int_equal(model->history_count, 2);
	assert_false(model->has_first);
	assert_false(model->has_pace);
	assert_false(model->domains[7].has_first);
	model_free(model);
	for (int index = 0; index < 4; index++)
		score_free(assessments[index].scores);
}

/* Assessments all of one day have no pace. */
static void
test_history_one_day(void **state)
{
	const char *before[] = { "111" "111" "111" "111" "111" "111" "111" "111" };
	const char *now[] = { "222" "222" "222" "222" "222" "222" "222" "222" };
	struct fixture_answers first, second;
	struct model_earlier earlier[2];
	struct model *model;

	(void)state;
	fixture_answers_build(&first, before, 1, "2026-05-05", NULL);
	fixture_answers_build(&second, now, 1, "2026-05-05", NULL);
	earlier[0] = earlier[1] = (struct model_earlier){ &first.answers, first.scores };
	model = model_build(framework, &second.answers, second.scores, earlier, 2, NULL,
			    "2026-11-22");
	assert_int_equal(model->history_count, 3);
	assert_true(model->has_first);
	assert_false(model->has_pace);
	model_free(model);
	score_free(first.scores);
	score_free(second.scores);
}

/* Which target a domain gets: the answer set's over the targets file's,
 * the file's over the stage's threshold; within one source a domain's own
 * over the one for every domain.  The gap is what the score lacks. */
static void
test_targets_precedence(void **state)
{
	/* Every domain at 2.00. */
	const char *sets[] = { "222" "222" "222" "222" "222" "222" "222" "222" };
	struct answers_target own[2] = {
		{ .domain = 7, .score = 2.5 },  /* ai_leverage */
		{ .domain = -1, .score = 3.5 }, /* every domain */
	};
	struct fixture_answers assessment;
	struct domain_targets *portfolio;
	struct diag diag;
	struct model *model;

	(void)state;
	diag_init(&diag, stderr);
	fixture_answers_build(&assessment, sets, 1, "2026-11-01", NULL);

	/* The file names health_risk 3.25 and ai_leverage 3.00; Run begins at 3.00. */
	portfolio = domain_targets_load("tests/fixtures/targets/some-domains.xml", "run", framework,
					"content/schema", &diag);
	assert_non_null(portfolio);
	assessment.answers.targets = own;
	assessment.answers.target_count = 1;
	model = model_build(framework, &assessment.answers, assessment.scores, NULL, 0, portfolio,
			    "2026-11-22");
	assert_int_equal(model->target_count, 8);
	assert_int_equal(model->domains[7].target_source, DOMAIN_TARGET_ANSWERS);
	assert_true(model->domains[7].target == 2.5);
	assert_int_equal(model->domains[2].target_source, DOMAIN_TARGET_FILE);
	assert_true(model->domains[2].target == 3.25);
	assert_true(model->domains[2].gap == 1.25);
	assert_int_equal(model->domains[0].target_source, DOMAIN_TARGET_STAGE);
	assert_true(model->domains[0].target == 3.0);
	model_free(model);

	/* The answer set's target for every domain wins over the file's own. */
	assessment.answers.target_count = 2;
	model = model_build(framework, &assessment.answers, assessment.scores, NULL, 0, portfolio,
			    "2026-11-22");
	assert_true(model->domains[7].target == 2.5);
	assert_int_equal(model->domains[2].target_source, DOMAIN_TARGET_ANSWERS);
	assert_true(model->domains[2].target == 3.5);
	model_free(model);
	domain_targets_free(portfolio);

	/* In the file, a domain's own target over the one for every domain,
	 * which leaves the stage nothing. */
	portfolio = domain_targets_load("tests/fixtures/targets/every-domain.xml", "run", framework,
					"content/schema", &diag);
	assert_non_null(portfolio);
	assessment.answers.target_count = 0;
	model = model_build(framework, &assessment.answers, assessment.scores, NULL, 0, portfolio,
			    "2026-11-22");
	assert_true(model->domains[2].target == 3.25);
	assert_true(model->domains[0].target == 2.5);
	assert_int_equal(model->domains[0].target_source, DOMAIN_TARGET_FILE);
	assert_true(model->domains[0].gap == 0.5);
	model_free(model);
	domain_targets_free(portfolio);

	/* No target anywhere: nothing, and no gap. */
	model = model_build(framework, &assessment.answers, assessment.scores, NULL, 0, NULL,
			    "2026-11-22");
	assert_int_equal(model->target_count, 0);
	assert_false(model->domains[0].has_target);
	assert_true(model->domains[0].gap == 0);
	model_free(model);
	score_free(assessment.scores);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_history_of_four),
		cmocka_unit_test(test_history_one_day),
		cmocka_unit_test(test_targets_precedence),
		cmocka_unit_test(test_uneven_profile),
		cmocka_unit_test(test_ranking),
		cmocka_unit_test(test_previous_comparison),
		cmocka_unit_test(test_disagreements_widest_first),
		cmocka_unit_test(test_next_stage),
		cmocka_unit_test(test_strengths_rule),
		cmocka_unit_test(test_regressions),
		cmocka_unit_test(test_playbooks),
		cmocka_unit_test(test_targets),
	};

	return cmocka_run_group_tests_name("model", tests, fixture_setup, fixture_teardown);
}
