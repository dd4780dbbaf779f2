/* The report's appendix: who answered, every answer, how the scores are
 * computed and what the report rests on. */
#include "answers.h"
#include "framework.h"
#include "model.h"
#include "report_parts.h"
#include "xalloc.h"
#include "xmlout.h"

#include <stdio.h>
#include <string.h>

static void
report_respondents(struct report_context *context, xmlNodePtr section)
{
	const struct answers *answers = context->answers;
	xmlNodePtr list;

	report_heading(context, section, 3, "appendix.respondents", REPORT_NONE);
	list = report_block(section, "list", NULL);
	xmlout_attribute(list, "style", "bullet");
	for (size_t index = 0; index < answers->respondent_count; index++) {
		const struct answers_respondent *respondent = &answers->respondents[index];
		xmlNodePtr paragraph = report_block(xmlout_element(list, "item"), "p", NULL);

		xmlout_text_element(paragraph, "strong", respondent->id);
		if (respondent->role != NULL)
			report_say(context, paragraph, "appendix.role",
				   REPORT_ARGUMENTS(REPORT_TEXT("role", respondent->role)));
	}
}

/* The mean and each respondent's level on one line, "not answered"
 * where skipped. */
static void
report_levels(struct report_context *context, xmlNodePtr item, const struct model_answer *row)
{
	const struct answers *answers = context->answers;
	xmlNodePtr paragraph = report_block(item, "p", "small");
	char mean[REPORT_NUMBER];

	/* Segments: each respondent's level is the same words in every question
	 * where they chose it, so print sets it once. */
	report_score(mean, row->value);
	report_say(context, xmlout_element(paragraph, "seg"), "appendix.mean",
		   REPORT_ARGUMENTS(REPORT_TEXT("mean", mean)));
	for (size_t index = 0; index < answers->respondent_count; index++) {
		xmlNodePtr segment = xmlout_element(paragraph, "seg");
		char level[REPORT_NUMBER];

		report_say(context, segment, "appendix.level-separator", REPORT_NONE);
		snprintf(level, sizeof level, "%d", row->respondents[index].score);
		report_say(context, segment,
			   row->respondents[index].score > 0 ? "appendix.level" : "appendix.skipped",
			   REPORT_ARGUMENTS(REPORT_TEXT("respondent", answers->respondents[index].id),
					    REPORT_TEXT("level", level)));
	}
}

/* What a respondent said that the team's answer does not show: their own
 * option where it differs, their comment. */
static void
report_responses(struct report_context *context, xmlNodePtr item, const struct model_answer *row,
		 const struct framework_question *question)
{
	const struct answers *answers = context->answers;
	int several = answers->respondent_count > 1;

	for (size_t index = 0; index < answers->respondent_count; index++) {
		const struct model_respondent_answer *response = &row->respondents[index];
		const struct answers_respondent *respondent = &answers->respondents[index];
		int differs = several && response->score > 0 && response->score != row->option;
		char level[REPORT_NUMBER];

		/* Who differs, then their answer on its own: the same words for
		 * every team that gave it. */
		if (differs) {
			snprintf(level, sizeof level, "%d", response->score);
			report_paragraph(context, item, "small",
					 respondent->role != NULL ? "appendix.dissent-role"
								  : "appendix.dissent",
					 REPORT_ARGUMENTS(REPORT_TEXT("respondent", respondent->id),
							  REPORT_TEXT("role", respondent->role),
							  REPORT_TEXT("level", level)));
			xmlout_text(report_block(item, "p", "small"),
				    question->options[response->score - 1].text);
		}
		if (response->comment != NULL) {
			xmlNodePtr quote = xmlout_element(item, "quote");

			xmlout_text(report_block(quote, "p", NULL), response->comment);
			report_say(context, xmlout_element(quote, "cite"), "appendix.comment-by",
				   REPORT_ARGUMENTS(REPORT_TEXT("respondent", respondent->id)));
		}
	}
}

/* One question: its text, the team's answer, each respondent's level and
 * what differs. */
static void
report_question(struct report_context *context, xmlNodePtr list, const struct model_answer *row)
{
	const struct framework_question *question = &context->framework->questions[row->question];
	int several = context->answers->respondent_count > 1;
	xmlNodePtr item = xmlout_element(list, "item");
	char level[REPORT_NUMBER];

	xmlout_attribute(item, "keep", "together");
	xmlout_text_element(report_block(item, "p", NULL), "strong", question->text);
	if (!row->answered) {
		report_paragraph(context, item, "answer", "appendix.unanswered", REPORT_NONE);
		return;
	}
	snprintf(level, sizeof level, "%d", row->option);
	report_paragraph(context, item, "answer", "appendix.answer",
			 REPORT_ARGUMENTS(REPORT_TEXT("level", level),
					  REPORT_TEXT("answer",
						      question->options[row->option - 1].text)));
	if (several)
		report_levels(context, item, row);
	report_responses(context, item, row, question);
}

static void
report_answers(struct report_context *context, xmlNodePtr section)
{
	const struct framework *framework = context->framework;

	xmlNodePtr group;

	report_heading(context, section, 3, "appendix.answers", REPORT_NONE);
	if (context->answers->respondent_count > 1)
		report_paragraph(context, section, "intro", "appendix.answers-intro", REPORT_NONE);
	/* Many short items: set in two columns where the page is wide enough. */
	group = report_block(section, "group", "answers");
	xmlout_attribute(group, "columns", "2");
	for (size_t domain = 0; domain < framework->domain_count; domain++) {
		const struct framework_domain *definition = &framework->domains[domain];
		xmlNodePtr heading = xmlout_element(group, "h"), list;

		xmlout_attribute(heading, "level", "4");
		xmlout_text(heading, definition->label);
		list = report_block(group, "list", "questions");
		xmlout_attribute(list, "style", "number");
		for (size_t offset = 0; offset < definition->question_count; offset++)
			report_question(context, list,
					&context->model->answer_rows[definition->first_question + offset]);
	}
}

/* How the scores are computed, with the stages' thresholds. */
static void
report_method(struct report_context *context, xmlNodePtr section)
{
	const struct framework *framework = context->framework;
	const struct model *model = context->model;
	xmlNodePtr table, row, cell;
	char overall[REPORT_NUMBER], score10[REPORT_NUMBER];
	static const char *const headings[] = { "table.stage", "table.minimum", "table.in-short" };

	report_heading(context, section, 3, "appendix.method", REPORT_NONE);
	report_paragraph(context, section, NULL, "appendix.method-scores", REPORT_NONE);
	report_score(overall, model->overall);
	report_score10(score10, model->display);
	report_paragraph(context, section, NULL, "appendix.method-stage", REPORT_NONE);
	report_paragraph(context, section, NULL, "appendix.method-example",
			 REPORT_ARGUMENTS(REPORT_TEXT("overall", overall),
					  REPORT_TEXT("score10", score10)));
	table = xmlout_element(section, "table");
	report_say(context, xmlout_element(table, "caption"), "table.stages-caption",
		   REPORT_ARGUMENTS(REPORT_TEXT("model", framework->title)));
	row = report_block(table, "row", "head");
	for (size_t column = 0; column < 3; column++) {
		cell = xmlout_element(row, "cell");
		if (column == 1)
			xmlout_attribute(cell, "align", "end");
		report_say(context, cell, headings[column], REPORT_NONE);
	}
	for (size_t stage = 0; stage < framework->stage_count; stage++) {
		char number[REPORT_NUMBER], minimum[REPORT_NUMBER];

		row = report_block(table, "row", stage == model->stage ? "current" : NULL);
		snprintf(number, sizeof number, "%zu", stage + 1);
		report_score(minimum, framework->stages[stage].minimum);
		report_say(context, report_block(row, "cell", "header"),
			   stage == model->stage ? "table.stage-current" : "table.stage-row",
			   REPORT_ARGUMENTS(REPORT_TEXT("number", number),
					    REPORT_TEXT("stage", framework->stages[stage].label)));
		cell = xmlout_text_element(row, "cell", minimum);
		xmlout_attribute(cell, "align", "end");
		xmlout_text_element(row, "cell", framework->stages[stage].tagline);
	}
}

/* How targets and the profile change the roadmap, and what it left out. */
static void
report_left_out(struct report_context *context, xmlNodePtr section)
{
	const struct roadmap *roadmap = &context->model->roadmap;
	char bonus[REPORT_NUMBER];
	xmlNodePtr list;

	snprintf(bonus, sizeof bonus, "%.1f", ROADMAP_EMPHASIS);
	if (context->model->target_count > 0)
		report_paragraph(context, section, NULL, "appendix.method-targets",
				 REPORT_ARGUMENTS(REPORT_TEXT("bonus", bonus)));
	if (context->model->fit_count == 0)
		return;
	report_paragraph(context, section, NULL, "appendix.method-profile",
			 REPORT_ARGUMENTS(REPORT_TEXT("bonus", bonus)));
	if (roadmap->omission_count == 0)
		return;
	report_heading(context, section, 3, "appendix.left-out", REPORT_NONE);
	report_paragraph(context, section, NULL, "appendix.left-out-intro", REPORT_NONE);
	list = report_list(section, NULL);
	for (size_t index = 0; index < roadmap->omission_count; index++) {
		const struct roadmap_omission *omission = &roadmap->omissions[index];

		report_say(context, report_item(list), "appendix.left-out-item",
			   REPORT_ARGUMENTS(REPORT_TEXT("title", omission->title),
					    REPORT_TEXT("domain",
							context->framework->domains[omission->domain].label),
					    REPORT_TEXT("fit", omission->fit->name)));
	}
}

/* The content pack and the program behind the report. */
static void
report_about(struct report_context *context, xmlNodePtr section)
{
	const struct framework *framework = context->framework;
	xmlNodePtr facts, fact;
	char *date = report_date(context, context->model->generated);

	report_heading(context, section, 3, "appendix.about", REPORT_NONE);
	facts = xmlout_element(section, "facts");
	fact = xmlout_element(facts, "fact");
	report_attribute(context, fact, "label", "appendix.pack", REPORT_NONE);
	report_say(context, fact, "appendix.pack-value",
		   REPORT_ARGUMENTS(REPORT_TEXT("title", framework->title),
				    REPORT_TEXT("id", framework->id),
				    REPORT_TEXT("version", framework->version)));
	fact = xmlout_element(facts, "fact");
	report_attribute(context, fact, "label", "appendix.generated", REPORT_NONE);
	report_say(context, fact, "appendix.generated-value",
		   REPORT_ARGUMENTS(REPORT_TEXT("date", date),
				    REPORT_TEXT("program", "maturity " MATURITY_VERSION)));
	free(date);
}

void
report_appendix(struct report_context *context, xmlNodePtr section)
{
	report_respondents(context, section);
	report_answers(context, section);
	report_method(context, section);
	report_left_out(context, section);
	report_about(context, section);
}
