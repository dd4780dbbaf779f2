/* Synthetic answer sets; see sample.h.  A team has an underlying maturity
 * drawn across all stages, each domain a lean of its own, and each
 * respondent a bias; answers scatter around that.  A third of the teams
 * also have an assessment from a year before, a little less mature.
 * Teams are spread over a few units in turn, one in seven in none. */
#include "sample.h"

#include "answers.h"
#include "calendar.h"
#include "diag.h"
#include "framework.h"
#include "interrupt.h"
#include "outfile.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* splitmix64: small, fast and the same everywhere; the state is local. */
static uint64_t
sample_next(uint64_t *state)
{
	uint64_t value = (*state += 0x9e3779b97f4a7c15ULL);

	value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
	value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
	return value ^ (value >> 31);
}

/* Uniform in [0, 1). */
static double
sample_uniform(uint64_t *state)
{
	return (double)(sample_next(state) >> 11) / 9007199254740992.0;
}

/* Roughly normal, mean 0 and deviation 1 (the sum of four uniforms). */
static double
sample_normal(uint64_t *state)
{
	double sum = 0;

	for (int index = 0; index < 4; index++)
		sum += sample_uniform(state);
	return (sum - 2.0) * 1.7320508;
}

static const char *const sample_roles[] = { "CS Director", "Senior CSM", "CSM",
					    "CS Operations", "Onboarding Lead" };
static const char *const sample_names[] = { "Atlas", "Birch", "Cobalt", "Delta", "Ember",
					    "Fjord", "Granite", "Harbor", "Iris", "Juniper",
					    "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchid",
					    "Pioneer", "Quarry", "Redwood", "Summit", "Tidal" };

/* The units teams are spread over, in turn; the last stands for none. */
static const char *const sample_units[] = { "EMEA/Enterprise", "EMEA/Mid-market",
					    "Americas/Enterprise", "Americas/Mid-market",
					    "Americas/SMB", "APAC", NULL };

/* One answer set: maturity is the team's underlying level (1-4). */
static int
sample_one(const struct outfile_folder *folder, const struct framework *framework, size_t number,
	   const char *date, double maturity, const double *leans, uint64_t *state,
	   struct diag *diag)
{
	struct answers *answers = xcalloc(1, sizeof *answers);
	size_t respondents = 1 + (size_t)(sample_uniform(state) * 3.2);
	char text[64];
	char *xml, *name_of_file;
	size_t length;
	int result;

	answers->team = xasprintf("team-%05zu", number);
	answers->date = xstrdup(date);
	if (sample_units[number % (sizeof sample_units / sizeof *sample_units)] != NULL)
		answers->unit = xstrdup(sample_units[number % (sizeof sample_units / sizeof *sample_units)]);
	answers->name = xasprintf("%s %s Customer Success",
				  sample_names[number % (sizeof sample_names / sizeof *sample_names)],
				  sample_names[(number / 20) % (sizeof sample_names / sizeof *sample_names)]);

	/* A profile from the pack's own options, one for each parameter. */
	for (size_t index = 0; index < framework->parameter_count; index++) {
		const struct framework_parameter *parameter = &framework->parameters[index];
		size_t pick = (size_t)(sample_uniform(state) * (double)parameter->choice_count);

		answers_add_profile(answers, parameter->id, parameter->choices[pick].id, 0);
	}

	for (size_t person = 0; person < respondents; person++) {
		struct answers_respondent *respondent;
		double bias = sample_normal(state) * 0.35;

		snprintf(text, sizeof text, "person-%zu", person + 1);
		respondent = answers_add_respondent(answers, text, sample_roles[person % 5]);
		for (size_t question = 0; question < framework->question_count; question++) {
			double level = maturity + leans[framework->questions[question].domain] + bias +
				       sample_normal(state) * 0.55;
			int score = (int)lround(level);

			/* About one answer in twenty is skipped. */
			if (sample_uniform(state) < 0.05)
				continue;
			score = score < 1 ? 1 : score > 4 ? 4 : score;
			snprintf(text, sizeof text, "%d", score);
			answers_add_answer(respondent, framework->questions[question].id, text, 0);
		}
		/* Everyone answers at least the first question. */
		if (respondent->answer_count == 0)
			answers_add_answer(respondent, framework->questions[0].id, "2", 0);
	}
	xml = answers_to_xml(answers, &length);
	name_of_file = xasprintf("%s-%s.xml", answers->team, answers->date);
	result = outfile_write(folder, name_of_file, xml, length, diag);
	free(xml);
	free(name_of_file);
	answers_free(answers);
	return result;
}

int
sample_write(const char *path, size_t teams, uint64_t seed, const char *today,
	     const struct framework *framework, struct diag *diag)
{
	uint64_t state = seed;
	struct outfile_folder *folder = outfile_folder_open(path, diag);
	double *leans;
	int failed = 0;

	if (folder == NULL)
		return -1;
	leans = xcalloc(framework->domain_count ? framework->domain_count : 1, sizeof *leans);
	for (size_t number = 1; number <= teams && !failed && !interrupt_requested(); number++) {
		/* Spread teams over every stage, most in the middle. */
		double maturity = 1.2 + 2.6 * (sample_uniform(&state) + sample_uniform(&state)) / 2;
		/* Dated over the year up to today, never after it; a team's
		 * earlier assessment a year before its latest. */
		unsigned days_back = (unsigned)((number * 29) % 365);
		char latest[CALENDAR_DAY_SIZE], earlier[CALENDAR_DAY_SIZE];

		calendar_days_before(today, days_back, latest);
		calendar_days_before(today, days_back + 365, earlier);
		for (size_t domain = 0; domain < framework->domain_count; domain++)
			leans[domain] = sample_normal(&state) * 0.45;
		failed |= sample_one(folder, framework, number, latest, maturity, leans, &state,
				     diag) != 0;
		if (sample_uniform(&state) < 0.33)
			failed |= sample_one(folder, framework, number, earlier, maturity - 0.5, leans,
					     &state, diag) != 0;
	}
	free(leans);
	outfile_folder_close(folder);
	return failed ? -1 : 0;
}
