/* The part of the model fitted to a team's profile: its fits, the
 * playbooks to show and the targets of its stage's metrics; see model.h. */
#include "model.h"

#include "answers.h"
#include "framework.h"
#include "xalloc.h"

#include <stdlib.h>

/* The first fit of the profile whose emphasised (or avoided) tags meet
 * tags, or NULL; none emphasises when emphasis is off. */
static const struct framework_fit *
model_fit_of(const struct model *model, uint64_t tags, int avoid, int emphasis)
{
	for (size_t index = 0; index < model->fit_count && (avoid || emphasis); index++)
		if ((avoid ? model->fits[index]->avoid : model->fits[index]->emphasise) & tags)
			return model->fits[index];
	return NULL;
}

/* Whether the playbook is shown already. */
static int
model_playbook_shown(const struct model *model, const struct framework_playbook *playbook)
{
	for (size_t index = 0; index < model->playbook_count; index++)
		if (model->playbooks[index].playbook == playbook)
			return 1;
	return 0;
}

/* How soon a playbook should come for this team: its domain's weakness,
 * an unassessed domain last, less half a point when the profile
 * emphasises it, as the roadmap ranks. */
static double
model_playbook_rank(const struct model *model, const struct framework_playbook *playbook,
		    int emphasis)
{
	const struct model_domain *domain = &model->domains[playbook->domain];
	double weakness = domain->assessed ? domain->score : 5.0;

	return weakness -
	       (model_fit_of(model, playbook->marks.tags, 0, emphasis) ? ROADMAP_EMPHASIS : 0);
}

/* Adds up to limit of stage's playbooks for this team (only those of
 * domain when domain >= 0): never one the profile leaves out or one shown
 * already; the weakest domains first, one per domain before a second. */
static void
model_add_playbooks(struct model *model, size_t stage, long domain, size_t limit,
		    enum model_playbook_reason reason, int emphasis)
{
	const struct framework_stage *definition = &model->framework->stages[stage];
	size_t added = 0;

	for (int pass = 0; pass < 2 && added < limit; pass++) {
		while (added < limit) {
			const struct framework_playbook *best = NULL;

			for (size_t index = 0; index < definition->playbook_count; index++) {
				const struct framework_playbook *playbook = &definition->playbooks[index];
				int domain_shown = 0;

				if ((domain >= 0 && playbook->domain != (size_t)domain) ||
				    model_playbook_shown(model, playbook) ||
				    model_fit_of(model, playbook->marks.tags, 1, 0) != NULL)
					continue;
				/* The first pass takes one per domain of this reason. */
				for (size_t other = model->playbook_count - added;
				     pass == 0 && other < model->playbook_count; other++)
					domain_shown |= model->playbooks[other].playbook->domain ==
							playbook->domain;
				if (domain_shown)
					continue;
				if (best == NULL || model_playbook_rank(model, playbook, emphasis) <
							    model_playbook_rank(model, best, emphasis))
					best = playbook;
			}
			if (best == NULL)
				break;
			model->playbooks[model->playbook_count++] = (struct model_playbook){
				best, reason, model_fit_of(model, best->marks.tags, 0, emphasis)
			};
			added++;
		}
	}
}

/* The playbooks, with emphasis or without: the current stage's, then the
 * weakest domain's (from the current stage, the next, then the earlier
 * ones), then the next stage's. */
static void
model_choose_playbooks(struct model *model, int emphasis)
{
	const struct framework *framework = model->framework;

	model->playbook_count = 0;
	model_add_playbooks(model, model->stage, -1, MODEL_PLAYBOOKS_CURRENT,
			    MODEL_PLAYBOOK_CURRENT, emphasis);
	if (model->assessed_count > 0) {
		size_t *order = xcalloc(framework->stage_count, sizeof *order), count = 0;
		size_t before = model->playbook_count;

		order[count++] = model->stage;
		if (model->has_next_stage)
			order[count++] = model->next_stage;
		for (size_t stage = model->stage; stage-- > 0;)
			order[count++] = stage;
		for (size_t index = 0; index < count; index++)
			model_add_playbooks(model, order[index], (long)model->weakest,
					    MODEL_PLAYBOOKS_WEAKEST - (model->playbook_count - before),
					    MODEL_PLAYBOOK_WEAKEST, emphasis);
		free(order);
	}
	if (model->has_next_stage)
		model_add_playbooks(model, model->next_stage, -1, MODEL_PLAYBOOKS_NEXT,
				    MODEL_PLAYBOOK_NEXT, emphasis);
}

/* The playbooks to show.  One names the choice that emphasised it only
 * when, without the emphasis, it would not be shown. */
static void
model_advice_playbooks(struct model *model)
{
	enum { LIMIT = MODEL_PLAYBOOKS_CURRENT + MODEL_PLAYBOOKS_WEAKEST + MODEL_PLAYBOOKS_NEXT };
	const struct framework_playbook *plain[LIMIT];
	size_t plain_count;

	model->playbooks = xcalloc(LIMIT, sizeof *model->playbooks);
	model_choose_playbooks(model, 0);
	plain_count = model->playbook_count;
	for (size_t index = 0; index < plain_count; index++)
		plain[index] = model->playbooks[index].playbook;
	model_choose_playbooks(model, 1);
	for (size_t index = 0; index < model->playbook_count; index++)
		for (size_t other = 0; other < plain_count; other++)
			if (plain[other] == model->playbooks[index].playbook)
				model->playbooks[index].fit = NULL;
}

/* The current stage's metric targets for the team's profile. */
static void
model_advice_targets(struct model *model)
{
	const struct framework *framework = model->framework;
	const struct framework_stage *stage = &framework->stages[model->stage];
	long *choices = xcalloc(framework->parameter_count ? framework->parameter_count : 1,
				sizeof *choices);

	for (size_t index = 0; index < framework->parameter_count; index++)
		choices[index] = -1;
	for (size_t index = 0; index < model->profile_count; index++)
		choices[model->profile[index].parameter] = (long)model->profile[index].choice;
	model->metric_targets = xcalloc(stage->metric_count ? stage->metric_count : 1,
					sizeof *model->metric_targets);
	for (size_t index = 0; index < stage->metric_count; index++)
		if (stage->metrics[index].target != NULL)
			model->metric_targets[index] =
				framework_target_value(framework, stage->metrics[index].target, choices);
	free(choices);
}

void
model_advice_build(struct model *model)
{
	const struct framework *framework = model->framework;

	model->fits = xcalloc(model->profile_count ? model->profile_count : 1, sizeof *model->fits);
	for (size_t index = 0; index < model->profile_count; index++) {
		const struct framework_fit *fit =
			framework->parameters[model->profile[index].parameter]
				.choices[model->profile[index].choice]
				.fit;

		if (fit != NULL)
			model->fits[model->fit_count++] = fit;
	}
	model_advice_playbooks(model);
	model_advice_targets(model);
}
