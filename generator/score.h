/* Scoring: question values, domain and charter scores, respondents'
 * spread, the overall score and the stage.  Pure arithmetic over a
 * validated answer set; every rounding happens here, once. */
#ifndef MATURITY_SCORE_H
#define MATURITY_SCORE_H

#include <stddef.h>

struct answers;
struct framework;

/* Marks a question, domain or charter that nobody answered. */
#define SCORE_NOT_ASSESSED (-1.0)

struct scores {
	double *question_values;  /* per framework question: mean score 1.0-4.0, unrounded, or SCORE_NOT_ASSESSED */
	unsigned *question_respondents; /* how many respondents answered each question */
	double *domains;          /* per framework domain: 1.00-4.00 rounded to 0.01, or SCORE_NOT_ASSESSED */
	double *spreads;          /* per domain: highest minus lowest respondent's own domain mean, rounded to 0.01, 0.00-3.00 */
	double *charters;         /* per framework charter: 1.00-4.00, or SCORE_NOT_ASSESSED */
	double overall;           /* weighted mean of assessed domains, 1.00-4.00 rounded to 0.01 */
	double display;           /* overall on the /10 scale, 0.0-10.0 in 0.1 steps: score_display */
	size_t stage;             /* index into framework.stages */
	size_t assessed;          /* number of assessed domains, >= 1 for a valid answer set */
};

/* Rounds to two decimals as round(x * 100) / 100 in double precision. */
double score_round(double value);

/* The /10 score of an overall score (1.00-4.00), as the Distilled CS site
 * shows it: overall x 2.5 rounded to one decimal the way JavaScript's
 * Number((overall * 2.5).toFixed(1)) does, on the exact value of the
 * double, a half going up (2.02 gives 5.0, 2.34 gives 5.8).  The one
 * place the /10 score is made. */
double score_display(double overall);

/* Where a score (1.00-4.00) lies on the scale, 0.0-1.0: (score - 1) / 3,
 * what bars and charts are drawn from. */
double score_fraction(double score);

/* The answer option (1-4) nearest a question's mean value, ties rounded
 * down: 2.5 gives 2, 2.67 gives 3. */
int score_option_for(double value);

/* The median of count values (count > 0), rounded to two decimals.
 * Sorts values in place. */
double score_median(double *values, size_t count);

/* Where value stands among count sorted values: the share below it plus
 * half the share equal to it, 0-100, rounded to a whole number. */
double score_percentile(const double *sorted, size_t count, double value);

/* Scores a validated answer set.  Returns a new struct (free with
 * score_free); never fails. */
struct scores *score_compute(const struct framework *framework, const struct answers *answers);

void score_free(struct scores *scores);

#endif
