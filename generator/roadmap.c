/* Composing the priority-action roadmap; see roadmap.h and the README's
 * "How the roadmap is chosen". */
#include "roadmap.h"

#include "answers.h"
#include "framework.h"
#include "score.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A question-derived candidate before selection. */
struct roadmap_candidate {
	size_t question;
	int option;
	int foundation;
	double domain_score;
	double value;
	double weight;
};

/* What the comparison needs besides the two candidates. */
static int
roadmap_compare(const void *left_pointer, const void *right_pointer)
{
	const struct roadmap_candidate *left = left_pointer, *right = right_pointer;

	/* Foundations first: a stage cannot be skipped. */
	if (left->foundation != right->foundation)
		return right->foundation - left->foundation;
	/* Then the weaker domain, then the weaker answer. */
	if (left->domain_score != right->domain_score)
		return left->domain_score < right->domain_score ? -1 : 1;
	if (left->value != right->value)
		return left->value < right->value ? -1 : 1;
	/* Then the heavier domain, and finally the framework's own order. */
	if (left->weight != right->weight)
		return left->weight > right->weight ? -1 : 1;
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
	}
}

/* How weak a domain is, for ordering: its score, with an unassessed domain
 * last, since no answer is no evidence of weakness. */
static double
roadmap_weakness(const struct scores *scores, size_t domain)
{
	return scores->domains[domain] == SCORE_NOT_ASSESSED ? 5.0 : scores->domains[domain];
}

/* The next step for a profile's segment, or the general one. */
static const struct framework_next_step *
roadmap_step(const struct framework_option *option, enum framework_segment segment)
{
	if (segment != SEGMENT_NONE && option->steps[segment].title != NULL)
		return &option->steps[segment];
	return &option->steps[SEGMENT_NONE];
}

void
roadmap_build(struct roadmap *roadmap, const struct framework *framework,
	      const struct answers *answers, const struct scores *scores)
{
	const struct framework_stage *stage = &framework->stages[scores->stage];
	enum framework_segment segment = SEGMENT_NONE;
	struct roadmap_candidate *candidates;
	size_t candidate_count = 0, picked = 0;
	size_t *per_domain = xcalloc(framework->domain_count, sizeof *per_domain);
	unsigned char *taken;

	memset(roadmap, 0, sizeof *roadmap);
	/* The option of the profile that names a segment, if any. */
	for (size_t index = 0; index < answers->profile_count && segment == SEGMENT_NONE; index++)
		segment = framework->parameters[answers->profile[index].parameter]
				  .choices[answers->profile[index].choice]
				  .segment;

	/* Respondents who disagree must first agree on where they stand. */
	roadmap_add_alignment(roadmap, framework, answers, scores);

	/* Candidates: every answered question, through its chosen option. */
	candidates = xcalloc(framework->question_count, sizeof *candidates);
	for (size_t question = 0; question < framework->question_count; question++) {
		size_t domain = framework->questions[question].domain;
		double value = scores->question_values[question];

		if (value == SCORE_NOT_ASSESSED)
			continue;
		candidates[candidate_count++] = (struct roadmap_candidate){
			.question = question,
			.option = score_option_for(value),
			.foundation = scores->domains[domain] + 1e-9 < stage->minimum,
			.domain_score = scores->domains[domain],
			.value = value,
			.weight = framework->domains[domain].weight,
		};
	}
	qsort(candidates, candidate_count, sizeof *candidates, roadmap_compare);

	/* Variety before depth: one per domain, then a second and a third
	 * only while fewer than the target were found. */
	taken = xcalloc(candidate_count ? candidate_count : 1, 1);
	for (size_t depth = 1; depth <= ROADMAP_PER_DOMAIN; depth++) {
		if (depth > 1 && picked >= ROADMAP_TARGET)
			break;
		for (size_t index = 0; index < candidate_count && picked < ROADMAP_TARGET; index++) {
			const struct roadmap_candidate *candidate = &candidates[index];
			const struct framework_question *question = &framework->questions[candidate->question];
			const struct framework_option *option = &question->options[candidate->option - 1];
			const struct framework_next_step *step = roadmap_step(option, segment);
			struct roadmap_action *action;

			if (taken[index] || per_domain[question->domain] >= depth)
				continue;
			taken[index] = 1;
			per_domain[question->domain]++;
			picked++;
			action = roadmap_append(roadmap);
			action->source = ROADMAP_FROM_ANSWER;
			action->domain = question->domain;
			action->domain_score = candidate->domain_score;
			action->foundation = candidate->foundation;
			action->question = candidate->question;
			action->option = candidate->option;
			action->title = step->title;
			action->lead = option->insight;
			action->text = xstrdup(step->text);
		}
	}

	/* One stage-level action, from the weakest domain it can, never a
	 * repeat of a title already picked. */
	{
		size_t best = stage->action_count;

		for (size_t index = 0; index < stage->action_count; index++) {
			const struct framework_action *candidate = &stage->actions[index];
			int duplicate = 0;

			for (size_t other = 0; other < roadmap->action_count; other++)
				if (strcasecmp(roadmap->actions[other].title, candidate->title) == 0)
					duplicate = 1;
			if (!duplicate &&
			    (best == stage->action_count ||
			     roadmap_weakness(scores, candidate->domain) <
				     roadmap_weakness(scores, stage->actions[best].domain)))
				best = index;
		}
		if (best < stage->action_count) {
			const struct framework_action *chosen = &stage->actions[best];
			struct roadmap_action *action = roadmap_append(roadmap);

			action->source = ROADMAP_FROM_STAGE;
			action->domain = chosen->domain;
			action->domain_score = scores->domains[chosen->domain];
			action->title = chosen->title;
			action->text = xstrdup(chosen->text);
			action->markdown = chosen->markdown;
		}
	}

	/* Number the actions and spread them over the phases in order:
	 * alignment and foundations open the plan, the stage action closes it. */
	for (size_t index = 0; index < roadmap->action_count; index++) {
		struct roadmap_action *action = &roadmap->actions[index];

		action->order = index + 1;
		action->phase = framework->phase_count
					? index * framework->phase_count / roadmap->action_count
					: 0;
		if (action->source == ROADMAP_FROM_ALIGNMENT)
			action->phase = 0;
	}

	/* Time to the next stage: the pack's range, placed by how far the
	 * overall score still is from the next threshold. */
	roadmap->months_low = framework->transition_min_months;
	roadmap->months_high = framework->transition_max_months;
	if (scores->stage + 1 < framework->stage_count) {
		double from = stage->minimum, to = framework->stages[scores->stage + 1].minimum;
		double remaining = (to - scores->overall) / (to - from);

		remaining = remaining < 0 ? 0 : remaining > 1 ? 1 : remaining;
		roadmap->months_estimate =
			(int)lround(roadmap->months_low +
				    remaining * (roadmap->months_high - roadmap->months_low));
	}
	free(taken);
	free(candidates);
	free(per_domain);
}

void
roadmap_free(struct roadmap *roadmap)
{
	for (size_t index = 0; index < roadmap->action_count; index++) {
		free(roadmap->actions[index].text);
		free(roadmap->actions[index].filled_title);
	}
	free(roadmap->actions);
	memset(roadmap, 0, sizeof *roadmap);
}
