/* The report's path: a journey card for every stage (done, here, next,
 * later), what the next stage unlocks, and the guide to the move: the
 * signs the team is ready, the key shifts, what it gains and the risks. */
#include "framework.h"
#include "model.h"
#include "report_parts.h"
#include "xmlout.h"

#include <stdio.h>

/* One card per stage, in order, saying where the team is on the way,
 * kept with the sentence that opens the section. */
static void
report_journey(struct report_context *context, xmlNodePtr section)
{
	const struct framework *framework = context->framework;
	const struct model *model = context->model;
	xmlNodePtr group = report_block(section, "group", "journey"), tiles;

	xmlout_attribute(group, "keep", "together");
	report_paragraph(context, group, "intro", "path.intro", REPORT_NONE);
	tiles = report_block(group, "tiles", "journey");

	for (size_t stage = 0; stage < framework->stage_count; stage++) {
		const struct framework_stage *definition = &framework->stages[stage];
		const char *status = stage < model->stage	 ? "journey.done"
				     : stage == model->stage	 ? "journey.here"
				     : stage == model->stage + 1 ? "journey.next"
								 : "journey.later";
		xmlNodePtr tile = report_block(tiles, "tile",
					       stage < model->stage	? "done"
					       : stage == model->stage ? "here"
								       : "ahead");

		report_say(context, xmlout_element(tile, "label"), status, REPORT_NONE);
		report_chip(context, xmlout_element(tile, "value"), stage);
		xmlout_text_element(tile, "note", definition->journey != NULL ? definition->journey
									     : definition->tagline);
	}
}

/* A heading and a bulleted list of texts. */
static void
report_texts(struct report_context *context, xmlNodePtr section, const char *heading_id,
	     char *const *texts, size_t count)
{
	xmlNodePtr list;

	report_heading(context, section, 4, heading_id, REPORT_NONE);
	list = report_list(section, NULL);
	for (size_t index = 0; index < count; index++)
		xmlout_text(report_item(list), texts[index]);
}

/* The key shifts as a table: from, to. */
static void
report_shifts(struct report_context *context, xmlNodePtr section,
	      const struct framework_transition *transition)
{
	xmlNodePtr table = xmlout_element(section, "table"), row;

	report_say(context, xmlout_element(table, "caption"), "path.shifts", REPORT_NONE);
	row = report_block(table, "row", "head");
	report_say(context, xmlout_element(row, "cell"), "path.from", REPORT_NONE);
	report_say(context, xmlout_element(row, "cell"), "path.to", REPORT_NONE);
	for (size_t index = 0; index < transition->shift_count; index++) {
		row = xmlout_element(table, "row");
		xmlout_text(xmlout_element(row, "cell"), transition->shifts[index].from);
		xmlout_text(xmlout_element(row, "cell"), transition->shifts[index].to);
	}
}

/* The move to the next stage, risks included. */
static void
report_transition(struct report_context *context, xmlNodePtr section,
		  const struct framework_transition *transition)
{
	xmlNodePtr list;

	report_heading(context, section, 3, "path.transition",
		       REPORT_ARGUMENTS(REPORT_TEXT("stage", report_stage_label(context)),
					REPORT_TEXT("next", report_next_label(context))));
	report_texts(context, section, "path.signals", transition->signals,
		     transition->signal_count);
	report_shifts(context, section, transition);
	report_texts(context, section, "path.capabilities", transition->capabilities,
		     transition->capability_count);
	report_heading(context, section, 4, "path.risks", REPORT_NONE);
	report_paragraph(context, section, "small", "path.risks-intro", REPORT_NONE);
	list = report_list(section, "risks");
	for (size_t index = 0; index < transition->risk_count; index++)
		report_say(context, report_item(list), "path.risk",
			   REPORT_ARGUMENTS(REPORT_TEXT("title", transition->risks[index].title),
					    REPORT_TEXT("text", transition->risks[index].text)));
}

void
report_path(struct report_context *context, xmlNodePtr section)
{
	const struct model *model = context->model;
	const struct framework_stage *stage = &context->framework->stages[model->stage];
	const struct framework_section *unlocks = framework_stage_section(stage, "unlocks");

	report_journey(context, section);
	if (unlocks != NULL)
		report_stage_section(context, section, unlocks);
	if (model->has_next_stage && stage->transition != NULL)
		report_transition(context, section, stage->transition);
	else if (!model->has_next_stage)
		report_paragraph(context, section, NULL, "path.top",
				 REPORT_ARGUMENTS(REPORT_TEXT("stage", stage->label)));
}
