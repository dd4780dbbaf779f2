/* Shared by unit tests that work on the default content pack: loading it
 * once per test file, and answer sets written as strings of 24 digits (one
 * per question, in the pack's order; '0' for a skipped question). */
#ifndef MATURITY_TEST_FIXTURE_H
#define MATURITY_TEST_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "answers.h"
#include "diag.h"
#include "framework.h"
#include "score.h"

enum { FIXTURE_QUESTIONS = 24, FIXTURE_RESPONDENTS = 3 };

static struct framework *framework;

static inline int
fixture_setup(void **state)
{
	struct diag diag;

	(void)state;
	diag_init(&diag, stderr);
	framework = framework_load("content/crawl-walk-run", "content/schema", &diag);
	return framework == NULL ? -1 : 0;
}

static inline int
fixture_teardown(void **state)
{
	(void)state;
	framework_free(framework);
	return 0;
}

/* An answer set of up to three respondents, and its scores. */
struct fixture_answers {
	struct answers answers;
	struct answers_respondent respondents[FIXTURE_RESPONDENTS];
	struct answers_answer storage[FIXTURE_RESPONDENTS][FIXTURE_QUESTIONS];
	struct scores *scores;
};

static inline void
fixture_answers_build(struct fixture_answers *fixture, const char *const *sets, size_t count,
		      const char *date, const char *segment)
{
	memset(fixture, 0, sizeof *fixture);
	fixture->answers.team = "team";
	fixture->answers.date = (char *)date;
	fixture->answers.segment = (char *)segment;
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

#endif
