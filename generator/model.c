/* Building the report model; see model.h. */
#include "model.h"

#include "answers.h"
#include "framework.h"
#include "score.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Sorting needs the model; qsort's comparator gets no context, so the
 * ranking is an insertion sort over at most a few dozen domains. */
static int
model_ranks_before(const struct model_domain *left, const struct model_domain *right)
{
	if (left->assessed != right->assessed)
		return left->assessed;
	if (left->assessed && left->score != right->score)
		return left->score > right->score;
	return left->domain < right->domain;
}

static void
model_rank(struct model *model)
{
	model->ranking = xcalloc(model->domain_count, sizeof *model->ranking);
	for (size_t index = 0; index < model->domain_count; index++) {
		size_t position = index;

		while (position > 0 && model_ranks_before(&model->domains[index],
							  &model->domains[model->ranking[position - 1]])) {
			model->ranking[position] = model->ranking[position - 1];
			position--;
		}
		model->ranking[position] = index;
	}
}

static void
model_build_domains(struct model *model, const struct scores *scores,
		    const struct scores *previous_scores)
{
	const struct framework *framework = model->framework;

	model->domain_count = framework->domain_count;
	model->domains = xcalloc(model->domain_count, sizeof *model->domains);
	for (size_t index = 0; index < model->domain_count; index++) {
		struct model_domain *domain = &model->domains[index];

		domain->domain = index;
		domain->percentile = -1;
		domain->assessed = scores->domains[index] != SCORE_NOT_ASSESSED;
		if (!domain->assessed)
			continue;
		model->assessed_count++;
		domain->score = scores->domains[index];
		domain->fraction = (domain->score - 1) / 3;
		domain->band = framework_stage_for(framework, domain->score);
		domain->spread = scores->spreads[index];
		domain->disagreement = model->answers->respondent_count > 1 &&
				       domain->spread + 1e-9 >= MODEL_DISAGREEMENT;
		if (previous_scores != NULL && previous_scores->domains[index] != SCORE_NOT_ASSESSED) {
			domain->has_previous = 1;
			domain->previous = previous_scores->domains[index];
			domain->change = score_round(domain->score - domain->previous);
		}
	}
	model_rank(model);

	/* Strongest and weakest, named only when the profile is uneven. */
	if (model->assessed_count > 0) {
		model->strongest = model->ranking[0];
		model->weakest = model->ranking[model->assessed_count - 1];
		model->uneven = model->domains[model->strongest].score -
					model->domains[model->weakest].score + 1e-9 >=
				MODEL_UNEVEN;
		while (model->strongest_count < model->assessed_count &&
		       model->domains[model->ranking[model->strongest_count]].score ==
			       model->domains[model->strongest].score)
			model->strongest_count++;
		while (model->weakest_count < model->assessed_count &&
		       model->domains[model->ranking[model->assessed_count - 1 - model->weakest_count]]
				       .score == model->domains[model->weakest].score)
			model->weakest_count++;
	}

	/* Where respondents disagree, widest gap first. */
	model->disagreements = xcalloc(model->domain_count, sizeof *model->disagreements);
	for (size_t index = 0; index < model->domain_count; index++) {
		size_t position = model->disagreement_count;

		if (!model->domains[index].disagreement)
			continue;
		while (position > 0 &&
		       model->domains[model->disagreements[position - 1]].spread <
			       model->domains[index].spread) {
			model->disagreements[position] = model->disagreements[position - 1];
			position--;
		}
		model->disagreements[position] = index;
		model->disagreement_count++;
	}
}

static void
model_build_answers(struct model *model, const struct scores *scores)
{
	const struct framework *framework = model->framework;
	const struct answers *answers = model->answers;

	model->answer_row_count = framework->question_count;
	model->answer_rows = xcalloc(framework->question_count, sizeof *model->answer_rows);
	for (size_t question = 0; question < framework->question_count; question++) {
		struct model_answer *row = &model->answer_rows[question];

		row->question = question;
		row->answered = scores->question_values[question] != SCORE_NOT_ASSESSED;
		if (row->answered) {
			row->value = score_round(scores->question_values[question]);
			row->option = score_option_for(scores->question_values[question]);
		}
		row->respondents = xcalloc(answers->respondent_count ? answers->respondent_count : 1,
					   sizeof *row->respondents);
	}
	for (size_t index = 0; index < answers->respondent_count; index++) {
		const struct answers_respondent *respondent = &answers->respondents[index];

		for (size_t number = 0; number < respondent->answer_count; number++)
			model->answer_rows[respondent->answers[number].question].respondents[index].score =
				respondent->answers[number].score;
		for (size_t number = 0; number < respondent->comment_count; number++)
			model->answer_rows[respondent->comments[number].question].respondents[index].comment =
				respondent->comments[number].text;
	}
}

/* Whether strength a ranks before b: the better answer, then the stronger
 * domain, then the framework's order. */
static int
model_strength_before(const struct model *model, const struct model_strength *a,
		      const struct model_strength *b)
{
	double left = model->answer_rows[a->question].value, right = model->answer_rows[b->question].value;

	if (left != right)
		return left > right;
	if (model->domains[a->domain].score != model->domains[b->domain].score)
		return model->domains[a->domain].score > model->domains[b->domain].score;
	return a->domain < b->domain;
}

/* Strengths: per domain the best answer at option 3 or 4, the best first,
 * at most MODEL_STRENGTHS; none unless MODEL_STRENGTHS_MIN domains have
 * one. */
static void
model_build_strengths(struct model *model)
{
	const struct framework *framework = model->framework;
	size_t found = 0;

	model->strengths = xcalloc(framework->domain_count, sizeof *model->strengths);
	for (size_t domain = 0; domain < model->domain_count; domain++) {
		const struct framework_domain *definition = &framework->domains[domain];
		const struct model_answer *best = NULL;
		struct model_strength strength;
		size_t position = found;

		for (size_t offset = 0; offset < definition->question_count; offset++) {
			const struct model_answer *row =
				&model->answer_rows[definition->first_question + offset];

			if (row->answered && row->option >= 3 && (best == NULL || row->value > best->value))
				best = row;
		}
		if (best == NULL)
			continue;
		strength = (struct model_strength){ domain, best->question, best->option };
		while (position > 0 && model_strength_before(model, &strength,
							     &model->strengths[position - 1])) {
			model->strengths[position] = model->strengths[position - 1];
			position--;
		}
		model->strengths[position] = strength;
		found++;
	}
	model->strength_count = found < MODEL_STRENGTHS_MIN ? 0
				: found > MODEL_STRENGTHS  ? MODEL_STRENGTHS
							   : found;
}

/* The domains that fell since the previous assessment, largest fall
 * first. */
static void
model_build_regressions(struct model *model)
{
	model->regressions = xcalloc(model->domain_count, sizeof *model->regressions);
	for (size_t index = 0; index < model->domain_count; index++) {
		const struct model_domain *domain = &model->domains[index];
		size_t position = model->regression_count;

		if (!domain->assessed || !domain->has_previous ||
		    !roadmap_regressed(domain->score, domain->previous))
			continue;
		while (position > 0 &&
		       model->domains[model->regressions[position - 1]].change > domain->change) {
			model->regressions[position] = model->regressions[position - 1];
			position--;
		}
		model->regressions[position] = index;
		model->regression_count++;
	}
}

/* Each domain's target, its source and the gap to it; the targets into
 * scores, for the roadmap. */
static void
model_build_targets(struct model *model, const struct domain_targets *portfolio, double *scores)
{
	enum domain_target_source *sources =
		xcalloc(model->domain_count ? model->domain_count : 1, sizeof *sources);

	domain_targets_resolve(portfolio, model->answers, model->domain_count, scores, sources);
	for (size_t index = 0; index < model->domain_count; index++) {
		struct model_domain *domain = &model->domains[index];

		if (sources[index] == DOMAIN_TARGET_NONE)
			continue;
		domain->has_target = 1;
		domain->target = scores[index];
		domain->target_source = sources[index];
		if (domain->assessed && domain->score < domain->target)
			domain->gap = score_round(domain->target - domain->score);
		model->target_count++;
	}
	free(sources);
}

struct model *
model_build(const struct framework *framework, const struct answers *answers,
	    const struct scores *scores, const struct model_earlier *earlier, size_t earlier_count,
	    const struct domain_targets *targets, const char *generated)
{
	double *target_scores;
	struct model *model = xcalloc(1, sizeof *model);
	const struct scores *previous_scores =
		earlier_count > 0 ? earlier[earlier_count - 1].scores : NULL;

	model->framework = framework;
	model->answers = answers;
	model->previous = earlier_count > 0 ? earlier[earlier_count - 1].answers : NULL;
	model->generated = generated;
	model->profile_count = answers->profile_count;
	model->profile = xcalloc(answers->profile_count ? answers->profile_count : 1,
				 sizeof *model->profile);
	for (size_t index = 0; index < answers->profile_count; index++)
		model->profile[index] = (struct model_profile){ answers->profile[index].parameter,
								answers->profile[index].choice };

	/* The verdict: score, stage and the way to the next one. */
	model->overall = scores->overall;
	model->display = scores->display;
	model->overall_fraction = (scores->overall - 1) / 3;
	model->stage = scores->stage;
	if (scores->stage + 1 < framework->stage_count) {
		model->has_next_stage = 1;
		model->next_stage = scores->stage + 1;
		model->to_next_stage =
			score_round(framework->stages[model->next_stage].minimum - scores->overall);
	}
	if (previous_scores != NULL) {
		model->has_previous = 1;
		model->previous_overall = previous_scores->overall;
		model->overall_change = score_round(scores->overall - previous_scores->overall);
		model->previous_stage = previous_scores->stage;
	}

	model_build_domains(model, scores, previous_scores);
	model_history_build(model, earlier, earlier_count, scores);
	target_scores = xcalloc(model->domain_count ? model->domain_count : 1, sizeof *target_scores);
	model_build_targets(model, targets, target_scores);
	model_build_answers(model, scores);
	model_build_strengths(model);
	model_build_regressions(model);

	model->charter_count = framework->charter_count;
	model->charters = xcalloc(framework->charter_count ? framework->charter_count : 1,
				  sizeof *model->charters);
	for (size_t index = 0; index < framework->charter_count; index++) {
		struct model_charter *charter = &model->charters[index];

		charter->charter = index;
		charter->assessed = scores->charters[index] != SCORE_NOT_ASSESSED;
		if (charter->assessed) {
			charter->score = scores->charters[index];
			charter->fraction = (charter->score - 1) / 3;
		}
	}

	roadmap_build(&model->roadmap, framework, answers, scores,
		      &(struct roadmap_basis){ .previous = previous_scores,
					       .has_pace = model->has_pace,
					       .pace = model->pace,
					       .targets = model->target_count > 0 ? target_scores
										 : NULL });
	free(target_scores);
	model_advice_build(model);
	return model;
}

void
model_apply_benchmark(struct model *model, const struct model_benchmark *benchmark)
{
	for (size_t index = 0; index < model->domain_count && index < benchmark->domain_count;
	     index++) {
		struct model_domain *domain = &model->domains[index];

		if (benchmark->counts[index] == 0)
			continue;
		domain->has_benchmark = 1;
		domain->benchmark = benchmark->medians[index];
		if (domain->assessed)
			domain->percentile = score_percentile(benchmark->sorted[index],
							      benchmark->counts[index], domain->score);
	}
}

void
model_free(struct model *model)
{
	if (model == NULL)
		return;
	for (size_t index = 0; index < model->answer_row_count; index++)
		free(model->answer_rows[index].respondents);
	free(model->answer_rows);
	for (size_t index = 0; index < model->history_count; index++)
		free(model->history[index].domains);
	free(model->history);
	free(model->domains);
	free(model->ranking);
	free(model->disagreements);
	free(model->strengths);
	free(model->regressions);
	free(model->fits);
	free(model->playbooks);
	free(model->metric_targets);
	free(model->charters);
	free(model->profile);
	roadmap_free(&model->roadmap);
	free(model);
}
