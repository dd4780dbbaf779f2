/* The report's plan: the current stage (the pack's prose and metrics) and
 * the priority-action roadmap. */
#include "answers.h"
#include "framework.h"
#include "model.h"
#include "report_parts.h"
#include "roadmap.h"
#include "xalloc.h"
#include "xmlout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A stage section of the pack: its heading and its Markdown. */
void
report_stage_section(struct report_context *context, xmlNodePtr section,
		     const struct framework_section *content)
{
	xmlNodePtr heading = xmlout_element(section, "h");

	xmlout_attribute(heading, "level", "3");
	xmlout_text(heading, content->heading);
	report_markdown(context, section, content->markdown);
}

/* A metric's definition and, where it has one, the team's target. */
static void
report_metric(struct report_context *context, xmlNodePtr facts,
	      const struct framework_metric *metric, const struct framework_target_value *target)
{
	xmlNodePtr fact = xmlout_text_element(facts, "fact", metric->definition);

	xmlout_attribute(fact, "label", metric->name);
	if (target == NULL || metric->tier == METRIC_NOT_YET)
		return;
	xmlout_element(fact, "br");
	if (target->choice == NULL)
		report_say(context, fact, "metrics.target",
			   REPORT_ARGUMENTS(REPORT_TEXT("target", target->text)));
	else
		report_say(context, fact, "metrics.target-for",
			   REPORT_ARGUMENTS(REPORT_TEXT("basis", target->choice->fit != NULL
									 ? target->choice->fit->name
									 : target->choice->label),
					    REPORT_TEXT("target", target->text)));
}

/* The stage's metrics in their tiers, each tier with what it means, and
 * the targets for the team's profile. */
static void
report_metrics(struct report_context *context, xmlNodePtr section,
	       const struct framework_stage *stage)
{
	static const char *const tiers[][2] = {
		[METRIC_MUST] = { "metrics.must", "metrics.must-note" },
		[METRIC_WORTH] = { "metrics.worth", "metrics.worth-note" },
		[METRIC_NOT_YET] = { "metrics.not-yet", "metrics.not-yet-note" },
	};
	int targets = 0;

	for (size_t index = 0; index < stage->metric_count; index++)
		targets |= context->model->metric_targets[index] != NULL;
	report_heading(context, section, 3, "metrics.title", REPORT_NONE);
	if (targets)
		report_paragraph(context, section, "small", "metrics.targets-note", REPORT_NONE);
	for (int tier = METRIC_MUST; tier <= METRIC_NOT_YET; tier++) {
		xmlNodePtr facts = NULL;

		for (size_t index = 0; index < stage->metric_count; index++) {
			const struct framework_metric *metric = &stage->metrics[index];

			if (metric->tier != (enum framework_metric_tier)tier)
				continue;
			if (facts == NULL) {
				report_heading(context, section, 4, tiers[tier][0], REPORT_NONE);
				report_paragraph(context, section, "small", tiers[tier][1],
						 REPORT_NONE);
				facts = report_block(section, "facts", "definitions");
			}
			report_metric(context, facts, metric, context->model->metric_targets[index]);
		}
	}
}

/* The stage's typical team by segment: the team's own segment's, or
 * every segment's when the profile names none. */
static void
report_typical_segments(struct report_context *context, xmlNodePtr section,
			const struct framework_stage *stage)
{
	enum framework_segment segment = SEGMENT_NONE;
	xmlNodePtr list;

	for (size_t index = 0; index < context->model->profile_count && segment == SEGMENT_NONE;
	     index++)
		segment = context->framework->parameters[context->model->profile[index].parameter]
				  .choices[context->model->profile[index].choice]
				  .segment;
	if (segment != SEGMENT_NONE && stage->profile_segments[segment] != NULL) {
		xmlNodePtr paragraph = report_block(section, "p", NULL);

		report_say(context, xmlout_element(paragraph, "strong"), "stage.profile-segment",
			   REPORT_NONE);
		xmlout_text(paragraph, " ");
		xmlout_text(paragraph, stage->profile_segments[segment]);
		return;
	}
	list = report_list(section, NULL);
	for (int index = SEGMENT_NONE + 1; index < SEGMENT_COUNT; index++)
		if (stage->profile_segments[index] != NULL)
			xmlout_text(report_item(list), stage->profile_segments[index]);
}

/* The current stage: its badge and tagline, the pack's sections (the
 * priority actions become the roadmap) with its typical team for the
 * team's segment, the metrics to track, and what the next stage unlocks
 * when the path does not say it. */
void
report_stage(struct report_context *context, xmlNodePtr section)
{
	const struct model *model = context->model;
	const struct framework_stage *stage = &context->framework->stages[model->stage];
	const struct framework_section *unlocks = framework_stage_section(stage, "unlocks");
	int segments = 0;
	xmlNodePtr banner = report_block(section, "group", "verdict");

	for (int index = SEGMENT_NONE + 1; index < SEGMENT_COUNT; index++)
		segments |= stage->profile_segments[index] != NULL;
	xmlout_attribute(report_chip(context, banner, model->stage), "size", "large");
	xmlout_text_element(report_block(banner, "p", "tagline"), "em", stage->tagline);
	for (size_t index = 0; index < stage->section_count; index++) {
		const struct framework_section *content = &stage->sections[index];
		int profile = content->id != NULL && strcmp(content->id, "profile") == 0;

		if (content->id != NULL &&
		    (strcmp(content->id, "actions") == 0 || strcmp(content->id, "unlocks") == 0))
			continue;
		report_stage_section(context, section, content);
		if (profile && segments)
			report_typical_segments(context, section, stage);
	}
	if (segments && framework_stage_section(stage, "profile") == NULL) {
		report_heading(context, section, 3, "stage.profile", REPORT_NONE);
		report_typical_segments(context, section, stage);
	}
	if (stage->metric_count > 0)
		report_metrics(context, section, stage);
	if (unlocks != NULL && !context->has_section[REPORT_PATH])
		report_stage_section(context, section, unlocks);
}

/* How long the move to the next stage takes, and how the plan is
 * ordered. */
static void
report_horizon(struct report_context *context, xmlNodePtr section)
{
	const struct model *model = context->model;
	const struct framework *framework = context->framework;
	const struct roadmap *roadmap = &model->roadmap;
	const char *stage = framework->stages[model->stage].label;
	xmlNodePtr paragraph = report_block(section, "p", "lead");
	int foundation = 0;

	if (model->has_next_stage && roadmap->months_estimate > 0) {
		static const char *const messages[] = {
			[ROADMAP_ESTIMATE_RANGE] = "roadmap.horizon",
			[ROADMAP_ESTIMATE_PACE] = "roadmap.horizon-pace",
			[ROADMAP_ESTIMATE_STALLED] = "roadmap.horizon-stalled",
		};
		const char *id = messages[roadmap->estimate];
		char low[REPORT_NUMBER], high[REPORT_NUMBER], months[REPORT_NUMBER],
			count[REPORT_NUMBER], pace[REPORT_NUMBER], by_pace[REPORT_NUMBER];

		/* A pace the range had to bound says so. */
		if (roadmap->estimate == ROADMAP_ESTIMATE_PACE &&
		    roadmap->months_by_pace != roadmap->months_estimate)
			id = "roadmap.horizon-pace-bounded";
		snprintf(low, sizeof low, "%d", roadmap->months_low);
		snprintf(high, sizeof high, "%d", roadmap->months_high);
		snprintf(months, sizeof months, "%d", roadmap->months_estimate);
		snprintf(count, sizeof count, "%zu", model->history_count);
		snprintf(pace, sizeof pace, "%.2f", model->pace * 12);
		snprintf(by_pace, sizeof by_pace, "%d", roadmap->months_by_pace);
		report_say(context, paragraph, id,
			   REPORT_ARGUMENTS(REPORT_TEXT("low", low), REPORT_TEXT("high", high),
					    REPORT_TEXT("stage", stage),
					    REPORT_TEXT("next",
							framework->stages[model->next_stage].label),
					    REPORT_COUNT("months", months, roadmap->months_estimate),
					    REPORT_TEXT("count", count), REPORT_TEXT("pace", pace),
					    REPORT_COUNT("by-pace", by_pace, roadmap->months_by_pace)));
	} else {
		report_say(context, paragraph, "roadmap.sustain",
			   REPORT_ARGUMENTS(REPORT_TEXT("stage", stage)));
	}
	xmlout_text(paragraph, " ");
	report_say(context, paragraph,
		   model->target_count > 0 ? "roadmap.order-targets" : "roadmap.order", REPORT_NONE);
	for (size_t index = 0; index < roadmap->action_count; index++)
		foundation |= roadmap->actions[index].foundation;
	if (foundation) {
		xmlout_text(paragraph, " ");
		report_say(context, paragraph, "roadmap.foundation-note",
			   REPORT_ARGUMENTS(REPORT_TEXT("stage", stage)));
	}
}

/* The card's line of where it comes from: the domain, its score, who
 * leads the work and how much there is. */
static void
report_action_meta(struct report_context *context, xmlNodePtr card,
		   const struct roadmap_action *action)
{
	static const char *const efforts[] = {
		[EFFORT_SMALL] = "action.effort-small",
		[EFFORT_MEDIUM] = "action.effort-medium",
		[EFFORT_LARGE] = "action.effort-large",
	};
	const struct framework *framework = context->framework;
	xmlNodePtr meta = report_block(card, "p", "meta");
	char score[REPORT_NUMBER];

	/* Each part a segment: the PDF sets the recurring ones once. */
	xmlout_text_element(xmlout_element(meta, "seg"), "strong",
			    framework->domains[action->domain].label);
	if (context->model->domains[action->domain].assessed) {
		report_score(score, action->domain_score);
		report_say(context, xmlout_element(meta, "seg"), "action.score",
			   REPORT_ARGUMENTS(REPORT_TEXT("score", score)));
	}
	if (action->marks->owner >= 0)
		report_say(context, xmlout_element(meta, "seg"), "action.owner",
			   REPORT_ARGUMENTS(REPORT_TEXT(
				   "owner", framework->roles[action->marks->owner].label)));
	if (action->marks->effort != EFFORT_NONE)
		report_say(context, xmlout_element(meta, "seg"), efforts[action->marks->effort],
			   REPORT_NONE);
}

/* Why the card is in the plan: the answer behind it, the domain score
 * that chose a stage action, the respondents' gap, the fall. */
static void
report_action_because(struct report_context *context, xmlNodePtr card,
		      const struct roadmap_action *action)
{
	const struct framework *framework = context->framework;
	const struct model_domain *domain = &context->model->domains[action->domain];
	const char *label = framework->domains[action->domain].label;
	char score[REPORT_NUMBER], other[REPORT_NUMBER], *date;

	report_score(score, action->domain_score);
	switch (action->source) {
	case ROADMAP_FROM_ANSWER:
		report_paragraph(context, card, "because", "action.because",
				 REPORT_ARGUMENTS(REPORT_TEXT(
					 "answer", framework->questions[action->question]
							   .options[action->option - 1]
							   .text)));
		break;
	case ROADMAP_FROM_STAGE:
		report_paragraph(context, card, "because",
				 domain->assessed ? "action.because-stage"
						  : "action.because-stage-unassessed",
				 REPORT_ARGUMENTS(REPORT_TEXT("domain", label), REPORT_TEXT("score", score),
						  REPORT_TEXT("stage", report_stage_label(context))));
		break;
	case ROADMAP_FROM_ALIGNMENT:
		report_score(other, domain->spread);
		report_paragraph(context, card, "because", "action.because-alignment",
				 REPORT_ARGUMENTS(REPORT_TEXT("domain", label),
						  REPORT_TEXT("spread", other)));
		break;
	case ROADMAP_FROM_REGRESSION:
		report_score(other, action->previous_score);
		date = report_date(context, context->model->previous->date);
		report_paragraph(context, card, "because", "action.because-regression",
				 REPORT_ARGUMENTS(REPORT_TEXT("domain", label),
						  REPORT_TEXT("previous", other),
						  REPORT_TEXT("score", score), REPORT_TEXT("date", date)));
		free(date);
		break;
	}
}

/* Which gap to target the card closes, or that its domain meets its
 * target already. */
static void
report_action_gap(struct report_context *context, xmlNodePtr card,
		  const struct roadmap_action *action)
{
	char score[REPORT_NUMBER], target[REPORT_NUMBER], gap[REPORT_NUMBER];

	if (!action->has_target || !context->model->domains[action->domain].assessed)
		return;
	report_score(score, action->domain_score);
	report_score(target, action->target);
	report_score(gap, action->gap);
	report_paragraph(context, card, "because", action->gap > 0 ? "action.gap" : "action.gap-met",
			 REPORT_ARGUMENTS(REPORT_TEXT("domain",
						      context->framework->domains[action->domain].label),
					  REPORT_TEXT("score", score), REPORT_TEXT("target", target),
					  REPORT_TEXT("gap", gap)));
}

/* "Builds on 2, Title and 4, Title.": the earlier actions it needs. */
static void
report_action_needs(struct report_context *context, xmlNodePtr card,
		    const struct roadmap_action *action)
{
	const struct roadmap *roadmap = &context->model->roadmap;
	xmlNodePtr fragment = report_fragment(context);
	char **names = xcalloc(action->need_count, sizeof *names);

	for (size_t index = 0; index < action->need_count; index++) {
		char number[REPORT_NUMBER];

		snprintf(number, sizeof number, "%zu", action->needs[index]);
		names[index] = report_string(
			context, "action.reference",
			REPORT_ARGUMENTS(REPORT_TEXT("number", number),
					 REPORT_TEXT("title", roadmap->actions[action->needs[index] - 1].title)));
	}
	report_join(context, fragment, (const char *const *)names, action->need_count, 0);
	report_paragraph(context, card, "small", "action.builds-on",
			 REPORT_ARGUMENTS(REPORT_NODES("actions", fragment->children)));
	for (size_t index = 0; index < action->need_count; index++)
		free(names[index]);
	free(names);
	xmlFreeNode(fragment);
}

/* One action card: its number, title, where it comes from, why it is in
 * the plan, the profile's reason when it ranked it up, what it builds on
 * and the advice.  Every card has this shape. */
static void
report_action(struct report_context *context, xmlNodePtr parent,
	      const struct roadmap_action *action)
{
	static const char *const kinds[] = { "answer", "stage", "alignment", "regression" };
	static const char *const tags_of[] = { NULL, "action.stage", "action.alignment",
					       "action.regression" };
	xmlNodePtr card = xmlout_element(parent, "card"), tags;

	xmlout_attribute_format(card, "number", "%zu", action->order);
	xmlout_attribute(card, "kind", kinds[action->source]);
	xmlout_text_element(card, "title", action->title);
	tags = xmlout_element(card, "tags");
	if (tags_of[action->source] != NULL)
		report_say(context, report_block(tags, "tag", "strong"), tags_of[action->source],
			   REPORT_NONE);
	if (action->foundation)
		report_say(context, xmlout_element(tags, "tag"), "action.foundation", REPORT_NONE);
	if (tags->children == NULL) {
		xmlUnlinkNode(tags);
		xmlFreeNode(tags);
	}
	report_action_meta(context, card, action);
	report_action_because(context, card, action);
	report_action_gap(context, card, action);
	if (action->lead != NULL)
		xmlout_text_element(report_block(card, "p", "insight"), "em", action->lead);
	if (action->fit != NULL)
		xmlout_text(report_block(card, "p", "fit"), action->fit->why);
	if (action->markdown != NULL)
		report_markdown(context, card, action->markdown);
	else
		xmlout_text(report_block(card, "p", NULL), action->text);
	if (action->need_count > 0)
		report_action_needs(context, card, action);
}

/* The roadmap: the horizon, then the actions by phase. */
void
report_roadmap(struct report_context *context, xmlNodePtr section)
{
	const struct framework *framework = context->framework;
	const struct roadmap *roadmap = &context->model->roadmap;

	report_horizon(context, section);
	for (size_t phase = 0; phase < framework->phase_count; phase++) {
		char number[REPORT_NUMBER];
		int any = 0;

		snprintf(number, sizeof number, "%zu", phase + 1);
		report_heading(context, section, 3, "roadmap.phase",
			       REPORT_ARGUMENTS(REPORT_TEXT("number", number),
						REPORT_TEXT("label", framework->phases[phase].label)));
		for (size_t index = 0; index < roadmap->action_count; index++)
			if (roadmap->actions[index].phase == phase) {
				report_action(context, section, &roadmap->actions[index]);
				any = 1;
			}
		if (!any)
			report_paragraph(context, section, "muted", "roadmap.empty-phase",
					 REPORT_NONE);
	}
}
