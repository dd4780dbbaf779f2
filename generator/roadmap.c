/* Composing the priority-action roadmap; see roadmap.h and the README's
 * "How the roadmap is chosen".  The steps: the profile's fits, alignment
 * and regression actions, candidates from the answers, a selection with
 * variety and one action per theme, the stage's action, an order that
 * puts every action after what it needs, then phases and the horizon. */
#include "roadmap.h"

#include "answers.h"
#include "framework.h"
#include "score.h"
#include "xalloc.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* What the team's profile asks of the advice. */
struct roadmap_profile {
	enum framework_segment segment;
	const struct framework_fit **fits; /* the fits of the choices given, in the pack's order */
	size_t fit_count;
	int emphasis;                      /* the fits rank up what they emphasise */
};

/* A candidate action: a question's next step, or a stage action. */
struct roadmap_candidate {
	size_t domain;
	size_t question;                     /* an answer's question */
	int option;                          /* an answer's option, 1-4 */
	const struct framework_next_step *step;  /* an answer's step, else NULL */
	const struct framework_action *action;   /* a stage action, else NULL */
	int foundation;
	double domain_score;
	double priority;                     /* with targets: (gap + any emphasis) x weight; else 0 */
	double rank;                         /* the domain's weakness, less any emphasis */
	double value;                        /* the answer's value; a stage action's domain score */
	double weight;
	const struct framework_fit *fit;     /* the choice that emphasised it */
	size_t depth;                        /* the pass that picked it; 0 not picked, SIZE_MAX dropped */
};

/* Whether left's domain comes before right's: with targets the larger gap
 * to target times the domain's weight first, then (and without targets)
 * the weaker domain; emphasis counts as gap and as weakness.  -1 before,
 * 1 after, 0 equal. */
static int
roadmap_domain_order(const struct roadmap_candidate *left, const struct roadmap_candidate *right)
{
	if (left->priority != right->priority)
		return left->priority > right->priority ? -1 : 1;
	if (left->rank != right->rank)
		return left->rank < right->rank ? -1 : 1;
	return 0;
}

static int
roadmap_compare(const void *left_pointer, const void *right_pointer)
{
	const struct roadmap_candidate *left = left_pointer, *right = right_pointer;
	int order;

	/* Foundations first: a stage cannot be skipped. */
	if (left->foundation != right->foundation)
		return right->foundation - left->foundation;
	/* Then the domain's gap or weakness, then the weaker answer. */
	if ((order = roadmap_domain_order(left, right)) != 0)
		return order;
	if (left->value != right->value)
		return left->value < right->value ? -1 : 1;
	/* Then the heavier domain, the answer before the stage's action, and
	 * finally the framework's own order. */
	if (left->weight != right->weight)
		return left->weight > right->weight ? -1 : 1;
	if ((left->action != NULL) != (right->action != NULL))
		return left->action != NULL ? 1 : -1;
	return left->question < right->question ? -1 : left->question > right->question;
}

/* Replaces each {name} in template by its value; unknown names stay. */
static char *
roadmap_fill(const char *template, const char *const names[], const char *const values[],
	     size_t count)
{
	size_t capacity = strlen(template) + 1, length = 0;
	char *text = xmalloc(capacity);

	for (const char *cursor = template; *cursor != '\0';) {
		const char *value = NULL;
		size_t skip = 1;

		if (*cursor == '{') {
			for (size_t index = 0; index < count; index++) {
				size_t name_length = strlen(names[index]);

				if (strncmp(cursor + 1, names[index], name_length) == 0 &&
				    cursor[1 + name_length] == '}') {
					value = values[index];
					skip = name_length + 2;
				}
			}
		}
		size_t add = value ? strlen(value) : 1;
		if (length + add + 1 > capacity) {
			capacity = (length + add + 1) * 2;
			text = xreallocarray(text, capacity, 1);
		}
		memcpy(text + length, value ? value : cursor, add);
		length += add;
		cursor += skip;
	}
	text[length] = '\0';
	return text;
}

static struct roadmap_action *
roadmap_append(struct roadmap *roadmap)
{
	struct roadmap_action *action;

	roadmap->actions = xreallocarray(roadmap->actions, roadmap->action_count + 1,
					 sizeof *roadmap->actions);
	action = &roadmap->actions[roadmap->action_count++];
	memset(action, 0, sizeof *action);
	return action;
}

/* The profile's segment and fits. */
static void
roadmap_read_profile(struct roadmap_profile *profile, const struct framework *framework,
		     const struct answers *answers)
{
	profile->segment = SEGMENT_NONE;
	profile->emphasis = 1;
	profile->fits = xcalloc(answers->profile_count ? answers->profile_count : 1,
				sizeof *profile->fits);
	profile->fit_count = 0;
	for (size_t index = 0; index < answers->profile_count; index++) {
		const struct framework_choice *choice =
			&framework->parameters[answers->profile[index].parameter]
				 .choices[answers->profile[index].choice];

		if (profile->segment == SEGMENT_NONE)
			profile->segment = choice->segment;
		if (choice->fit != NULL)
			profile->fits[profile->fit_count++] = choice->fit;
	}
}

/* The first fit of the profile that avoids (or else emphasises) one of
 * tags, or NULL. */
static const struct framework_fit *
roadmap_fit_of(const struct roadmap_profile *profile, uint64_t tags, int avoid)
{
	for (size_t index = 0; index < profile->fit_count && (avoid || profile->emphasis); index++)
		if ((avoid ? profile->fits[index]->avoid : profile->fits[index]->emphasise) & tags)
			return profile->fits[index];
	return NULL;
}

static void
roadmap_omit(struct roadmap *roadmap, enum roadmap_source source, size_t domain,
	     const char *title, const struct framework_fit *fit)
{
	roadmap->omissions = xreallocarray(roadmap->omissions, roadmap->omission_count + 1,
					   sizeof *roadmap->omissions);
	roadmap->omissions[roadmap->omission_count++] =
		(struct roadmap_omission){ source, domain, title, fit };
}

/* Alignment actions, for domains whose respondents lie far apart. */
static void
roadmap_add_alignment(struct roadmap *roadmap, const struct framework *framework,
		      const struct answers *answers, const struct scores *scores)
{
	static const char *const names[] = { "domain", "spread", "low", "high" };

	if (answers->respondent_count < 2 || framework->alignment_title == NULL)
		return;
	for (size_t domain = 0; domain < framework->domain_count; domain++) {
		const struct framework_domain *definition = &framework->domains[domain];
		double low = 5, high = 0;
		char spread[16], low_text[16], high_text[16];
		struct roadmap_action *action;

		if (scores->domains[domain] == SCORE_NOT_ASSESSED ||
		    scores->spreads[domain] + 1e-9 < ROADMAP_ALIGNMENT_SPREAD)
			continue;
		/* The lowest and highest respondent, for the text. */
		for (size_t index = 0; index < answers->respondent_count; index++) {
			const struct answers_respondent *respondent = &answers->respondents[index];
			double sum = 0;
			unsigned count = 0;

			for (size_t number = 0; number < respondent->answer_count; number++) {
				if (framework->questions[respondent->answers[number].question].domain ==
				    domain) {
					sum += respondent->answers[number].score;
					count++;
				}
			}
			if (count == 0)
				continue;
			low = fmin(low, score_round(sum / count));
			high = fmax(high, score_round(sum / count));
		}
		snprintf(spread, sizeof spread, "%.2f", scores->spreads[domain]);
		snprintf(low_text, sizeof low_text, "%.2f", low);
		snprintf(high_text, sizeof high_text, "%.2f", high);
		const char *const values[] = { definition->label, spread, low_text, high_text };

		action = roadmap_append(roadmap);
		action->source = ROADMAP_FROM_ALIGNMENT;
		action->domain = domain;
		action->domain_score = scores->domains[domain];
		action->filled_title = roadmap_fill(framework->alignment_title, names, values, 4);
		action->title = action->filled_title;
		action->text = roadmap_fill(framework->alignment_text, names, values, 4);
		action->marks = &framework->alignment_marks;
	}
}

int
roadmap_regressed(double score, double previous)
{
	return score_round(score - previous) <= -ROADMAP_REGRESSION + 1e-9;
}

/* Regression actions: the domains that fell most since the previous
 * assessment, a few at most. */
static void
roadmap_add_regressions(struct roadmap *roadmap, const struct framework *framework,
			const struct scores *scores, const struct scores *previous)
{
	static const char *const names[] = { "domain", "previous", "score", "change" };
	size_t *falls = xcalloc(framework->domain_count, sizeof *falls), count = 0;

	for (size_t domain = 0; previous != NULL && domain < framework->domain_count; domain++) {
		double now = scores->domains[domain], before = previous->domains[domain];
		size_t position = count;

		if (now == SCORE_NOT_ASSESSED || before == SCORE_NOT_ASSESSED ||
		    !roadmap_regressed(now, before))
			continue;
		/* Largest fall first; equal falls in the framework's order. */
		while (position > 0 && score_round(now - before) <
					       score_round(scores->domains[falls[position - 1]] -
							   previous->domains[falls[position - 1]])) {
			falls[position] = falls[position - 1];
			position--;
		}
		falls[position] = domain;
		count++;
	}
	for (size_t index = 0; index < count && index < ROADMAP_REGRESSIONS &&
			       framework->regression_title != NULL;
	     index++) {
		size_t domain = falls[index];
		struct roadmap_action *action = roadmap_append(roadmap);
		char now[16], before[16], change[16];

		snprintf(now, sizeof now, "%.2f", scores->domains[domain]);
		snprintf(before, sizeof before, "%.2f", previous->domains[domain]);
		snprintf(change, sizeof change, "%.2f",
			 -score_round(scores->domains[domain] - previous->domains[domain]));
		const char *const values[] = { framework->domains[domain].label, before, now, change };

		action->source = ROADMAP_FROM_REGRESSION;
		action->domain = domain;
		action->domain_score = scores->domains[domain];
		action->previous_score = previous->domains[domain];
		action->filled_title = roadmap_fill(framework->regression_title, names, values, 4);
		action->title = action->filled_title;
		action->text = roadmap_fill(framework->regression_text, names, values, 4);
		action->marks = &framework->regression_marks;
	}
	free(falls);
}

/* How weak a domain is, for ordering: its score, with an unassessed domain
 * last, since no answer is no evidence of weakness. */
static double
roadmap_weakness(const struct scores *scores, size_t domain)
{
	return scores->domains[domain] == SCORE_NOT_ASSESSED ? 5.0 : scores->domains[domain];
}

/* The step a question's option gives this profile: the segment's unless
 * the profile leaves it out, else the general one unless it does; NULL
 * when both are left out.  Each one left out is recorded. */
static const struct framework_next_step *
roadmap_step(struct roadmap *roadmap, const struct roadmap_profile *profile,
	     const struct framework_option *option, size_t domain)
{
	const struct framework_next_step *choices[2] = {
		profile->segment != SEGMENT_NONE && option->steps[profile->segment].title != NULL
			? &option->steps[profile->segment]
			: NULL,
		&option->steps[SEGMENT_NONE],
	};

	for (int index = 0; index < 2; index++) {
		const struct framework_fit *fit;

		if (choices[index] == NULL)
			continue;
		fit = roadmap_fit_of(profile, choices[index]->marks.tags, 1);
		if (fit == NULL)
			return choices[index];
		roadmap_omit(roadmap, ROADMAP_FROM_ANSWER, domain, choices[index]->title, fit);
	}
	return NULL;
}

/* The gap from an assessed domain's score to its target, rounded; 0 when
 * there is no target or the score meets it. */
static double
roadmap_gap(const double *targets, const struct scores *scores, size_t domain)
{
	if (targets == NULL || targets[domain] < 0 || scores->domains[domain] == SCORE_NOT_ASSESSED ||
	    scores->domains[domain] >= targets[domain])
		return 0;
	return score_round(targets[domain] - scores->domains[domain]);
}

/* A candidate's priority by target: its domain's gap, emphasis counting
 * as gap too, times the domain's weight; 0 without targets. */
static double
roadmap_priority(const double *targets, const struct scores *scores, size_t domain, double weight,
		 int emphasised)
{
	if (targets == NULL)
		return 0;
	return (roadmap_gap(targets, scores, domain) + (emphasised ? ROADMAP_EMPHASIS : 0)) * weight;
}

/* Candidates: every answered question, through its chosen option and the
 * step the profile gives it, sorted.  Returns how many. */
static size_t
roadmap_candidates(struct roadmap *roadmap, struct roadmap_candidate *candidates,
		   const struct framework *framework, const struct roadmap_profile *profile,
		   const struct scores *scores, const double *targets)
{
	const struct framework_stage *stage = &framework->stages[scores->stage];
	size_t count = 0;

	for (size_t question = 0; question < framework->question_count; question++) {
		size_t domain = framework->questions[question].domain;
		double value = scores->question_values[question];
		int option = value == SCORE_NOT_ASSESSED ? 0 : score_option_for(value);
		const struct framework_next_step *step;
		struct roadmap_candidate *candidate;

		if (option == 0)
			continue;
		step = roadmap_step(roadmap, profile,
				    &framework->questions[question].options[option - 1], domain);
		if (step == NULL)
			continue;
		candidate = &candidates[count++];
		*candidate = (struct roadmap_candidate){
			.domain = domain,
			.question = question,
			.option = option,
			.step = step,
			.foundation = scores->domains[domain] + 1e-9 < stage->minimum,
			.domain_score = scores->domains[domain],
			.value = value,
			.weight = framework->domains[domain].weight,
			.fit = roadmap_fit_of(profile, step->marks.tags, 0),
		};
		candidate->rank = candidate->domain_score - (candidate->fit ? ROADMAP_EMPHASIS : 0);
		candidate->priority = roadmap_priority(targets, scores, domain, candidate->weight,
						       candidate->fit != NULL);
	}
	qsort(candidates, count, sizeof *candidates, roadmap_compare);
	return count;
}

/* Variety before depth: one per domain, then a second and a third only
 * while fewer than the target were found; never two of one theme. */
static void
roadmap_select(struct roadmap_candidate *candidates, size_t count,
	       const struct framework *framework, unsigned char *theme_taken)
{
	size_t *per_domain = xcalloc(framework->domain_count, sizeof *per_domain), picked = 0;

	for (size_t depth = 1; depth <= ROADMAP_PER_DOMAIN; depth++) {
		if (depth > 1 && picked >= ROADMAP_TARGET)
			break;
		for (size_t index = 0; index < count && picked < ROADMAP_TARGET; index++) {
			struct roadmap_candidate *candidate = &candidates[index];
			long theme = candidate->step->marks.theme;

			if (candidate->depth != 0 || per_domain[candidate->domain] >= depth)
				continue;
			if (theme >= 0 && theme_taken[theme]) {
				candidate->depth = SIZE_MAX;
				continue;
			}
			if (theme >= 0)
				theme_taken[theme] = 1;
			candidate->depth = depth;
			per_domain[candidate->domain]++;
			picked++;
		}
	}
	free(per_domain);
}

/* The stage's action: from the weakest domain it can (emphasis counting
 * as weakness) that is not below the stage's minimum, since such a domain
 * gets its foundations from its answers; never one the profile leaves out,
 * nor a repeat of a title or a theme already picked.  A domain below the
 * minimum serves only when no other can.  Returns 0 and fills chosen, or
 * -1 when there is none. */
static int
roadmap_stage_candidate(struct roadmap *roadmap, const struct framework *framework,
			const struct roadmap_profile *profile, const struct scores *scores,
			const double *targets, const struct roadmap_candidate *candidates,
			size_t count, const unsigned char *theme_taken,
			struct roadmap_candidate *chosen)
{
	const struct framework_stage *stage = &framework->stages[scores->stage];
	int found = 0;

	for (int pass = 0; pass < 2 && !found; pass++) {
		for (size_t index = 0; index < stage->action_count; index++) {
			const struct framework_action *action = &stage->actions[index];
			const struct framework_fit *avoided = roadmap_fit_of(profile, action->marks.tags, 1);
			const struct framework_fit *fit = roadmap_fit_of(profile, action->marks.tags, 0);
			double rank = roadmap_weakness(scores, action->domain) - (fit ? ROADMAP_EMPHASIS : 0);
			int foundation = scores->domains[action->domain] != SCORE_NOT_ASSESSED &&
					 scores->domains[action->domain] + 1e-9 < stage->minimum;
			int repeat = action->marks.theme >= 0 && theme_taken[action->marks.theme];

			if (avoided != NULL) {
				if (pass == 0)
					roadmap_omit(roadmap, ROADMAP_FROM_STAGE, action->domain,
						     action->title, avoided);
				continue;
			}
			for (size_t other = 0; other < count; other++)
				repeat |= candidates[other].depth != 0 &&
					  candidates[other].depth != SIZE_MAX &&
					  strcasecmp(candidates[other].step->title, action->title) == 0;
			struct roadmap_candidate candidate = {
				.domain = action->domain,
				.question = SIZE_MAX,
				.action = action,
				.foundation = foundation,
				.domain_score = scores->domains[action->domain],
				.priority = roadmap_priority(targets, scores, action->domain,
							     framework->domains[action->domain].weight,
							     fit != NULL),
				.rank = rank,
				.value = roadmap_weakness(scores, action->domain),
				.weight = framework->domains[action->domain].weight,
				.fit = fit,
				.depth = 1,
			};

			if (repeat || (foundation && pass == 0) ||
			    (found && roadmap_domain_order(&candidate, chosen) >= 0))
				continue;
			found = 1;
			*chosen = candidate;
		}
	}
	return found ? 0 : -1;
}

/* Appends a picked candidate as an action. */
static void
roadmap_add_candidate(struct roadmap *roadmap, const struct framework *framework,
		      const struct roadmap_candidate *candidate)
{
	struct roadmap_action *action = roadmap_append(roadmap);

	action->domain = candidate->domain;
	action->domain_score = candidate->domain_score;
	action->foundation = candidate->foundation;
	action->fit = candidate->fit;
	if (candidate->action != NULL) {
		action->source = ROADMAP_FROM_STAGE;
		action->title = candidate->action->title;
		action->text = xstrdup(candidate->action->text);
		action->markdown = candidate->action->markdown;
		action->marks = &candidate->action->marks;
		return;
	}
	action->source = ROADMAP_FROM_ANSWER;
	action->question = candidate->question;
	action->option = candidate->option;
	action->title = candidate->step->title;
	action->lead = framework->questions[candidate->question].options[candidate->option - 1].insight;
	action->text = xstrdup(candidate->step->text);
	action->marks = &candidate->step->marks;
}

/* The picked actions in order, the first pass, then the second, then the
 * third; the stage's action before the first of them that ranks after it. */
static void
roadmap_add_picked(struct roadmap *roadmap, const struct framework *framework,
		   const struct roadmap_candidate *candidates, size_t count,
		   const struct roadmap_candidate *stage_candidate)
{
	int stage_added = stage_candidate == NULL;

	for (size_t depth = 1; depth <= ROADMAP_PER_DOMAIN; depth++) {
		for (size_t index = 0; index < count; index++) {
			if (candidates[index].depth != depth)
				continue;
			if (!stage_added && roadmap_compare(stage_candidate, &candidates[index]) < 0) {
				roadmap_add_candidate(roadmap, framework, stage_candidate);
				stage_added = 1;
			}
			roadmap_add_candidate(roadmap, framework, &candidates[index]);
		}
	}
	if (!stage_added)
		roadmap_add_candidate(roadmap, framework, stage_candidate);
}

/* Whether action needs other: its theme needs the other's. */
static int
roadmap_needs(const struct framework *framework, const struct roadmap_action *action,
	      const struct roadmap_action *other)
{
	return framework_theme_needs(framework, action->marks->theme, other->marks->theme);
}

/* Places action index of actions (count of them, from the roadmap's
 * first reordered one) after the unplaced actions it needs, those in their
 * own order and each after what it needs in turn.  The themes form no
 * circle, so this ends. */
static void
roadmap_place(const struct framework *framework, const struct roadmap_action *actions,
	      size_t count, size_t index, unsigned char *done, struct roadmap_action *ordered,
	      size_t *placed)
{
	if (done[index])
		return;
	for (size_t other = 0; other < count; other++)
		if (!done[other] && other != index &&
		    roadmap_needs(framework, &actions[index], &actions[other]))
			roadmap_place(framework, actions, count, other, done, ordered, placed);
	done[index] = 1;
	ordered[(*placed)++] = actions[index];
}

/* Reorders actions from first on so that none comes before an action it
 * needs: each in its order, with what it needs pulled forward to just
 * before it, so the weakest domain's first step stays early even when a
 * stronger domain's action must precede it. */
static void
roadmap_order_needs(struct roadmap *roadmap, const struct framework *framework, size_t first)
{
	size_t count = roadmap->action_count - first, placed = 0;
	struct roadmap_action *ordered = xcalloc(count ? count : 1, sizeof *ordered);
	unsigned char *done = xcalloc(count ? count : 1, 1);

	for (size_t index = 0; index < count; index++)
		roadmap_place(framework, roadmap->actions + first, count, index, done, ordered, &placed);
	memcpy(roadmap->actions + first, ordered, count * sizeof *ordered);
	free(ordered);
	free(done);
}

/* Numbers, phases, what each action builds on and the gap it closes. */
static void
roadmap_number(struct roadmap *roadmap, const struct framework *framework,
	       const struct scores *scores, const double *targets)
{
	for (size_t index = 0; index < roadmap->action_count; index++) {
		struct roadmap_action *action = &roadmap->actions[index];

		if (targets != NULL && targets[action->domain] >= 0) {
			action->has_target = 1;
			action->target = targets[action->domain];
			action->gap = roadmap_gap(targets, scores, action->domain);
		}
		action->order = index + 1;
		action->phase = framework->phase_count
					? index * framework->phase_count / roadmap->action_count
					: 0;
		if (action->source == ROADMAP_FROM_ALIGNMENT || action->source == ROADMAP_FROM_REGRESSION)
			action->phase = 0;
		for (size_t other = 0; other < index; other++) {
			if (!roadmap_needs(framework, action, &roadmap->actions[other]))
				continue;
			action->needs = xreallocarray(action->needs, action->need_count + 1,
						      sizeof *action->needs);
			action->needs[action->need_count++] = other + 1;
		}
	}
}

/* Time to the next stage: with the team's own pace when it is upward,
 * the months that pace needs for the distance still to go, kept within
 * the pack's range; otherwise the range, placed by that distance. */
static void
roadmap_horizon(struct roadmap *roadmap, const struct framework *framework,
		const struct scores *scores, const struct roadmap_basis *basis)
{
	double from, to, remaining, months;

	roadmap->months_low = framework->transition_min_months;
	roadmap->months_high = framework->transition_max_months;
	if (scores->stage + 1 >= framework->stage_count)
		return;
	from = framework->stages[scores->stage].minimum;
	to = framework->stages[scores->stage + 1].minimum;
	if (basis->has_pace && basis->pace > 0) {
		months = (to - scores->overall) / basis->pace;
		roadmap->estimate = ROADMAP_ESTIMATE_PACE;
		roadmap->months_by_pace = months >= ROADMAP_PACE_MONTHS_MAX ? ROADMAP_PACE_MONTHS_MAX
									    : (int)lround(months);
		roadmap->months_estimate =
			roadmap->months_by_pace < roadmap->months_low	 ? roadmap->months_low
			: roadmap->months_by_pace > roadmap->months_high ? roadmap->months_high
									 : roadmap->months_by_pace;
		return;
	}
	remaining = (to - scores->overall) / (to - from);
	remaining = remaining < 0 ? 0 : remaining > 1 ? 1 : remaining;
	roadmap->estimate = basis->has_pace ? ROADMAP_ESTIMATE_STALLED : ROADMAP_ESTIMATE_RANGE;
	roadmap->months_estimate = (int)lround(
		roadmap->months_low + remaining * (roadmap->months_high - roadmap->months_low));
}

/* The roadmap for profile, into roadmap. */
static void
roadmap_compose(struct roadmap *roadmap, const struct framework *framework,
		const struct answers *answers, const struct scores *scores,
		const struct roadmap_basis *basis, const struct roadmap_profile *profile)
{
	struct roadmap_candidate *candidates, stage_candidate;
	unsigned char *theme_taken = xcalloc(framework->theme_count + 1, 1);
	size_t count, first;
	int has_stage;

	memset(roadmap, 0, sizeof *roadmap);
	/* Respondents who disagree must first agree on where they stand, and
	 * a fall is understood before new work starts. */
	roadmap_add_alignment(roadmap, framework, answers, scores);
	roadmap_add_regressions(roadmap, framework, scores, basis->previous);
	first = roadmap->action_count;

	candidates = xcalloc(framework->question_count ? framework->question_count : 1,
			     sizeof *candidates);
	count = roadmap_candidates(roadmap, candidates, framework, profile, scores, basis->targets);
	roadmap_select(candidates, count, framework, theme_taken);
	has_stage = roadmap_stage_candidate(roadmap, framework, profile, scores, basis->targets,
					    candidates, count, theme_taken, &stage_candidate) == 0;
	roadmap_add_picked(roadmap, framework, candidates, count,
			   has_stage ? &stage_candidate : NULL);
	roadmap_order_needs(roadmap, framework, first);
	roadmap_number(roadmap, framework, scores, basis->targets);
	roadmap_horizon(roadmap, framework, scores, basis);
	free(candidates);
	free(theme_taken);
}

/* A card names the choice that emphasised it only when the emphasis
 * changed the plan: the action comes earlier than in plain, the plan
 * without emphasis, or plain does not have it. */
static void
roadmap_credit_fits(struct roadmap *roadmap, const struct roadmap *plain)
{
	for (size_t index = 0; index < roadmap->action_count; index++) {
		struct roadmap_action *action = &roadmap->actions[index];

		for (size_t other = 0; action->fit != NULL && other < plain->action_count; other++)
			if (plain->actions[other].source == action->source &&
			    plain->actions[other].title == action->title && other <= index)
				action->fit = NULL;
	}
}

void
roadmap_build(struct roadmap *roadmap, const struct framework *framework,
	      const struct answers *answers, const struct scores *scores,
	      const struct roadmap_basis *basis)
{
	static const struct roadmap_basis nothing = { 0 };
	struct roadmap_profile profile;
	struct roadmap plain;
	int emphasises = 0;

	if (basis == NULL)
		basis = &nothing;
	roadmap_read_profile(&profile, framework, answers);
	for (size_t index = 0; index < profile.fit_count; index++)
		emphasises |= profile.fits[index]->emphasise != 0;
	roadmap_compose(roadmap, framework, answers, scores, basis, &profile);
	if (emphasises) {
		profile.emphasis = 0;
		roadmap_compose(&plain, framework, answers, scores, basis, &profile);
		roadmap_credit_fits(roadmap, &plain);
		roadmap_free(&plain);
	}
	free(profile.fits);
}

void
roadmap_free(struct roadmap *roadmap)
{
	for (size_t index = 0; index < roadmap->action_count; index++) {
		free(roadmap->actions[index].text);
		free(roadmap->actions[index].filled_title);
		free(roadmap->actions[index].needs);
	}
	free(roadmap->actions);
	free(roadmap->omissions);
	memset(roadmap, 0, sizeof *roadmap);
}
