/* Unit tests of the roadmap's ordering rules, on the default pack. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "roadmap.h"

/* An answer set and its roadmap. */
struct fixture {
	struct fixture_answers base;
	struct roadmap roadmap;
};

static void
fixture_build(struct fixture *fixture, const char *const *sets, size_t count, const char *segment)
{
	fixture_answers_build(&fixture->base, sets, count, "2026-11-01", segment);
	roadmap_build(&fixture->roadmap, framework, &fixture->base.answers, fixture->base.scores);
}

static void
fixture_free(struct fixture *fixture)
{
	roadmap_free(&fixture->roadmap);
	score_free(fixture->base.scores);
}

static size_t
count_source(const struct roadmap *roadmap, enum roadmap_source source)
{
	size_t count = 0;

	for (size_t index = 0; index < roadmap->action_count; index++)
		count += roadmap->actions[index].source == source;
	return count;
}

/* A Walk team (overall >= 2) with one domain below 2.0: that domain's
 * gap comes first although another domain is weaker in a later stage. */
static void
test_foundations_first(void **state)
{
	/* Domains: sc jl hr md ev os ca ai, three questions each. */
	const char *sets[] = { "333" "333" "111" "333" "222" "333" "333" "222" };
	struct fixture fixture;

	(void)state;
	fixture_build(&fixture, sets, 1, NULL);
	assert_string_equal(framework->stages[fixture.base.scores->stage].id, "walk");
	assert_int_equal(fixture.roadmap.actions[0].source, ROADMAP_FROM_ANSWER);
	assert_string_equal(framework->domains[fixture.roadmap.actions[0].domain].id, "health_risk");
	assert_true(fixture.roadmap.actions[0].foundation);
	/* Domains at 2.00 are not below Walk's 2.0: not foundations. */
	for (size_t index = 1; index < fixture.roadmap.action_count; index++)
		assert_false(fixture.roadmap.actions[index].foundation);
	fixture_free(&fixture);
}

/* Lower scores first among equals in foundation status. */
static void
test_lower_scores_first(void **state)
{
	const char *sets[] = { "444" "333" "222" "111" "444" "444" "444" "444" };
	struct fixture fixture;

	(void)state;
	fixture_build(&fixture, sets, 1, NULL);
	assert_string_equal(framework->domains[fixture.roadmap.actions[0].domain].id, "metrics_data");
	assert_string_equal(framework->domains[fixture.roadmap.actions[1].domain].id, "health_risk");
	assert_string_equal(framework->domains[fixture.roadmap.actions[2].domain].id,
			    "journey_lifecycle");
	fixture_free(&fixture);
}

/* Eight assessed domains: the first eight answer actions are one each. */
static void
test_one_per_domain_first(void **state)
{
	const char *sets[] = { "121" "212" "112" "221" "111" "222" "121" "211" };
	struct fixture fixture;
	int seen[8] = { 0 };

	(void)state;
	fixture_build(&fixture, sets, 1, NULL);
	assert_int_equal(count_source(&fixture.roadmap, ROADMAP_FROM_ANSWER), ROADMAP_TARGET);
	for (size_t index = 0; index < fixture.roadmap.action_count; index++) {
		const struct roadmap_action *action = &fixture.roadmap.actions[index];

		if (action->source != ROADMAP_FROM_ANSWER)
			continue;
		assert_int_equal(seen[action->domain], 0);
		seen[action->domain] = 1;
	}
	fixture_free(&fixture);
}

/* Two domains answered: fewer than eight found, so depth is allowed, up to
 * three per domain, and no more. */
static void
test_depth_when_few_domains(void **state)
{
	const char *sets[] = { "123" "000" "000" "000" "000" "000" "000" "213" };
	struct fixture fixture;
	size_t per_domain[8] = { 0 };

	(void)state;
	fixture_build(&fixture, sets, 1, NULL);
	assert_int_equal(count_source(&fixture.roadmap, ROADMAP_FROM_ANSWER), 6);
	for (size_t index = 0; index < fixture.roadmap.action_count; index++)
		if (fixture.roadmap.actions[index].source == ROADMAP_FROM_ANSWER)
			per_domain[fixture.roadmap.actions[index].domain]++;
	assert_int_equal(per_domain[0], ROADMAP_PER_DOMAIN);
	assert_int_equal(per_domain[7], ROADMAP_PER_DOMAIN);
	/* Variety first: the first two actions are from different domains. */
	assert_int_not_equal(fixture.roadmap.actions[0].domain, fixture.roadmap.actions[1].domain);
	fixture_free(&fixture);
}

/* One domain only: its three questions, then the stage action. */
static void
test_one_domain(void **state)
{
	const char *sets[] = { "000" "000" "000" "000" "000" "000" "213" "000" };
	struct fixture fixture;

	(void)state;
	fixture_build(&fixture, sets, 1, NULL);
	assert_int_equal(count_source(&fixture.roadmap, ROADMAP_FROM_ANSWER), 3);
	assert_int_equal(count_source(&fixture.roadmap, ROADMAP_FROM_STAGE), 1);
	assert_int_equal(fixture.roadmap.actions[fixture.roadmap.action_count - 1].source,
			 ROADMAP_FROM_STAGE);
	fixture_free(&fixture);
}

/* No answers at all (never reaches the roadmap after validation, but the
 * roadmap must still hold): no answer actions, one stage action. */
static void
test_empty(void **state)
{
	const char *sets[] = { "000" "000" "000" "000" "000" "000" "000" "000" };
	struct fixture fixture;

	(void)state;
	fixture_build(&fixture, sets, 1, NULL);
	assert_int_equal(count_source(&fixture.roadmap, ROADMAP_FROM_ANSWER), 0);
	assert_int_equal(count_source(&fixture.roadmap, ROADMAP_FROM_STAGE), 1);
	fixture_free(&fixture);
}

/* The stage action never repeats a picked title, and is always there. */
static void
test_stage_action_not_duplicate(void **state)
{
	const char *sets[] = { "111" "111" "111" "111" "111" "111" "111" "111" };
	struct fixture fixture;

	(void)state;
	fixture_build(&fixture, sets, 1, NULL);
	assert_int_equal(count_source(&fixture.roadmap, ROADMAP_FROM_STAGE), 1);
	for (size_t index = 0; index < fixture.roadmap.action_count; index++)
		for (size_t other = index + 1; other < fixture.roadmap.action_count; other++)
			assert_string_not_equal(fixture.roadmap.actions[index].title,
						fixture.roadmap.actions[other].title);
	fixture_free(&fixture);
}

/* Respondents 1.5 or more apart on a domain: an alignment action for it,
 * first in the plan; a single respondent never gets one. */
static void
test_alignment_actions(void **state)
{
	const char *sets[] = { "333" "111" "333" "333" "333" "333" "333" "333",
			       "333" "444" "333" "222" "333" "333" "333" "333" };
	struct fixture fixture;

	(void)state;
	fixture_build(&fixture, sets, 2, NULL);
	assert_int_equal(count_source(&fixture.roadmap, ROADMAP_FROM_ALIGNMENT), 1);
	assert_int_equal(fixture.roadmap.actions[0].source, ROADMAP_FROM_ALIGNMENT);
	assert_string_equal(framework->domains[fixture.roadmap.actions[0].domain].id,
			    "journey_lifecycle");
	assert_int_equal(fixture.roadmap.actions[0].phase, 0);
	assert_non_null(strstr(fixture.roadmap.actions[0].text, "3.00"));
	assert_null(strchr(fixture.roadmap.actions[0].title, '{'));
	fixture_free(&fixture);

	fixture_build(&fixture, sets, 1, NULL);
	assert_int_equal(count_source(&fixture.roadmap, ROADMAP_FROM_ALIGNMENT), 0);
	fixture_free(&fixture);
}

/* Several respondents: the option nearest the mean, ties rounded down. */
static void
test_nearest_option(void **state)
{
	const char *sets[] = { "200" "000" "000" "000" "000" "000" "000" "000",
			       "300" "000" "000" "000" "000" "000" "000" "000" };
	struct fixture fixture;

	(void)state;
	fixture_build(&fixture, sets, 2, NULL);
	assert_int_equal(fixture.roadmap.actions[0].option, 2);
	assert_string_equal(fixture.roadmap.actions[0].title,
			    framework->questions[0].options[1].steps[SEGMENT_NONE].title);
	fixture_free(&fixture);
	assert_int_equal(score_option_for(2.67), 3);
	assert_int_equal(score_option_for(2.33), 2);
	assert_int_equal(score_option_for(3.5), 3);
	assert_int_equal(score_option_for(1.0), 1);
	assert_int_equal(score_option_for(4.0), 4);
}

/* A segment in the profile selects that segment's next step. */
static void
test_segment_variant(void **state)
{
	const char *sets[] = { "300" "000" "000" "000" "000" "000" "000" "000" };
	const struct framework_option *option = &framework->questions[0].options[2];
	struct fixture fixture;

	(void)state;
	assert_non_null(option->steps[SEGMENT_ENTERPRISE].title);
	fixture_build(&fixture, sets, 1, "seg_enterprise");
	assert_string_equal(fixture.roadmap.actions[0].text, option->steps[SEGMENT_ENTERPRISE].text);
	fixture_free(&fixture);
	fixture_build(&fixture, sets, 1, "seg_smb");
	assert_string_equal(fixture.roadmap.actions[0].text, option->steps[SEGMENT_SMB].text);
	fixture_free(&fixture);
	fixture_build(&fixture, sets, 1, "seg_midmarket");
	assert_string_equal(fixture.roadmap.actions[0].text,
			    option->steps[SEGMENT_MID_MARKET].text);
	fixture_free(&fixture);
	fixture_build(&fixture, sets, 1, "seg_mixed");
	assert_string_equal(fixture.roadmap.actions[0].text, option->steps[SEGMENT_NONE].text);
	fixture_free(&fixture);
}

/* Every question x score x segment: no empty text, no unfilled {name}. */
static void
test_every_action_is_complete(void **state)
{
	static const char *const segments[] = { NULL, "seg_smb", "seg_midmarket",
						"seg_enterprise", "seg_mixed" };
	char set[25];

	(void)state;
	for (size_t question = 0; question < framework->question_count; question++) {
		for (int score = 1; score <= 4; score++) {
			for (size_t segment = 0; segment < 5; segment++) {
				const char *sets[] = { set };
				struct fixture fixture;

				memset(set, '0', 24);
				set[24] = '\0';
				set[question] = (char)('0' + score);
				fixture_build(&fixture, sets, 1, segments[segment]);
				assert_true(fixture.roadmap.action_count >= 2);
				for (size_t index = 0; index < fixture.roadmap.action_count; index++) {
					const struct roadmap_action *action = &fixture.roadmap.actions[index];

					assert_true(strlen(action->title) > 3);
					assert_true(strlen(action->text) > 20);
					assert_null(strchr(action->title, '{'));
					assert_null(strchr(action->text, '{'));
					assert_true(action->phase < framework->phase_count);
				}
				fixture_free(&fixture);
			}
		}
	}
}

/* The same inputs give the same roadmap, and the order is 1, 2, 3 ... with
 * phases never going backwards. */
static void
test_deterministic(void **state)
{
	const char *sets[] = { "123" "321" "222" "133" "412" "221" "312" "111",
			       "213" "331" "141" "132" "221" "321" "213" "121" };
	struct fixture first, second;

	(void)state;
	fixture_build(&first, sets, 2, "seg_midmarket");
	fixture_build(&second, sets, 2, "seg_midmarket");
	assert_int_equal(first.roadmap.action_count, second.roadmap.action_count);
	for (size_t index = 0; index < first.roadmap.action_count; index++) {
		assert_int_equal(first.roadmap.actions[index].order, index + 1);
		assert_string_equal(first.roadmap.actions[index].title, second.roadmap.actions[index].title);
		assert_string_equal(first.roadmap.actions[index].text, second.roadmap.actions[index].text);
		if (index > 0)
			assert_true(first.roadmap.actions[index].phase >=
				    first.roadmap.actions[index - 1].phase);
	}
	fixture_free(&first);
	fixture_free(&second);
}

/* Time to the next stage: the pack's range, nearer its low end the
 * closer the team is to the next threshold; none at the top stage. */
static void
test_months(void **state)
{
	const char *near[] = { "333" "333" "333" "333" "333" "333" "332" "332" };
	const char *far[] = { "222" "222" "222" "222" "222" "222" "222" "222" };
	const char *top[] = { "444" "444" "444" "444" "444" "444" "444" "444" };
	struct fixture fixture;

	(void)state;
	fixture_build(&fixture, near, 1, NULL);
	assert_int_equal(fixture.roadmap.months_low, 9);
	assert_int_equal(fixture.roadmap.months_high, 18);
	fixture_free(&fixture);
	fixture_build(&fixture, far, 1, NULL);
	assert_int_equal(fixture.roadmap.months_estimate, 18);
	fixture_free(&fixture);
	fixture_build(&fixture, top, 1, NULL);
	assert_int_equal(fixture.roadmap.months_estimate, 0);
	fixture_free(&fixture);
	fixture_build(&fixture, (const char *[]){ "222" "222" "222" "222" "222" "222" "223" "333" }, 1,
		      NULL);
	assert_in_range(fixture.roadmap.months_estimate, 10, 17);
	fixture_free(&fixture);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_foundations_first),
		cmocka_unit_test(test_lower_scores_first),
		cmocka_unit_test(test_one_per_domain_first),
		cmocka_unit_test(test_depth_when_few_domains),
		cmocka_unit_test(test_one_domain),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_stage_action_not_duplicate),
		cmocka_unit_test(test_alignment_actions),
		cmocka_unit_test(test_nearest_option),
		cmocka_unit_test(test_segment_variant),
		cmocka_unit_test(test_every_action_is_complete),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_months),
	};

	return cmocka_run_group_tests_name("roadmap", tests, fixture_setup, fixture_teardown);
}
