/* Shared by unit tests that work on the default content pack: loading it
 * once per test file, and answer sets written as strings of 24 digits (one
 * per question, in the pack's order; '0' for a skipped question). */
#ifndef MATURITY_TEST_FIXTURE_H
#define MATURITY_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "diag.h"
#include "framework.h"
#include "model.h"
#include "pack.h"
#include "profile.h"
#include "score.h"
#include "scratch.h"

enum { FIXTURE_QUESTIONS = 24, FIXTURE_RESPONDENTS = 3, FIXTURE_PARAMETERS = 8 };

static struct framework *framework;

static inline int
fixture_setup(void **state)
{
	struct diag diag;

	(void)state;
	diag_init(&diag, stderr);
	framework = pack_load("content/crawl-walk-run", "content/schema", &diag);
	return framework == NULL ? -1 : 0;
}

static inline int
fixture_teardown(void **state)
{
	(void)state;
	pack_free(framework);
	return 0;
}

/* fixture_setup and a scratch folder, for the tests that write files. */
static inline int
fixture_scratch_setup(void **state)
{
	return fixture_setup(state) != 0 ? -1 : scratch_make();
}

static inline int
fixture_scratch_teardown(void **state)
{
	return fixture_teardown(state) | scratch_remove();
}

/* An answer set of up to three respondents, and its scores; segment is a
 * customer_segment option id, or NULL for no profile. */
struct fixture_answers {
	struct answers answers;
	struct answers_respondent respondents[FIXTURE_RESPONDENTS];
	struct answers_answer storage[FIXTURE_RESPONDENTS][FIXTURE_QUESTIONS];
	struct answers_profile segment;
	struct answers_profile profile[FIXTURE_PARAMETERS];
	struct scores *scores;
};

/* The customer_segment option with id as a validated profile value; 0, or
 * -1 when the pack has no such option. */
static inline int
fixture_segment(struct answers_profile *value, const char *id)
{
	long parameter = profile_find_parameter(framework, "customer_segment", NULL);
	long choice = parameter < 0 ? -1
				    : profile_find_choice(&framework->parameters[parameter], id, NULL);

	if (choice < 0)
		return -1;
	value->parameter = (size_t)parameter;
	value->choice = (size_t)choice;
	return 0;
}

static inline void
fixture_answers_build(struct fixture_answers *fixture, const char *const *sets, size_t count,
		      const char *date, const char *segment)
{
	memset(fixture, 0, sizeof *fixture);
	fixture->answers.team = "team";
	fixture->answers.date = (char *)date;
	if (segment != NULL) {
		if (fixture_segment(&fixture->segment, segment) != 0) {
			fprintf(stderr, "fixture: no customer_segment option %s\n", segment);
			abort();
		}
		fixture->answers.profile = &fixture->segment;
		fixture->answers.profile_count = 1;
	}
	fixture->answers.respondents = fixture->respondents;
	fixture->answers.respondent_count = count;
	for (size_t index = 0; index < count; index++) {
		struct answers_respondent *respondent = &fixture->respondents[index];

		respondent->answers = fixture->storage[index];
		for (size_t question = 0; question < FIXTURE_QUESTIONS; question++) {
			if (sets[index][question] == '0')
				continue;
			respondent->answers[respondent->answer_count].question = question;
			respondent->answers[respondent->answer_count].score = sets[index][question] - '0';
			respondent->answer_count++;
		}
	}
	fixture->scores = score_compute(framework, &fixture->answers);
}

/* Replaces the profile of a built answer set with the options whose ids
 * are given (NULL ids are passed over), in the pack's order of
 * parameters, as validation leaves it.  Aborts on an unknown id. */
static inline void
fixture_answers_profile(struct fixture_answers *fixture, const char *const *ids, size_t count)
{
	fixture->answers.profile = fixture->profile;
	fixture->answers.profile_count = 0;
	for (size_t parameter = 0; parameter < framework->parameter_count; parameter++) {
		for (size_t index = 0; index < count; index++) {
			long choice = ids[index] == NULL
					      ? -1
					      : profile_find_choice(&framework->parameters[parameter],
								    ids[index], NULL);

			if (choice < 0)
				continue;
			fixture->profile[fixture->answers.profile_count++] =
				(struct answers_profile){ .parameter = parameter, .choice = (size_t)choice };
		}
	}
	for (size_t index = 0; index < count; index++) {
		int known = ids[index] == NULL;

		for (size_t parameter = 0; parameter < framework->parameter_count && !known; parameter++)
			known = profile_find_choice(&framework->parameters[parameter], ids[index], NULL) >= 0;
		if (!known) {
			fprintf(stderr, "fixture: no profile option %s\n", ids[index]);
			abort();
		}
	}
}

/* A report model of answer sets written as digits, dated 2026-11-01,
 * compared with an earlier assessment (2025-11-01) when previous is not
 * NULL; generated 2026-11-22.  It points into the fixture: keep it in
 * place until fixture_model_free. */
struct fixture_model {
	struct fixture_answers current;
	struct fixture_answers previous;
	int has_previous;
	struct model_earlier earlier;   /* previous, as model_build takes it */
	struct model *model;
};

static inline struct model *
fixture_model_build(struct fixture_model *fixture, const char *const *sets, size_t count,
		    const char *const *previous, size_t previous_count)
{
	fixture_answers_build(&fixture->current, sets, count, "2026-11-01", NULL);
	fixture->has_previous = previous != NULL;
	if (previous != NULL)
		fixture_answers_build(&fixture->previous, previous, previous_count, "2025-11-01", NULL);
	fixture->earlier = (struct model_earlier){ &fixture->previous.answers,
						   fixture->previous.scores };
	fixture->model = model_build(framework, &fixture->current.answers, fixture->current.scores,
				     previous ? &fixture->earlier : NULL, previous != NULL, NULL,
				     "2026-11-22");
	return fixture->model;
}

/* One respondent's answer set with a profile: the options with the ids
 * given (see fixture_answers_profile). */
static inline struct model *
fixture_model_profiled(struct fixture_model *fixture, const char *set, const char *const *ids,
		       size_t id_count)
{
	const char *sets[] = { set };

	fixture_answers_build(&fixture->current, sets, 1, "2026-11-01", NULL);
	fixture_answers_profile(&fixture->current, ids, id_count);
	fixture->has_previous = 0;
	fixture->model = model_build(framework, &fixture->current.answers, fixture->current.scores,
				     NULL, 0, NULL, "2026-11-22");
	return fixture->model;
}

/* One answer set of one respondent, as fixture_model_build takes it. */
static inline struct model *
fixture_model_of(struct fixture_model *fixture, const char *set)
{
	const char *sets[] = { set };

	return fixture_model_build(fixture, sets, 1, NULL, 0);
}

static inline void
fixture_model_free(struct fixture_model *fixture)
{
	model_free(fixture->model);
	score_free(fixture->current.scores);
	if (fixture->has_previous)
		score_free(fixture->previous.scores);
}

#endif
