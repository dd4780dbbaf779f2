/* The team's history in the model: every assessment of it, the changes
 * since the first, and the pace at which its overall score moves; see
 * model.h. */
#include "model.h"

#include "answers.h"
#include "framework.h"
#include "score.h"
#include "xalloc.h"

#include <glib.h>
#include <stdio.h>

/* A month for the pace: the mean Gregorian month, in days. */
#define MODEL_MONTH_DAYS (365.2425 / 12)

long
model_days_between(const char *from, const char *to)
{
	unsigned years[2], months[2], days[2];
	const char *dates[2] = { from, to };
	GDate *parsed[2] = { NULL, NULL };
	long between = 0;

	for (int index = 0; index < 2; index++)
		if (dates[index] != NULL &&
		    sscanf(dates[index], "%4u-%2u-%2u", &years[index], &months[index],
			   &days[index]) == 3 &&
		    g_date_valid_dmy((GDateDay)days[index], (GDateMonth)months[index],
				     (GDateYear)years[index]))
			parsed[index] = g_date_new_dmy((GDateDay)days[index], (GDateMonth)months[index],
						       (GDateYear)years[index]);
	if (parsed[0] != NULL && parsed[1] != NULL)
		between = g_date_days_between(parsed[0], parsed[1]);
	for (int index = 0; index < 2; index++)
		if (parsed[index] != NULL)
			g_date_free(parsed[index]);
	return between;
}

/* One assessment of the history, from its answer set and scores. */
static void
model_history_point(struct model_assessment *point, const struct model *model,
		    const struct answers *answers, const struct scores *scores)
{
	size_t domains = model->framework->domain_count;

	point->date = answers->date;
	point->overall = scores->overall;
	point->display = scores->display;
	point->stage = scores->stage;
	point->months = (double)model_days_between(model->history[0].date, answers->date) /
			MODEL_MONTH_DAYS;
	point->domains = xcalloc(domains ? domains : 1, sizeof *point->domains);
	for (size_t domain = 0; domain < domains; domain++)
		point->domains[domain] = scores->domains[domain];
}

/* The slope of the least-squares line through the overall scores by
 * month: points a month.  Returns 0 and sets *pace, or -1 when every
 * assessment is of one day. */
static int
model_history_slope(const struct model *model, double *pace)
{
	double count = (double)model->history_count, mean_months = 0, mean_overall = 0;
	double covariance = 0, variance = 0;

	for (size_t index = 0; index < model->history_count; index++) {
		mean_months += model->history[index].months / count;
		mean_overall += model->history[index].overall / count;
	}
	for (size_t index = 0; index < model->history_count; index++) {
		double months = model->history[index].months - mean_months;

		covariance += months * (model->history[index].overall - mean_overall);
		variance += months * months;
	}
	if (variance < 1e-9)
		return -1;
	*pace = covariance / variance;
	return 0;
}

void
model_history_build(struct model *model, const struct model_earlier *earlier,
		    size_t earlier_count, const struct scores *scores)
{
	model->history_count = earlier_count + 1;
	model->history = xcalloc(model->history_count, sizeof *model->history);
	/* The first's date is every other's origin: set it first. */
	model->history[0].date = earlier_count > 0 ? earlier[0].answers->date : model->answers->date;
	for (size_t index = 0; index < earlier_count; index++)
		model_history_point(&model->history[index], model, earlier[index].answers,
				    earlier[index].scores);
	model_history_point(&model->history[earlier_count], model, model->answers, scores);
	for (size_t index = 1; index < model->history_count; index++)
		model->history[index].change =
			score_round(model->history[index].overall - model->history[index - 1].overall);

	/* Since the first, when it is not the previous one. */
	model->has_first = earlier_count >= 2;
	if (model->has_first) {
		const struct model_assessment *first = &model->history[0];

		model->first_change = score_round(model->overall - first->overall);
		for (size_t index = 0; index < model->domain_count; index++) {
			struct model_domain *domain = &model->domains[index];

			if (!domain->assessed || first->domains[index] < 0)
				continue;
			domain->has_first = 1;
			domain->first = first->domains[index];
			domain->first_change = score_round(domain->score - domain->first);
		}
	}
	model->has_pace = earlier_count >= MODEL_PACE_EARLIER &&
			  model_history_slope(model, &model->pace) == 0;
}
