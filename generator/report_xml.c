/* The report model as XML; see report_xml.h and the README's "report.xml". */
#include "report_xml.h"

#include "answers.h"
#include "framework.h"
#include "markdown.h"
#include "model.h"
#include "xmlout.h"

#include <stdio.h>
#include <string.h>

/* Scores always print with two decimals, fractions with four. */
static void
attribute_score(xmlNodePtr node, const char *name, double value)
{
	xmlout_attribute_format(node, name, "%.2f", value);
}

static void
attribute_change(xmlNodePtr node, const char *name, double value)
{
	xmlout_attribute_format(node, name, "%+.2f", value == 0 ? 0.0 : value);
}

static void
report_xml_team(xmlNodePtr root, const struct model *model)
{
	const struct answers *answers = model->answers;
	const struct framework *framework = model->framework;
	xmlNodePtr team = xmlout_element(root, "team");

	xmlout_attribute(team, "id", answers->team);
	xmlout_attribute(team, "date", answers->date);
	xmlout_attribute_format(team, "respondents", "%zu", answers->respondent_count);
	xmlout_text_element(team, "name", answers->name);
	xmlout_text_element(team, "organization", answers->organization);
	for (size_t index = 0; index < model->profile_count; index++) {
		const struct framework_parameter *parameter =
			&framework->parameters[model->profile[index].parameter];
		const struct framework_choice *choice = &parameter->choices[model->profile[index].choice];
		xmlNodePtr node = xmlout_text_element(team, "profile", choice->label);

		xmlout_attribute(node, "parameter", parameter->id);
		xmlout_attribute(node, "parameter-label", parameter->label);
		xmlout_attribute(node, "option", choice->id);
	}
	for (size_t index = 0; index < answers->respondent_count; index++) {
		xmlNodePtr node = xmlout_element(team, "respondent");

		xmlout_attribute(node, "id", answers->respondents[index].id);
		xmlout_attribute(node, "role", answers->respondents[index].role);
	}
}

static void
report_xml_stages(xmlNodePtr root, const struct model *model)
{
	const struct framework *framework = model->framework;
	xmlNodePtr stages = xmlout_element(root, "stages");

	for (size_t index = 0; index < framework->stage_count; index++) {
		const struct framework_stage *stage = &framework->stages[index];
		xmlNodePtr node = xmlout_element(stages, "stage");

		xmlout_attribute(node, "id", stage->id);
		xmlout_attribute_format(node, "number", "%zu", index + 1);
		attribute_score(node, "min", stage->minimum);
		xmlout_attribute_format(node, "fraction", "%.4f", (stage->minimum - 1) / 3);
		if (index == model->stage)
			xmlout_attribute(node, "current", "true");
		xmlout_text_element(node, "label", stage->label);
		xmlout_text_element(node, "tagline", stage->tagline);
	}
}

static void
report_xml_result(xmlNodePtr root, const struct model *model)
{
	const struct framework *framework = model->framework;
	xmlNodePtr result = xmlout_element(root, "result");

	attribute_score(result, "overall", model->overall);
	xmlout_attribute_format(result, "score10", "%.1f", model->display);
	xmlout_attribute_format(result, "fraction", "%.4f", model->overall_fraction);
	xmlout_attribute(result, "stage", framework->stages[model->stage].id);
	if (model->has_next_stage) {
		xmlout_attribute(result, "next-stage", framework->stages[model->next_stage].id);
		attribute_score(result, "to-next-stage", model->to_next_stage);
	}
	xmlout_attribute_format(result, "assessed", "%zu", model->assessed_count);
	xmlout_attribute(result, "uneven", model->uneven ? "true" : "false");
	if (model->assessed_count > 0) {
		xmlout_attribute(result, "strongest", framework->domains[model->strongest].id);
		xmlout_attribute(result, "weakest", framework->domains[model->weakest].id);
	}
	if (model->has_previous) {
		xmlNodePtr previous = xmlout_element(root, "previous");

		xmlout_attribute(previous, "date", model->previous->date);
		attribute_score(previous, "overall", model->previous_overall);
		attribute_change(previous, "change", model->overall_change);
		xmlout_attribute(previous, "stage", framework->stages[model->previous_stage].id);
		for (size_t index = 0; index < model->regression_count; index++) {
			const struct model_domain *domain = &model->domains[model->regressions[index]];
			xmlNodePtr node = xmlout_element(previous, "regression");

			xmlout_attribute(node, "domain", framework->domains[domain->domain].id);
			attribute_score(node, "previous", domain->previous);
			attribute_score(node, "score", domain->score);
			attribute_change(node, "change", domain->change);
		}
	}
}

/* Every assessment of the team, oldest first, when there is more than
 * this one: each date's overall score, stage and domain scores. */
static void
report_xml_history(xmlNodePtr root, const struct model *model)
{
	const struct framework *framework = model->framework;
	xmlNodePtr history;

	if (model->history_count < 2)
		return;
	history = xmlout_element(root, "history");
	xmlout_attribute_format(history, "assessments", "%zu", model->history_count);
	if (model->has_first)
		attribute_change(history, "since-first", model->first_change);
	if (model->has_pace)
		xmlout_attribute_format(history, "pace-per-year", "%+.2f", model->pace * 12);
	for (size_t index = 0; index < model->history_count; index++) {
		const struct model_assessment *point = &model->history[index];
		xmlNodePtr node = xmlout_element(history, "assessment");

		xmlout_attribute(node, "date", point->date);
		attribute_score(node, "overall", point->overall);
		xmlout_attribute_format(node, "score10", "%.1f", point->display);
		xmlout_attribute(node, "stage", framework->stages[point->stage].id);
		if (index > 0)
			attribute_change(node, "change", point->change);
		xmlout_attribute_format(node, "months", "%.1f", point->months);
		for (size_t domain = 0; domain < framework->domain_count; domain++) {
			xmlNodePtr score;

			if (point->domains[domain] < 0)
				continue;
			score = xmlout_element(node, "domain");
			xmlout_attribute(score, "id", framework->domains[domain].id);
			attribute_score(score, "score", point->domains[domain]);
		}
	}
}

static void
report_xml_domains(xmlNodePtr root, const struct model *model)
{
	const struct framework *framework = model->framework;
	xmlNodePtr domains = xmlout_element(root, "domains");

	for (size_t rank = 0; rank < model->domain_count; rank++) {
		const struct model_domain *domain = &model->domains[model->ranking[rank]];
		const struct framework_domain *definition = &framework->domains[domain->domain];
		xmlNodePtr node = xmlout_element(domains, "domain");

		xmlout_attribute(node, "id", definition->id);
		xmlout_attribute_format(node, "number", "%zu", domain->domain + 1);
		xmlout_attribute_format(node, "rank", "%zu", rank + 1);
		xmlout_attribute(node, "assessed", domain->assessed ? "true" : "false");
		if (domain->assessed) {
			attribute_score(node, "score", domain->score);
			xmlout_attribute_format(node, "fraction", "%.4f", domain->fraction);
			xmlout_attribute(node, "band", framework->stages[domain->band].id);
			attribute_score(node, "spread", domain->spread);
			xmlout_attribute(node, "disagreement", domain->disagreement ? "true" : "false");
			if (domain->has_previous) {
				attribute_score(node, "previous", domain->previous);
				attribute_change(node, "change", domain->change);
			}
			if (domain->has_first) {
				attribute_score(node, "first", domain->first);
				attribute_change(node, "since-first", domain->first_change);
			}
			if (domain->has_target)
				attribute_score(node, "gap", domain->gap);
			if (domain->percentile >= 0)
				xmlout_attribute_format(node, "percentile", "%.0f", domain->percentile);
			if (domain->has_benchmark)
				attribute_score(node, "benchmark", domain->benchmark);
		}
		if (domain->has_target) {
			static const char *const sources[] = { NULL, "stage", "file", "answers" };

			attribute_score(node, "target", domain->target);
			xmlout_attribute(node, "target-from", sources[domain->target_source]);
		}
		xmlout_text_element(node, "label", definition->label);
		xmlout_text_element(node, "description", definition->description);
	}
	for (size_t index = 0; index < model->disagreement_count; index++) {
		xmlNodePtr node = xmlout_element(root, "disagreement");

		xmlout_attribute(node, "domain", framework->domains[model->disagreements[index]].id);
		attribute_score(node, "spread", model->domains[model->disagreements[index]].spread);
	}
	for (size_t index = 0; index < model->charter_count; index++) {
		const struct model_charter *charter = &model->charters[index];
		const struct framework_charter *definition = &framework->charters[charter->charter];
		xmlNodePtr node = xmlout_element(root, "charter");

		xmlout_attribute(node, "id", definition->id);
		xmlout_attribute(node, "assessed", charter->assessed ? "true" : "false");
		if (charter->assessed) {
			attribute_score(node, "score", charter->score);
			xmlout_attribute_format(node, "fraction", "%.4f", charter->fraction);
		}
		xmlout_text_element(node, "label", definition->label);
		xmlout_text_element(node, "description", definition->description);
	}
}

static void
report_xml_strengths(xmlNodePtr root, const struct model *model)
{
	const struct framework *framework = model->framework;

	for (size_t index = 0; index < model->strength_count; index++) {
		const struct model_strength *strength = &model->strengths[index];
		const struct framework_question *question = &framework->questions[strength->question];
		xmlNodePtr node = xmlout_element(root, "strength");

		xmlout_attribute(node, "domain", framework->domains[strength->domain].id);
		xmlout_attribute(node, "question", question->id);
		xmlout_attribute_format(node, "option", "%d", strength->option);
		xmlout_text_element(node, "domain-label", framework->domains[strength->domain].label);
		xmlout_text_element(node, "text", question->options[strength->option - 1].text);
		xmlout_text_element(node, "why", question->options[strength->option - 1].strength);
	}
}

/* The move from the current stage to the next, as the stage guide gives it. */
static void
report_xml_transition(xmlNodePtr content, const struct framework_transition *transition)
{
	xmlNodePtr node;

	if (transition == NULL)
		return;
	node = xmlout_element(content, "transition");
	for (size_t index = 0; index < transition->signal_count; index++)
		xmlout_text_element(node, "signal", transition->signals[index]);
	for (size_t index = 0; index < transition->shift_count; index++) {
		xmlNodePtr shift = xmlout_element(node, "shift");

		xmlout_text_element(shift, "from", transition->shifts[index].from);
		xmlout_text_element(shift, "to", transition->shifts[index].to);
	}
	for (size_t index = 0; index < transition->capability_count; index++)
		xmlout_text_element(node, "capability", transition->capabilities[index]);
	for (size_t index = 0; index < transition->risk_count; index++)
		xmlout_attribute(xmlout_text_element(node, "risk", transition->risks[index].text), "title",
			  transition->risks[index].title);
}

static void
report_xml_stage_content(xmlNodePtr root, const struct model *model)
{
	const struct framework *framework = model->framework;
	const struct framework_stage *stage = &framework->stages[model->stage];
	xmlNodePtr content = xmlout_element(root, "stage-content");

	xmlout_attribute(content, "stage", stage->id);
	for (size_t index = 0; index < stage->section_count; index++) {
		const struct framework_section *section = &stage->sections[index];
		xmlNodePtr node = xmlout_element(content, "section");

		xmlout_attribute(node, "id", section->id);
		xmlout_attribute(node, "heading", section->heading);
		markdown_append_xml(node, section->markdown);
	}
	for (int segment = SEGMENT_NONE + 1; segment < SEGMENT_COUNT; segment++) {
		static const char *const segments[] = { NULL, "smb", "mid_market", "enterprise" };

		xmlout_attribute(xmlout_text_element(content, "typical-profile", stage->profile_segments[segment]),
			  "segment", segments[segment]);
	}
	report_xml_transition(content, stage->transition);
	for (size_t index = 0; index < stage->metric_count; index++) {
		static const char *const tiers[] = { "must", "worth", "not-yet" };
		const struct framework_metric *metric = &stage->metrics[index];
		const struct framework_target_value *target = model->metric_targets[index];
		xmlNodePtr node = xmlout_text_element(content, "metric", metric->definition);

		xmlout_attribute(node, "tier", tiers[metric->tier]);
		xmlout_attribute(node, "name", metric->name);
		if (target != NULL) {
			xmlout_attribute(node, "target", target->text);
			xmlout_attribute(node, "target-for", target->choice ? target->choice->id : NULL);
		}
	}
}

/* The advice fitted to the profile: its fits, what they left out, the
 * playbooks shown. */
static void
report_xml_advice(xmlNodePtr root, const struct model *model)
{
	static const char *const reasons[] = { "current", "weakest", "next" };
	const struct framework *framework = model->framework;
	xmlNodePtr advice = xmlout_element(root, "advice");

	for (size_t index = 0; index < model->fit_count; index++) {
		const struct framework_fit *fit = model->fits[index];
		xmlNodePtr node = xmlout_text_element(advice, "fit", fit->why);

		xmlout_attribute(node, "choice", framework->parameters[fit->parameter].choices[fit->choice].id);
		xmlout_attribute(node, "name", fit->name);
	}
	for (size_t index = 0; index < model->roadmap.omission_count; index++) {
		const struct roadmap_omission *omission = &model->roadmap.omissions[index];
		xmlNodePtr node = xmlout_text_element(advice, "left-out", omission->title);

		xmlout_attribute(node, "source", omission->source == ROADMAP_FROM_STAGE ? "stage" : "answer");
		xmlout_attribute(node, "domain", framework->domains[omission->domain].id);
		xmlout_attribute(node, "for",
			  framework->parameters[omission->fit->parameter].choices[omission->fit->choice].id);
	}
	for (size_t index = 0; index < model->playbook_count; index++) {
		const struct model_playbook *shown = &model->playbooks[index];
		xmlNodePtr node = xmlout_text_element(advice, "playbook", shown->playbook->name);

		xmlout_attribute(node, "id", shown->playbook->id);
		xmlout_attribute(node, "reason", reasons[shown->reason]);
		xmlout_attribute(node, "domain", framework->domains[shown->playbook->domain].id);
		xmlout_attribute(node, "stage", framework->stages[shown->playbook->stage].id);
	}
}

/* An action's marks: its theme, owner, effort, the choice that ranked it
 * up and the actions it builds on. */
static void
report_xml_marks(xmlNodePtr item, const struct model *model, const struct roadmap_action *action)
{
	static const char *const efforts[] = { NULL, "small", "medium", "large" };
	const struct framework *framework = model->framework;
	char needs[256] = "";

	if (action->marks->theme >= 0)
		xmlout_attribute(item, "theme", framework->themes[action->marks->theme].id);
	if (action->marks->owner >= 0)
		xmlout_attribute(item, "owner", framework->roles[action->marks->owner].id);
	xmlout_attribute(item, "effort", efforts[action->marks->effort]);
	if (action->fit != NULL)
		xmlout_attribute(item, "fit",
			  framework->parameters[action->fit->parameter].choices[action->fit->choice].id);
	for (size_t index = 0; index < action->need_count; index++)
		snprintf(needs + strlen(needs), sizeof needs - strlen(needs), "%s%zu",
			 index ? " " : "", action->needs[index]);
	if (needs[0] != '\0')
		xmlout_attribute(item, "needs", needs);
}

static void
report_xml_roadmap(xmlNodePtr root, const struct model *model)
{
	static const char *const sources[] = { "answer", "stage", "alignment", "regression" };
	const struct framework *framework = model->framework;
	const struct roadmap *roadmap = &model->roadmap;
	xmlNodePtr node = xmlout_element(root, "roadmap");

	xmlout_attribute_format(node, "months-low", "%d", roadmap->months_low);
	xmlout_attribute_format(node, "months-high", "%d", roadmap->months_high);
	if (roadmap->months_estimate > 0) {
		static const char *const estimates[] = { NULL, "range", "pace", "stalled" };

		xmlout_attribute_format(node, "months-estimate", "%d", roadmap->months_estimate);
		xmlout_attribute(node, "estimate", estimates[roadmap->estimate]);
	}
	if (roadmap->estimate == ROADMAP_ESTIMATE_PACE)
		xmlout_attribute_format(node, "months-by-pace", "%d", roadmap->months_by_pace);
	for (size_t phase = 0; phase < framework->phase_count; phase++) {
		xmlNodePtr phase_node = xmlout_element(node, "phase");

		xmlout_attribute_format(phase_node, "number", "%zu", phase + 1);
		xmlout_attribute_format(phase_node, "from", "%d", framework->phases[phase].from_day);
		xmlout_attribute_format(phase_node, "to", "%d", framework->phases[phase].to_day);
		xmlout_text_element(phase_node, "label", framework->phases[phase].label);
		for (size_t index = 0; index < roadmap->action_count; index++) {
			const struct roadmap_action *action = &roadmap->actions[index];
			xmlNodePtr item;

			if (action->phase != phase)
				continue;
			item = xmlout_element(phase_node, "action");
			xmlout_attribute_format(item, "order", "%zu", action->order);
			xmlout_attribute(item, "domain", framework->domains[action->domain].id);
			if (model->domains[action->domain].assessed)
				attribute_score(item, "score", action->domain_score);
			xmlout_attribute(item, "source", sources[action->source]);
			xmlout_attribute(item, "foundation", action->foundation ? "true" : "false");
			if (action->has_target) {
				attribute_score(item, "target", action->target);
				attribute_score(item, "gap", action->gap);
			}
			if (action->source == ROADMAP_FROM_ANSWER) {
				xmlout_attribute(item, "question", framework->questions[action->question].id);
				xmlout_attribute_format(item, "option", "%d", action->option);
			}
			report_xml_marks(item, model, action);
			xmlout_text_element(item, "domain-label", framework->domains[action->domain].label);
			xmlout_text_element(item, "title", action->title);
			xmlout_text_element(item, "lead", action->lead);
			if (action->source == ROADMAP_FROM_ANSWER)
				xmlout_text_element(item, "answer",
					     framework->questions[action->question]
						     .options[action->option - 1]
						     .text);
			xmlout_text_element(item, "text", action->text);
		}
	}
}

static void
report_xml_answers(xmlNodePtr root, const struct model *model)
{
	const struct framework *framework = model->framework;
	const struct answers *answers = model->answers;
	xmlNodePtr node = xmlout_element(root, "answers");

	for (size_t index = 0; index < model->answer_row_count; index++) {
		const struct model_answer *row = &model->answer_rows[index];
		const struct framework_question *question = &framework->questions[row->question];
		xmlNodePtr item = xmlout_element(node, "question");

		xmlout_attribute(item, "id", question->id);
		xmlout_attribute(item, "domain", framework->domains[question->domain].id);
		xmlout_attribute(item, "answered", row->answered ? "true" : "false");
		if (row->answered) {
			attribute_score(item, "value", row->value);
			xmlout_attribute_format(item, "option", "%d", row->option);
		}
		xmlout_text_element(item, "text", question->text);
		if (row->answered)
			xmlout_text_element(item, "chosen", question->options[row->option - 1].text);
		for (size_t respondent = 0; respondent < answers->respondent_count; respondent++) {
			const struct model_respondent_answer *response = &row->respondents[respondent];
			xmlNodePtr answer;

			if (response->score == 0 && response->comment == NULL)
				continue;
			answer = xmlout_element(item, "response");
			xmlout_attribute(answer, "respondent", answers->respondents[respondent].id);
			if (response->score > 0) {
				xmlout_attribute_format(answer, "score", "%d", response->score);
				xmlout_text_element(answer, "option", question->options[response->score - 1].text);
			}
			xmlout_text_element(answer, "comment", response->comment);
		}
	}
}

xmlDocPtr
report_xml_build(const struct model *model)
{
	const struct framework *framework = model->framework;
	xmlDocPtr document = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = xmlNewDocNode(document, NULL, (const xmlChar *)"report", NULL);
	xmlNodePtr content;

	xmlDocSetRootElement(document, root);
	xmlSetNs(root, xmlNewNs(root, (const xmlChar *)REPORT_XML_NAMESPACE, NULL));
	xmlout_attribute(root, "generator", "maturity " MATURITY_VERSION);
	xmlout_attribute(root, "generated", model->generated);

	content = xmlout_element(root, "content");
	xmlout_attribute(content, "id", framework->id);
	xmlout_attribute(content, "version", framework->version);
	xmlout_text_element(content, "title", framework->title);
	xmlout_text_element(content, "description", framework->description);

	report_xml_team(root, model);
	report_xml_stages(root, model);
	report_xml_result(root, model);
	report_xml_history(root, model);
	report_xml_domains(root, model);
	report_xml_strengths(root, model);
	report_xml_stage_content(root, model);
	report_xml_roadmap(root, model);
	report_xml_advice(root, model);
	report_xml_answers(root, model);
	return document;
}
