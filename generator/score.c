/* Scoring rules; see score.h and the README's "Scoring" section. */
#include "score.h"

#include "answers.h"
#include "framework.h"
#include "xalloc.h"

#include <math.h>
#include <stdlib.h>

double
score_round(double value)
{
	return round(value * 100) / 100;
}

double
score_display(double overall)
{
	double scaled = overall * 2.5;      /* the double the site rounds */
	double tenths = floor(scaled * 10); /* floor(10 x), or one above when 10 x rounded up */

	/* fma rounds once, after the exact product and sum, so its sign is
	 * the sign of the exact difference. */
	if (fma(scaled, 10, -tenths) < 0)
		tenths -= 1;
	/* Up from the midpoint between two tenths, the midpoint included. */
	if (fma(scaled, 20, -(2 * tenths + 1)) >= 0)
		tenths += 1;
	return tenths / 10;
}

static int
score_compare(const void *left, const void *right)
{
	double a = *(const double *)left, b = *(const double *)right;

	return (a > b) - (a < b);
}

double
score_median(double *values, size_t count)
{
	qsort(values, count, sizeof *values, score_compare);
	if (count % 2 == 1)
		return score_round(values[count / 2]);
	return score_round((values[count / 2 - 1] + values[count / 2]) / 2);
}

double
score_percentile(const double *sorted, size_t count, double value)
{
	size_t below = 0, equal = 0;

	for (size_t index = 0; index < count; index++) {
		if (sorted[index] < value - 1e-9)
			below++;
		else if (sorted[index] <= value + 1e-9)
			equal++;
	}
	return count ? round(100.0 * ((double)below + (double)equal / 2) / (double)count) : 0;
}

double
score_fraction(double score)
{
	return (score - 1) / 3;
}

int
score_option_for(double value)
{
	int option = (int)ceil(value - 0.5);

	return option < 1 ? 1 : option > 4 ? 4 : option;
}

/* One respondent's score for one domain, unrounded (the spread is rounded
 * once, after subtracting), or SCORE_NOT_ASSESSED. */
static double
score_respondent_domain(const struct framework *framework,
			const struct answers_respondent *respondent, size_t domain)
{
	double sum = 0;
	unsigned count = 0;

	for (size_t index = 0; index < respondent->answer_count; index++) {
		const struct answers_answer *answer = &respondent->answers[index];

		if (framework->questions[answer->question].domain == domain) {
			sum += answer->score;
			count++;
		}
	}
	return count ? sum / count : SCORE_NOT_ASSESSED;
}

struct scores *
score_compute(const struct framework *framework, const struct answers *answers)
{
	struct scores *scores = xcalloc(1, sizeof *scores);
	double *sums = xcalloc(framework->question_count, sizeof *sums);
	double weighted = 0, weights = 0;

	scores->question_values = xcalloc(framework->question_count, sizeof *scores->question_values);
	scores->question_respondents = xcalloc(framework->question_count,
					       sizeof *scores->question_respondents);
	scores->domains = xcalloc(framework->domain_count, sizeof *scores->domains);
	scores->spreads = xcalloc(framework->domain_count, sizeof *scores->spreads);
	scores->charters = xcalloc(framework->charter_count, sizeof *scores->charters);

	/* Rule 1: a question's value is the mean of its respondents' scores. */
	for (size_t index = 0; index < answers->respondent_count; index++) {
		const struct answers_respondent *respondent = &answers->respondents[index];

		for (size_t number = 0; number < respondent->answer_count; number++) {
			sums[respondent->answers[number].question] += respondent->answers[number].score;
			scores->question_respondents[respondent->answers[number].question]++;
		}
	}
	for (size_t question = 0; question < framework->question_count; question++)
		scores->question_values[question] =
			scores->question_respondents[question]
				? sums[question] / scores->question_respondents[question]
				: SCORE_NOT_ASSESSED;

	/* Rule 2: a domain's score is the mean of its answered questions. */
	for (size_t domain = 0; domain < framework->domain_count; domain++) {
		const struct framework_domain *definition = &framework->domains[domain];
		double sum = 0, low = 5, high = 0;
		unsigned count = 0, respondents = 0;

		for (size_t offset = 0; offset < definition->question_count; offset++) {
			double value = scores->question_values[definition->first_question + offset];

			if (value != SCORE_NOT_ASSESSED) {
				sum += value;
				count++;
			}
		}
		scores->domains[domain] = count ? score_round(sum / count) : SCORE_NOT_ASSESSED;

		/* Rule 5: how far the respondents' own domain scores lie apart. */
		for (size_t index = 0; index < answers->respondent_count; index++) {
			double own = score_respondent_domain(framework, &answers->respondents[index],
							     domain);

			if (own == SCORE_NOT_ASSESSED)
				continue;
			low = own < low ? own : low;
			high = own > high ? own : high;
			respondents++;
		}
		scores->spreads[domain] = respondents > 1 ? score_round(high - low) : 0;

		/* Rule 3: the weighted mean of assessed domains. */
		if (count) {
			weighted += scores->domains[domain] * definition->weight;
			weights += definition->weight;
			scores->assessed++;
		}
	}
	scores->overall = weights > 0 ? score_round(weighted / weights) : SCORE_NOT_ASSESSED;

	/* Charters score like domains, over their own questions. */
	for (size_t charter = 0; charter < framework->charter_count; charter++) {
		const struct framework_charter *definition = &framework->charters[charter];
		double sum = 0;
		unsigned count = 0;

		for (size_t index = 0; index < definition->question_count; index++) {
			double value = scores->question_values[definition->questions[index]];

			if (value != SCORE_NOT_ASSESSED) {
				sum += value;
				count++;
			}
		}
		scores->charters[charter] = count ? score_round(sum / count) : SCORE_NOT_ASSESSED;
	}

	/* Rule 4: the stage, and the /10 display score. */
	if (scores->overall != SCORE_NOT_ASSESSED) {
		scores->stage = framework_stage_for(framework, scores->overall);
		scores->display = score_display(scores->overall);
	}
	free(sums);
	return scores;
}

void
score_free(struct scores *scores)
{
	if (scores == NULL)
		return;
	free(scores->question_values);
	free(scores->question_respondents);
	free(scores->domains);
	free(scores->spreads);
	free(scores->charters);
	free(scores);
}
