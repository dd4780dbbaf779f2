/* The report's playbooks: the motions chosen for the team (model.h), the
 * current stage's, its weakest domain's and the next stage's, each as a
 * card with when to use it, its steps, who leads it, the metric it moves
 * and how long it takes. */
#include "framework.h"
#include "model.h"
#include "report_parts.h"
#include "xmlout.h"

#include <stdio.h>

/* One playbook as a card numbered number. */
static void
report_playbook(struct report_context *context, xmlNodePtr parent,
		const struct model_playbook *shown, size_t number)
{
	const struct framework *framework = context->framework;
	const struct framework_playbook *playbook = shown->playbook;
	xmlNodePtr card = xmlout_element(parent, "card"), meta, list;

	xmlout_attribute_format(card, "number", "%zu", number);
	xmlout_attribute(card, "kind", "playbook");
	xmlout_text_element(card, "title", playbook->name);
	meta = report_block(card, "p", "meta");
	xmlout_text_element(meta, "strong", framework->domains[playbook->domain].label);
	if (playbook->marks.owner >= 0)
		report_say(context, meta, "action.owner",
			   REPORT_ARGUMENTS(REPORT_TEXT(
				   "owner", framework->roles[playbook->marks.owner].label)));
	report_paragraph(context, card, "because", "playbook.when",
			 REPORT_ARGUMENTS(REPORT_TEXT("when", playbook->when)));
	if (shown->fit != NULL)
		xmlout_text(report_block(card, "p", "fit"), shown->fit->why);
	list = report_block(card, "list", "steps");
	xmlout_attribute(list, "style", "number");
	for (size_t index = 0; index < playbook->step_count; index++)
		xmlout_text(report_item(list), playbook->steps[index]);
	report_paragraph(context, card, "small", "playbook.moves",
			 REPORT_ARGUMENTS(REPORT_TEXT("metric", playbook->metric),
					  REPORT_TEXT("duration", playbook->duration)));
}

void
report_playbooks(struct report_context *context, xmlNodePtr section)
{
	static const char *const headings[] = {
		[MODEL_PLAYBOOK_CURRENT] = "playbooks.current",
		[MODEL_PLAYBOOK_WEAKEST] = "playbooks.weakest",
		[MODEL_PLAYBOOK_NEXT] = "playbooks.next",
	};
	const struct model *model = context->model;

	report_paragraph(context, section, "intro", "playbooks.intro", REPORT_NONE);
	for (size_t index = 0; index < model->playbook_count; index++) {
		const struct model_playbook *shown = &model->playbooks[index];

		if (index == 0 || model->playbooks[index - 1].reason != shown->reason)
			report_heading(
				context, section, 3, headings[shown->reason],
				REPORT_ARGUMENTS(REPORT_TEXT("stage", report_stage_label(context)),
						 REPORT_TEXT("next", report_next_label(context)),
						 REPORT_TEXT("domain",
							     context->framework->domains[model->weakest]
								     .label)));
		report_playbook(context, section, shown, index + 1);
	}
}
