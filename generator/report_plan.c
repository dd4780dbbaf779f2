/* The report's plan: the current stage (the pack's prose and metrics) and
 * the priority-action roadmap. */
#include "answers.h"
#include "framework.h"
#include "model.h"
#include "report_parts.h"
#include "roadmap.h"
#include "xmlout.h"

#include <stdio.h>
#include <string.h>

/* A stage section of the pack: its heading and its Markdown. */
static void
report_stage_section(struct report_context *context, xmlNodePtr section,
		     const struct framework_section *content)
{
	xmlNodePtr heading = xmlout_element(section, "h");

	xmlout_attribute(heading, "level", "3");
	xmlout_text(heading, content->heading);
	report_markdown(context, section, content->markdown);
}

/* The stage's metrics in their tiers, each tier with what it means. */
static void
report_metrics(struct report_context *context, xmlNodePtr section,
	       const struct framework_stage *stage)
{
	static const char *const tiers[][2] = {
		[METRIC_MUST] = { "metrics.must", "metrics.must-note" },
		[METRIC_WORTH] = { "metrics.worth", "metrics.worth-note" },
		[METRIC_NOT_YET] = { "metrics.not-yet", "metrics.not-yet-note" },
	};

	report_heading(context, section, 3, "metrics.title", REPORT_NONE);
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
			xmlout_attribute(xmlout_text_element(facts, "fact", metric->definition),
					 "label", metric->name);
		}
	}
}

/* The current stage: its badge and tagline, the pack's sections (the
 * priority actions become the roadmap), the metrics to track, and what
 * the next stage unlocks last. */
void
report_stage(struct report_context *context, xmlNodePtr section)
{
	const struct model *model = context->model;
	const struct framework_stage *stage = &context->framework->stages[model->stage];
	const struct framework_section *unlocks = framework_stage_section(stage, "unlocks");
	xmlNodePtr banner = report_block(section, "group", "verdict");

	xmlout_attribute(report_chip(context, banner, model->stage), "size", "large");
	xmlout_text_element(report_block(banner, "p", "tagline"), "em", stage->tagline);
	for (size_t index = 0; index < stage->section_count; index++) {
		const struct framework_section *content = &stage->sections[index];

		if (content->id != NULL &&
		    (strcmp(content->id, "actions") == 0 || strcmp(content->id, "unlocks") == 0))
			continue;
		report_stage_section(context, section, content);
	}
	if (stage->metric_count > 0)
		report_metrics(context, section, stage);
	if (unlocks != NULL)
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
		char low[REPORT_NUMBER], high[REPORT_NUMBER], months[REPORT_NUMBER];

		snprintf(low, sizeof low, "%d", roadmap->months_low);
		snprintf(high, sizeof high, "%d", roadmap->months_high);
		snprintf(months, sizeof months, "%d", roadmap->months_estimate);
		report_say(context, paragraph, "roadmap.horizon",
			   REPORT_ARGUMENTS(REPORT_TEXT("low", low), REPORT_TEXT("high", high),
					    REPORT_TEXT("stage", stage),
					    REPORT_TEXT("next",
							framework->stages[model->next_stage].label),
					    REPORT_COUNT("months", months, roadmap->months_estimate)));
	} else {
		report_say(context, paragraph, "roadmap.sustain",
			   REPORT_ARGUMENTS(REPORT_TEXT("stage", stage)));
	}
	xmlout_text(paragraph, " ");
	report_say(context, paragraph, "roadmap.order", REPORT_NONE);
	for (size_t index = 0; index < roadmap->action_count; index++)
		foundation |= roadmap->actions[index].foundation;
	if (foundation) {
		xmlout_text(paragraph, " ");
		report_say(context, paragraph, "roadmap.foundation-note",
			   REPORT_ARGUMENTS(REPORT_TEXT("stage", stage)));
	}
}

/* One action card: its number, title, where it comes from, the answer
 * behind it, the insight and the advice. */
static void
report_action(struct report_context *context, xmlNodePtr parent,
	      const struct roadmap_action *action)
{
	static const char *const kinds[] = { "answer", "stage", "alignment" };
	const struct model *model = context->model;
	const struct framework *framework = context->framework;
	xmlNodePtr card = xmlout_element(parent, "card"), tags, meta;
	char score[REPORT_NUMBER];

	xmlout_attribute_format(card, "number", "%zu", action->order);
	xmlout_attribute(card, "kind", kinds[action->source]);
	xmlout_text_element(card, "title", action->title);
	tags = xmlout_element(card, "tags");
	if (action->source == ROADMAP_FROM_ALIGNMENT)
		report_say(context, report_block(tags, "tag", "strong"), "action.alignment",
			   REPORT_NONE);
	else if (action->source == ROADMAP_FROM_STAGE)
		report_say(context, report_block(tags, "tag", "strong"), "action.stage", REPORT_NONE);
	if (action->foundation)
		report_say(context, xmlout_element(tags, "tag"), "action.foundation", REPORT_NONE);
	if (tags->children == NULL) {
		xmlUnlinkNode(tags);
		xmlFreeNode(tags);
	}
	meta = report_block(card, "p", "meta");
	xmlout_text_element(xmlout_element(meta, "seg"), "strong",
			    framework->domains[action->domain].label);
	if (model->domains[action->domain].assessed) {
		report_score(score, action->domain_score);
		report_say(context, xmlout_element(meta, "seg"), "action.score",
			   REPORT_ARGUMENTS(REPORT_TEXT("score", score)));
	}
	if (action->source == ROADMAP_FROM_ANSWER)
		report_paragraph(
			context, card, "because", "action.because",
			REPORT_ARGUMENTS(REPORT_TEXT(
				"answer",
				framework->questions[action->question].options[action->option - 1].text)));
	if (action->lead != NULL)
		xmlout_text_element(report_block(card, "p", "insight"), "em", action->lead);
	if (action->markdown != NULL)
		report_markdown(context, card, action->markdown);
	else
		xmlout_text(report_block(card, "p", NULL), action->text);
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
