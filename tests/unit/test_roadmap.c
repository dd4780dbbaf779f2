/* Unit tests of the roadmap's ordering rules, on the default pack. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "roadmap.h"

#include <stdint.h>

/* The four-phase pack, for the tests that run over both packs. */
static struct framework *four_phase;

/* An answer set and its roadmap. */
struct fixture {
	struct fixture_answers base;
	struct roadmap roadmap;
};

static void
fixture_build(struct fixture *fixture, const char *const *sets, size_t count, const char *segment)
{
	fixture_answers_build(&fixture->base, sets, count, "2026-11-01", segment);
	roadmap_build(&fixture->roadmap, framework, &fixture->base.answers, fixture->base.scores,
		      NULL);
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

/* What every roadmap shows: orders 1, 2, 3 ..., phases that never go
 * back, and no title twice. */
static void
check_order(const struct roadmap *roadmap)
{
	for (size_t index = 0; index < roadmap->action_count; index++) {
		const struct roadmap_action *action = &roadmap->actions[index];

		assert_int_equal(action->order, index + 1);
		if (index > 0)
			assert_true(action->phase >= roadmap->actions[index - 1].phase);
		for (size_t other = index + 1; other < roadmap->action_count; other++)
			assert_string_not_equal(action->title, roadmap->actions[other].title);
	}
}

/* The most answer actions any one domain has. */
static size_t
most_per_domain(const struct roadmap *roadmap)
{
	size_t per_domain[8] = { 0 }, most = 0;

	for (size_t index = 0; index < roadmap->action_count; index++) {
		const struct roadmap_action *action = &roadmap->actions[index];

		if (action->source == ROADMAP_FROM_ANSWER && ++per_domain[action->domain] > most)
			most = per_domain[action->domain];
	}
	return most;
}

/* The ordering rules, one team each (domains: sc jl hr md ev os ca ai,
 * three questions each; -1 and 0 leave a column unchecked). */
static void
test_ordering_rules(void **state)
{
	static const struct {
		const char *rule;
		const char *sets[2];
		size_t respondents;
		long answers, stages, alignments, foundations;
		size_t most_per_domain;
		const char *first[3];   /* the domains of the first actions, in order */
		long first_source;
		int first_option;       /* the option the first action follows */
		const char *first_text; /* what the first action's text holds */
		int last_is_stage, variety;
	} cases[] = {
		{ "a Walk team's domain below 2.0 comes first, although another is weaker later",
		  { "333" "333" "111" "333" "222" "333" "333" "222" }, 1, -1, -1, -1, 1, 0,
		  { "health_risk" }, ROADMAP_FROM_ANSWER, 0, NULL, 0, 0 },
		{ "lower scores first among equals in foundation status",
		  { "444" "333" "222" "111" "444" "444" "444" "444" }, 1, -1, -1, -1, -1, 0,
		  { "metrics_data", "health_risk", "journey_lifecycle" }, -1, 0, NULL, 0, 0 },
		{ "eight assessed domains: the answer actions are one each",
		  { "121" "212" "112" "221" "111" "222" "121" "211" }, 1, ROADMAP_TARGET, -1, -1, -1, 1,
		  { NULL }, -1, 0, NULL, 0, 0 },
		{ "two domains: depth is allowed, up to three each, variety first",
		  { "123" "000" "000" "000" "000" "000" "000" "213" }, 1, 6, -1, -1, -1,
		  ROADMAP_PER_DOMAIN, { NULL }, -1, 0, NULL, 0, 1 },
		{ "one domain: its three questions, then the stage action",
		  { "000" "000" "000" "000" "000" "000" "213" "000" }, 1, 3, 1, -1, -1, 0, { NULL }, -1,
		  0, NULL, 1, 0 },
		{ "no answers at all: the stage action still",
		  { "000" "000" "000" "000" "000" "000" "000" "000" }, 1, 0, 1, -1, -1, 0, { NULL }, -1,
		  0, NULL, 0, 0 },
		{ "the stage action never repeats a picked title, and is always there",
		  { "111" "111" "111" "111" "111" "111" "111" "111" }, 1, -1, 1, -1, -1, 0, { NULL }, -1,
		  0, NULL, 0, 0 },
		{ "respondents 1.5 apart: an alignment action first, in the first phase",
		  { "333" "111" "333" "333" "333" "333" "333" "333",
		    "333" "444" "333" "222" "333" "333" "333" "333" },
		  2, -1, -1, 1, -1, 0, { "journey_lifecycle" }, ROADMAP_FROM_ALIGNMENT, 0, "3.00", 0,
		  0 },
		{ "a single respondent never gets one",
		  { "333" "111" "333" "333" "333" "333" "333" "333" }, 1, -1, -1, 0, -1, 0, { NULL },
		  -1, 0, NULL, 0, 0 },
		{ "several respondents: the option nearest the mean, ties rounded down",
		  { "200" "000" "000" "000" "000" "000" "000" "000",
		    "300" "000" "000" "000" "000" "000" "000" "000" },
		  2, -1, -1, -1, -1, 0, { NULL }, -1, 2, NULL, 0, 0 },
	};

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof *cases; index++) {
		struct fixture fixture;
		const struct roadmap *roadmap = &fixture.roadmap;
		const struct roadmap_action *first;
		long foundations = 0;

		print_message("%s\n", cases[index].rule);
		fixture_build(&fixture, cases[index].sets, cases[index].respondents, NULL);
		first = &roadmap->actions[0];
		check_order(roadmap);
		for (size_t action = 0; action < roadmap->action_count; action++)
			foundations += roadmap->actions[action].foundation;
		if (cases[index].answers >= 0)
			assert_int_equal(count_source(roadmap, ROADMAP_FROM_ANSWER), cases[index].answers);
		if (cases[index].stages >= 0)
			assert_int_equal(count_source(roadmap, ROADMAP_FROM_STAGE), cases[index].stages);
		if (cases[index].alignments >= 0)
			assert_int_equal(count_source(roadmap, ROADMAP_FROM_ALIGNMENT),
					 cases[index].alignments);
		if (cases[index].foundations >= 0) {
			assert_int_equal(foundations, cases[index].foundations);
			assert_true(first->foundation);
		}
		if (cases[index].most_per_domain > 0)
			assert_int_equal(most_per_domain(roadmap), cases[index].most_per_domain);
		for (size_t rank = 0; rank < 3 && cases[index].first[rank] != NULL; rank++)
			assert_string_equal(framework->domains[roadmap->actions[rank].domain].id,
					    cases[index].first[rank]);
		if (cases[index].first_source >= 0)
			assert_int_equal(first->source, cases[index].first_source);
		if (cases[index].first_option > 0) {
			assert_int_equal(first->option, cases[index].first_option);
			assert_string_equal(first->title,
					    framework->questions[first->question]
						    .options[first->option - 1]
						    .steps[SEGMENT_NONE]
						    .title);
		}
		if (cases[index].first_text != NULL) {
			assert_int_equal(first->phase, 0);
			assert_non_null(strstr(first->text, cases[index].first_text));
			assert_null(strchr(first->title, '{'));
		}
		if (cases[index].last_is_stage)
			assert_int_equal(roadmap->actions[roadmap->action_count - 1].source,
					 ROADMAP_FROM_STAGE);
		if (cases[index].variety)
			assert_int_not_equal(roadmap->actions[0].domain, roadmap->actions[1].domain);
		fixture_free(&fixture);
	}
}

/* The option the roadmap takes for a question's mean: the nearest, ties
 * rounded down. */
static void
test_nearest_option(void **state)
{
	static const struct {
		double mean;
		int option;
	} cases[] = { { 2.67, 3 }, { 2.33, 2 }, { 2.5, 2 }, { 3.5, 3 }, { 1.0, 1 }, { 4.0, 4 } };

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof *cases; index++)
		assert_int_equal(score_option_for(cases[index].mean), cases[index].option);
}

/* A segment in the profile selects that segment's next step; a mix of
 * segments, the general one. */
static void
test_segment_variant(void **state)
{
	static const struct {
		const char *choice;
		enum framework_segment segment;
	} cases[] = {
		{ "seg_enterprise", SEGMENT_ENTERPRISE },
		{ "seg_smb", SEGMENT_SMB },
		{ "seg_midmarket", SEGMENT_MID_MARKET },
		{ "seg_mixed", SEGMENT_NONE },
		{ NULL, SEGMENT_NONE },
	};
	const char *sets[] = { "300" "000" "000" "000" "000" "000" "000" "000" };
	const struct framework_option *option = &framework->questions[0].options[2];

	(void)state;
	assert_non_null(option->steps[SEGMENT_ENTERPRISE].title);
	for (size_t index = 0; index < sizeof cases / sizeof *cases; index++) {
		struct fixture fixture;

		fixture_build(&fixture, sets, 1, cases[index].choice);
		assert_string_equal(fixture.roadmap.actions[0].text,
				    option->steps[cases[index].segment].text);
		fixture_free(&fixture);
	}
}

/* The same inputs give the same roadmap. */
static void
test_deterministic(void **state)
{
	const char *sets[] = { "123" "321" "222" "133" "412" "221" "312" "111",
			       "213" "331" "141" "132" "221" "321" "213" "121" };
	struct fixture first, second;

	(void)state;
	fixture_build(&first, sets, 2, "seg_midmarket");
	fixture_build(&second, sets, 2, "seg_midmarket");
	check_order(&first.roadmap);
	assert_int_equal(first.roadmap.action_count, second.roadmap.action_count);
	for (size_t index = 0; index < first.roadmap.action_count; index++) {
		assert_string_equal(first.roadmap.actions[index].title, second.roadmap.actions[index].title);
		assert_string_equal(first.roadmap.actions[index].text, second.roadmap.actions[index].text);
	}
	fixture_free(&first);
	fixture_free(&second);
}

/* Time to the next stage: the pack's range (9 to 18 months), nearer its
 * low end the closer the team is to the next threshold; none at the top
 * stage. */
static void
test_months(void **state)
{
	static const struct {
		const char *set;
		int low, high;   /* the estimate's bounds */
	} cases[] = {
		{ "333" "333" "333" "333" "333" "333" "332" "332", 9, 11 },
		{ "222" "222" "222" "222" "222" "222" "222" "222", 18, 18 },
		{ "444" "444" "444" "444" "444" "444" "444" "444", 0, 0 },
		{ "222" "222" "222" "222" "222" "222" "223" "333", 10, 17 },
	};

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof *cases; index++) {
		const char *sets[] = { cases[index].set };
		struct fixture fixture;

		fixture_build(&fixture, sets, 1, NULL);
		assert_int_equal(fixture.roadmap.months_low, 9);
		assert_int_equal(fixture.roadmap.months_high, 18);
		assert_in_range(fixture.roadmap.months_estimate, cases[index].low, cases[index].high);
		fixture_free(&fixture);
	}
}

/* With its own pace, a team's time to the next stage is the distance
 * still to go at that pace, kept within the pack's range; a pace that is
 * not upward falls back to the range, and says so. */
static void
test_months_by_pace(void **state)
{
	/* Overall 2.38 at Walk: 0.62 to Run. */
	const char *sets[] = { "333" "232" "322" "322" "322" "332" "322" "221" };
	struct fixture_answers base;
	struct roadmap roadmap;
	struct roadmap_basis basis = { .has_pace = 1, .pace = 0.05 };

	(void)state;
	fixture_answers_build(&base, sets, 1, "2026-11-01", NULL);
	roadmap_build(&roadmap, framework, &base.answers, base.scores, &basis);
	assert_int_equal(roadmap.estimate, ROADMAP_ESTIMATE_PACE);
	assert_int_equal(roadmap.months_by_pace,
			 (int)lround((3.0 - base.scores->overall) / 0.05));
	assert_int_equal(roadmap.months_estimate, roadmap.months_by_pace);
	roadmap_free(&roadmap);

	/* Fast: bounded below by the range; slow: above. */
	basis.pace = 0.5;
	roadmap_build(&roadmap, framework, &base.answers, base.scores, &basis);
	assert_int_equal(roadmap.months_by_pace, 1);
	assert_int_equal(roadmap.months_estimate, 9);
	roadmap_free(&roadmap);
	basis.pace = 0.0001;
	roadmap_build(&roadmap, framework, &base.answers, base.scores, &basis);
	assert_int_equal(roadmap.months_by_pace, ROADMAP_PACE_MONTHS_MAX);
	assert_int_equal(roadmap.months_estimate, 18);
	roadmap_free(&roadmap);

	/* Not upward: the range, as without a pace, marked stalled. */
	basis.pace = -0.02;
	roadmap_build(&roadmap, framework, &base.answers, base.scores, &basis);
	assert_int_equal(roadmap.estimate, ROADMAP_ESTIMATE_STALLED);
	int stalled = roadmap.months_estimate;
	roadmap_free(&roadmap);
	roadmap_build(&roadmap, framework, &base.answers, base.scores, NULL);
	assert_int_equal(roadmap.estimate, ROADMAP_ESTIMATE_RANGE);
	assert_int_equal(roadmap.months_estimate, stalled);
	roadmap_free(&roadmap);
	score_free(base.scores);
}

/* The domain of the first action drawn from an answer, or SIZE_MAX. */
static size_t
first_answer_domain(const struct roadmap *roadmap)
{
	for (size_t index = 0; index < roadmap->action_count; index++)
		if (roadmap->actions[index].source == ROADMAP_FROM_ANSWER)
			return roadmap->actions[index].domain;
	return SIZE_MAX;
}

/* With targets the roadmap ranks by the gap to target times the domain's
 * weight: the largest weighted gap first, whatever the weakest domain;
 * foundations still come before everything; each action knows its gap. */
static void
test_targets_rank_by_weighted_gap(void **state)
{
	/* sc 3.00 jl 2.67 hr 2.33 md 2.33 ev 2.33 os 2.67 ca 2.67 ai 2.00: Walk,
	 * no foundation; AI Leverage is the weakest. */
	const char *sets[] = { "333" "332" "322" "232" "223" "323" "332" "222" };
	double targets[8] = { -1, -1, -1, -1, -1, -1, -1, -1 };
	struct fixture_answers base;
	struct roadmap roadmap;
	struct roadmap_basis basis = { .targets = targets };
	double saved;

	(void)state;
	fixture_answers_build(&base, sets, 1, "2026-11-01", NULL);
	roadmap_build(&roadmap, framework, &base.answers, base.scores, NULL);
	assert_string_equal(framework->domains[first_answer_domain(&roadmap)].id, "ai_leverage");
	roadmap_free(&roadmap);

	/* Segmentation aims at 4.00, a gap of 1.00; the rest are at target. */
	for (size_t domain = 0; domain < 8; domain++)
		targets[domain] = base.scores->domains[domain];
	targets[0] = 4.0;
	roadmap_build(&roadmap, framework, &base.answers, base.scores, &basis);
	assert_string_equal(framework->domains[first_answer_domain(&roadmap)].id,
			    "segmentation_coverage");
	for (size_t index = 0; index < roadmap.action_count; index++) {
		const struct roadmap_action *action = &roadmap.actions[index];

		assert_true(action->has_target);
		assert_true(action->gap == (action->domain == 0 ? 1.0 : 0.0));
	}
	roadmap_free(&roadmap);

	/* Journey aims 0.60 higher than it is, Segmentation 1.00: with a
	 * weight of 2, Journey's 1.20 comes first. */
	targets[1] = score_round(base.scores->domains[1] + 0.6);
	saved = framework->domains[1].weight;
	framework->domains[1].weight = 2;
	roadmap_build(&roadmap, framework, &base.answers, base.scores, &basis);
	assert_string_equal(framework->domains[first_answer_domain(&roadmap)].id,
			    "journey_lifecycle");
	roadmap_free(&roadmap);
	framework->domains[1].weight = saved;
	score_free(base.scores);

	/* Foundations first still: AI Leverage at 1.67 is below Walk's 2.00
	 * and comes before the largest gap. */
	const char *below[] = { "333" "332" "322" "232" "223" "323" "332" "122" };

	fixture_answers_build(&base, below, 1, "2026-11-01", NULL);
	assert_true(base.scores->domains[7] < 2.0 && base.scores->overall >= 2.0);
	for (size_t domain = 0; domain < 8; domain++)
		targets[domain] = base.scores->domains[domain];
	targets[0] = 4.0;
	roadmap_build(&roadmap, framework, &base.answers, base.scores, &basis);
	assert_string_equal(framework->domains[first_answer_domain(&roadmap)].id, "ai_leverage");
	assert_true(roadmap.actions[0].foundation);
	roadmap_free(&roadmap);
	score_free(base.scores);
}

/* A fixture with a profile of the given option ids (NULL ids passed over). */
static void
fixture_build_profile(struct fixture *fixture, const char *const *sets, size_t count,
		      const char *const *ids, size_t id_count, const struct scores *previous)
{
	fixture_answers_build(&fixture->base, sets, count, "2026-11-01", NULL);
	fixture_answers_profile(&fixture->base, ids, id_count);
	roadmap_build(&fixture->roadmap, framework, &fixture->base.answers, fixture->base.scores,
		      &(struct roadmap_basis){ .previous = previous });
}

/* The position of the action that comes from question, or -1. */
static long
position_of_question(const struct roadmap *roadmap, size_t question)
{
	for (size_t index = 0; index < roadmap->action_count; index++)
		if (roadmap->actions[index].source == ROADMAP_FROM_ANSWER &&
		    roadmap->actions[index].question == question)
			return (long)index;
	return -1;
}

static int
has_title(const struct roadmap *roadmap, const char *title)
{
	for (size_t index = 0; index < roadmap->action_count; index++)
		if (strcmp(roadmap->actions[index].title, title) == 0)
			return 1;
	return 0;
}

/* The option id of the customer segment whose next steps are segment's. */
static const char *
segment_choice(enum framework_segment segment)
{
	static const char *const ids[SEGMENT_COUNT] = {
		[SEGMENT_SMB] = "seg_smb",
		[SEGMENT_MID_MARKET] = "seg_midmarket",
		[SEGMENT_ENTERPRISE] = "seg_enterprise",
	};

	return ids[segment];
}

/* Each profile option with a fit, with the segments to try it with: its
 * own when it is a segment, else every segment and none. */
struct fit_case {
	const struct framework_choice *choice;
	const struct framework_fit *fit;
	enum framework_segment segment;      /* the segment beside it, or its own */
	const char *ids[2];                  /* the profile with it: the segment, then it */
};

static size_t
fit_cases(struct fit_case *cases, size_t limit)
{
	size_t count = 0;

	for (size_t parameter = 0; parameter < framework->parameter_count; parameter++) {
		for (size_t index = 0; index < framework->parameters[parameter].choice_count; index++) {
			const struct framework_choice *choice =
				&framework->parameters[parameter].choices[index];

			for (int segment = SEGMENT_NONE; choice->fit != NULL && segment < SEGMENT_COUNT;
			     segment++) {
				if (choice->segment != SEGMENT_NONE && segment != (int)choice->segment)
					continue;
				assert_true(count < limit);
				cases[count++] = (struct fit_case){
					choice, choice->fit, (enum framework_segment)segment,
					{ choice->segment != SEGMENT_NONE ? NULL
									  : segment_choice(segment),
					  choice->id }
				};
			}
		}
	}
	return count;
}

/* Every question answered 4 but question, answered option, whose domain
 * has no other answer: its step is the domain's only candidate. */
static void
set_alone(char set[FIXTURE_QUESTIONS + 1], size_t question, int option)
{
	size_t domain = framework->questions[question].domain;

	for (size_t index = 0; index < FIXTURE_QUESTIONS; index++)
		set[index] = framework->questions[index].domain == domain ? '0' : '4';
	set[question] = (char)('0' + option);
	set[FIXTURE_QUESTIONS] = '\0';
}

/* How many of a fit case's next steps that carry a tag it de-prioritises
 * are in the roadmap without it and absent, named among the omissions,
 * with it. */
static size_t
leaves_out(const struct fit_case *fit_case)
{
	size_t found = 0;

	for (size_t question = 0; question < framework->question_count; question++) {
		for (int option = 1; option <= 4; option++) {
			const struct framework_option *choice =
				&framework->questions[question].options[option - 1];
			const struct framework_next_step *step =
				fit_case->segment != SEGMENT_NONE &&
						choice->steps[fit_case->segment].title != NULL
					? &choice->steps[fit_case->segment]
					: &choice->steps[SEGMENT_NONE];
			char set[FIXTURE_QUESTIONS + 1];
			const char *sets[] = { set };
			struct fixture without, with;
			int omitted = 0;

			if ((step->marks.tags & fit_case->fit->avoid) == 0)
				continue;
			set_alone(set, question, option);
			fixture_build_profile(&without, sets, 1, fit_case->ids, 1, NULL);
			fixture_build_profile(&with, sets, 1, fit_case->ids, 2, NULL);
			if (has_title(&without.roadmap, step->title)) {
				assert_false(has_title(&with.roadmap, step->title));
				for (size_t other = 0; other < with.roadmap.omission_count; other++)
					omitted |= with.roadmap.omissions[other].title == step->title &&
						   with.roadmap.omissions[other].fit == fit_case->fit;
				assert_true(omitted);
				found++;
			}
			fixture_free(&without);
			fixture_free(&with);
		}
	}
	return found;
}

/* For every profile option that de-prioritises tags: a next step carrying
 * one of them, in the roadmap without the option, is absent with it and
 * named among the omissions; with some segment or none, every such option
 * leaves out something. */
static void
test_profile_leaves_out(void **state)
{
	struct fit_case cases[256];
	size_t count = fit_cases(cases, 256);

	(void)state;
	for (size_t index = 0; index < count; index++) {
		size_t found = 0;
		const struct framework_choice *choice = cases[index].choice;

		if (cases[index].fit->avoid == 0 || (index > 0 && cases[index - 1].choice == choice))
			continue;
		for (size_t other = index; other < count && cases[other].choice == choice; other++)
			found += leaves_out(&cases[other]);
		if (found == 0)
			fprintf(stderr, "nothing is left out for %s\n", choice->id);
		assert_true(found > 0);
	}
}

/* A domain a little stronger than the rest, which emphasis can move
 * ahead of them: question answered option and the rest of its domain one
 * level higher; every other domain option, option, option + 1. */
static void
set_slightly_stronger(char set[FIXTURE_QUESTIONS + 1], size_t question, int option)
{
	size_t domain = framework->questions[question].domain;

	for (size_t index = 0; index < FIXTURE_QUESTIONS; index++) {
		const struct framework_domain *own = &framework->domains[framework->questions[index].domain];
		int last = index == own->first_question + own->question_count - 1;

		set[index] = (char)('0' + (framework->questions[index].domain == domain || last
						   ? option + 1
						   : option));
	}
	set[question] = (char)('0' + option);
	set[FIXTURE_QUESTIONS] = '\0';
}

/* The step a profile of the segment and the option gives: the segment's
 * unless the option leaves it out, else the general one. */
static const struct framework_next_step *
step_with(const struct fit_case *fit_case, const struct framework_option *option)
{
	const struct framework_next_step *variant =
		fit_case->segment != SEGMENT_NONE ? &option->steps[fit_case->segment] : NULL;

	if (variant != NULL && variant->title != NULL && (variant->marks.tags & fit_case->fit->avoid) == 0)
		return variant;
	return &option->steps[SEGMENT_NONE];
}

/* For every profile option that emphasises tags: an action carrying one
 * ranks earlier with the option than without it, and its card names the
 * option's reason. */
static void
test_profile_ranks_up(void **state)
{
	struct fit_case cases[256];
	size_t count = fit_cases(cases, 256);

	(void)state;
	for (size_t parameter = 0; parameter < framework->parameter_count; parameter++)
		for (size_t index = 0; index < framework->parameters[parameter].choice_count; index++) {
			const struct framework_choice *choice = &framework->parameters[parameter].choices[index];
			size_t found = 0;

			if (choice->fit == NULL || choice->fit->emphasise == 0)
				continue;
			for (size_t number = 0; number < count && found == 0; number++) {
				const struct fit_case *fit_case = &cases[number];

				if (fit_case->choice != choice)
					continue;
				for (size_t question = 0; question < framework->question_count; question++) {
					for (int option = 1; option <= 3; option++) {
						const struct framework_next_step *step = step_with(
							fit_case,
							&framework->questions[question].options[option - 1]);
						char set[FIXTURE_QUESTIONS + 1];
						const char *sets[] = { set };
						struct fixture without, with;
						long before, after;

						if ((step->marks.tags & choice->fit->emphasise) == 0)
							continue;
						set_slightly_stronger(set, question, option);
						fixture_build_profile(&without, sets, 1, fit_case->ids, 1, NULL);
						fixture_build_profile(&with, sets, 1, fit_case->ids, 2, NULL);
						before = position_of_question(&without.roadmap, question);
						after = position_of_question(&with.roadmap, question);
						/* Alone in the profile and leaving nothing out,
						 * the option is named on the card it ranked up. */
						if (before >= 0 && after >= 0 && after < before) {
							if (fit_case->ids[0] == NULL &&
							    with.roadmap.omission_count == 0)
								assert_ptr_equal(with.roadmap.actions[after].fit,
										 choice->fit);
							found++;
						}
						fixture_free(&without);
						fixture_free(&with);
					}
				}
			}
			if (found == 0)
				fprintf(stderr, "no action ranks up for %s\n", choice->id);
			assert_true(found > 0);
		}
}

/* What holds for every roadmap: every action's words complete (no empty
 * text, no unfilled {name}) and in one of the pack's phases, one action
 * per theme, none before an action it needs, the orders it builds on
 * earlier than its own, nothing the profile leaves out. */
static void
check_roadmap(const struct framework *pack, const struct roadmap *roadmap, uint64_t avoided)
{
	for (size_t index = 0; index < roadmap->action_count; index++) {
		const struct roadmap_action *action = &roadmap->actions[index];

		assert_true(strlen(action->title) > 3);
		assert_true(strlen(action->text) > 20);
		assert_null(strchr(action->title, '{'));
		assert_null(strchr(action->text, '{'));
		assert_true(action->phase < pack->phase_count);
		assert_non_null(action->marks);
		assert_int_equal(action->marks->tags & avoided, 0);
		for (size_t need = 0; need < action->need_count; need++)
			assert_true(action->needs[need] < action->order);
		for (size_t later = index + 1; later < roadmap->action_count; later++) {
			const struct roadmap_action *other = &roadmap->actions[later];

			if (action->marks->theme >= 0)
				assert_int_not_equal(action->marks->theme, other->marks->theme);
			assert_false(framework_theme_needs(pack, action->marks->theme,
							   other->marks->theme));
		}
	}
}

/* The tags the profile of a fixture leaves out. */
static uint64_t
avoided_by(const struct fixture *fixture)
{
	uint64_t avoided = 0;

	for (size_t index = 0; index < fixture->base.answers.profile_count; index++) {
		const struct answers_profile *value = &fixture->base.answers.profile[index];
		const struct framework_fit *fit =
			framework->parameters[value->parameter].choices[value->choice].fit;

		avoided |= fit != NULL ? fit->avoid : 0;
	}
	return avoided;
}

/* Every question x score x segment, the other questions unanswered or all
 * at one level, in both packs: the invariants hold, and a question
 * answered alone gives its action and the stage's, unless the profile
 * leaves the answer's out. */
static void
test_every_roadmap_holds_together(void **state)
{
	static const char *const segments[] = { NULL, "seg_smb", "seg_midmarket",
						"seg_enterprise", "seg_mixed" };
	struct framework *packs[] = { framework, four_phase };
	size_t themed = 0;

	(void)state;
	for (size_t pack = 0; pack < 2; pack++) {
		framework = packs[pack];
		for (size_t question = 0; question < framework->question_count; question++)
			for (int score = 1; score <= 4; score++)
				for (size_t segment = 0; segment < 5; segment++)
					for (int base = 0; base <= 4; base++) {
						char set[FIXTURE_QUESTIONS + 1];
						const char *sets[] = { set };
						struct fixture fixture;

						memset(set, '0' + base, FIXTURE_QUESTIONS);
						set[FIXTURE_QUESTIONS] = '\0';
						set[question] = (char)('0' + score);
						fixture_build_profile(&fixture, sets, 1, &segments[segment], 1,
								      NULL);
						check_roadmap(framework, &fixture.roadmap,
							      avoided_by(&fixture));
						if (base == 0)
							assert_true(fixture.roadmap.action_count >=
								    2 - (fixture.roadmap.omission_count > 0));
						for (size_t index = 0; index < fixture.roadmap.action_count;
						     index++)
							themed += fixture.roadmap.actions[index].marks->theme >= 0;
						fixture_free(&fixture);
					}
	}
	framework = packs[0];
	assert_true(themed > 0);
}

/* A small deterministic generator, so the random sets are the same on
 * every run. */
static uint32_t
next_random(uint32_t *state)
{
	*state = *state * 1664525u + 1013904223u;
	return *state >> 8;
}

/* Two thousand random teams per pack, of one or two respondents, with a
 * random value for every profile parameter and a previous assessment:
 * the invariants hold, and needs are honoured. */
static void
test_random_roadmaps_hold_together(void **state)
{
	struct framework *packs[] = { framework, four_phase };
	uint32_t seed = 20261101;
	size_t needs = 0, regressions = 0;

	(void)state;
	for (size_t pack = 0; pack < 2; pack++) {
		framework = packs[pack];
		for (int round = 0; round < 2000; round++) {
			char sets_storage[3][FIXTURE_QUESTIONS + 1];
			const char *sets[] = { sets_storage[0], sets_storage[1] };
			const char *before_sets[] = { sets_storage[2] };
			const char *ids[FIXTURE_PARAMETERS] = { NULL };
			size_t respondents = 1 + next_random(&seed) % 2;
			struct fixture fixture, before;

			for (int row = 0; row < 3; row++) {
				for (size_t index = 0; index < FIXTURE_QUESTIONS; index++)
					sets_storage[row][index] = (char)('0' + next_random(&seed) % 5);
				sets_storage[row][FIXTURE_QUESTIONS] = '\0';
				sets_storage[row][next_random(&seed) % FIXTURE_QUESTIONS] = '1';
			}
			for (size_t parameter = 0; parameter < framework->parameter_count; parameter++) {
				const struct framework_parameter *definition = &framework->parameters[parameter];
				uint32_t pick = next_random(&seed) % (definition->choice_count + 1);

				ids[parameter] = pick < definition->choice_count ? definition->choices[pick].id
										 : NULL;
			}
			fixture_answers_build(&before.base, before_sets, 1, "2025-11-01", NULL);
			fixture_build_profile(&fixture, sets, respondents, ids, framework->parameter_count,
					      before.base.scores);
			check_roadmap(framework, &fixture.roadmap, avoided_by(&fixture));
			for (size_t index = 0; index < fixture.roadmap.action_count; index++) {
				needs += fixture.roadmap.actions[index].need_count;
				regressions += fixture.roadmap.actions[index].source ==
					       ROADMAP_FROM_REGRESSION;
			}
			fixture_free(&fixture);
			score_free(before.base.scores);
		}
	}
	framework = packs[0];
	/* The sets are varied enough to exercise both rules. */
	assert_true(needs > 0);
	assert_true(regressions > 0);
}

/* A fall of a quarter point or more is a regression with an action of its
 * own, the largest first, in the first phase; a smaller fall is not. */
static void
test_regression_actions(void **state)
{
	const char *now[] = { "222" "444" "111" "333" "333" "333" "333" "333" };
	const char *then[] = { "333" "444" "333" "333" "333" "333" "333" "333" };
	struct fixture before, fixture;

	(void)state;
	fixture_answers_build(&before.base, then, 1, "2025-11-01", NULL);
	fixture_build_profile(&fixture, now, 1, NULL, 0, before.base.scores);
	assert_int_equal(count_source(&fixture.roadmap, ROADMAP_FROM_REGRESSION), 2);
	assert_int_equal(fixture.roadmap.actions[0].source, ROADMAP_FROM_REGRESSION);
	assert_string_equal(framework->domains[fixture.roadmap.actions[0].domain].id, "health_risk");
	assert_true(fixture.roadmap.actions[0].previous_score == 3.0);
	assert_string_equal(framework->domains[fixture.roadmap.actions[1].domain].id,
			    "segmentation_coverage");
	assert_int_equal(fixture.roadmap.actions[1].phase, 0);
	assert_non_null(strstr(fixture.roadmap.actions[1].text, "3.00"));
	assert_null(strchr(fixture.roadmap.actions[1].title, '{'));
	/* The threshold: a quarter point, after rounding to two decimals. */
	assert_true(roadmap_regressed(2.75, 3.00));
	assert_false(roadmap_regressed(2.76, 3.00));
	fixture_free(&fixture);
	score_free(before.base.scores);
}

/* The weakest domain's first step stays early when it needs a step from a
 * stronger domain: at Forming, with Health at 1.00, the weekly
 * renewal-risk review comes right after the renewal calendar it needs,
 * and before the first health score that needs it. */
static void
test_needs_pulled_forward(void **state)
{
	const char *sets[] = { "212" "221" "111" "212" "121" "211" "122" "112" };
	struct framework *saved = framework;
	struct fixture fixture;
	long calendar = -1, review = -1, score = -1;

	(void)state;
	framework = four_phase;
	fixture_build(&fixture, sets, 1, NULL);
	for (size_t index = 0; index < fixture.roadmap.action_count; index++) {
		const char *title = fixture.roadmap.actions[index].title;

		if (strcmp(title, "Build a renewal calendar for the next year") == 0)
			calendar = (long)index;
		else if (strcmp(title, "Hold a weekly renewal-risk review") == 0)
			review = (long)index;
		else if (strcmp(title, "Agree on three or four health inputs") == 0)
			score = (long)index;
	}
	assert_int_equal(calendar, 0);
	assert_int_equal(review, 1);
	assert_int_equal(score, 2);
	fixture_free(&fixture);
	framework = saved;
}

static int
setup(void **state)
{
	struct diag diag;

	diag_init(&diag, stderr);
	four_phase = pack_load("content/four-phase", "content/schema", &diag);
	return four_phase == NULL ? -1 : fixture_setup(state);
}

static int
teardown(void **state)
{
	pack_free(four_phase);
	return fixture_teardown(state);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ordering_rules),
		cmocka_unit_test(test_nearest_option),
		cmocka_unit_test(test_segment_variant),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_months_by_pace),
		cmocka_unit_test(test_targets_rank_by_weighted_gap),
		cmocka_unit_test(test_profile_leaves_out),
		cmocka_unit_test(test_profile_ranks_up),
		cmocka_unit_test(test_every_roadmap_holds_together),
		cmocka_unit_test(test_random_roadmaps_hold_together),
		cmocka_unit_test(test_regression_actions),
		cmocka_unit_test(test_needs_pulled_forward),
	};

	return cmocka_run_group_tests_name("roadmap", tests, setup, teardown);
}
