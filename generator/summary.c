/* Score listings; see summary.h. */
#include "summary.h"

#include "answers.h"
#include "csvout.h"
#include "framework.h"
#include "score.h"
#include "xalloc.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* Scores are rounded to 0.01 by the scoring module; JSON prints them with
 * 15 significant digits, so 2.46 stays "2.46" rather than 2.4599999. */
enum { SUMMARY_JSON_FLAGS = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) };

static json_t *
summary_json_score(double value)
{
	return value == SCORE_NOT_ASSESSED ? json_null() : json_real(value);
}

static int
summary_write_json(FILE *stream, const struct framework *framework,
		   const struct answers *answers, const struct scores *scores)
{
	json_t *object = json_object();
	json_t *domains = json_object();
	json_t *spreads = json_object();
	int result;

	if (object == NULL || domains == NULL || spreads == NULL) {
		json_decref(object);
		json_decref(domains);
		json_decref(spreads);
		return -1;
	}
	json_object_set_new(object, "team", json_string(answers->team));
	json_object_set_new(object, "date", json_string(answers->date));
	json_object_set_new(object, "name", json_string(answers->name));
	json_object_set_new(object, "respondents", json_integer((json_int_t)answers->respondent_count));
	json_object_set_new(object, "overall", summary_json_score(scores->overall));
	json_object_set_new(object, "score10", json_real(scores->display));
	json_object_set_new(object, "stage", json_string(framework->stages[scores->stage].id));
	for (size_t index = 0; index < framework->domain_count; index++) {
		json_object_set_new(domains, framework->domains[index].id,
				    summary_json_score(scores->domains[index]));
		if (answers->respondent_count > 1 && scores->domains[index] != SCORE_NOT_ASSESSED)
			json_object_set_new(spreads, framework->domains[index].id,
					    json_real(scores->spreads[index]));
	}
	json_object_set_new(object, "domains", domains);
	if (answers->respondent_count > 1)
		json_object_set_new(object, "spread", spreads);
	else
		json_decref(spreads);
	if (framework->charter_count > 0) {
		json_t *charters = json_object();

		for (size_t index = 0; index < framework->charter_count; index++)
			json_object_set_new(charters, framework->charters[index].id,
					    summary_json_score(scores->charters[index]));
		json_object_set_new(object, "charters", charters);
	}
	json_object_set_new(object, "content", json_string(framework->id));
	result = json_dumpf(object, stream, SUMMARY_JSON_FLAGS);
	json_decref(object);
	if (result != 0 || fputc('\n', stream) == EOF)
		return -1;
	return 0;
}

static void
summary_csv_score(FILE *stream, double value)
{
	if (value == SCORE_NOT_ASSESSED)
		csvout_empty(stream, 0);
	else
		csvout_number(stream, value, 2, 0);
}

static int
summary_write_csv(FILE *stream, const struct framework *framework,
		  const struct answers *answers, const struct scores *scores)
{
	csvout_text(stream, answers->team, 1);
	csvout_text(stream, answers->date, 0);
	csvout_text(stream, answers->name, 0);
	csvout_number(stream, (double)answers->respondent_count, 0, 0);
	summary_csv_score(stream, scores->overall);
	csvout_number(stream, scores->display, 1, 0);
	csvout_text(stream, framework->stages[scores->stage].id, 0);
	for (size_t index = 0; index < framework->domain_count; index++)
		summary_csv_score(stream, scores->domains[index]);
	for (size_t index = 0; index < framework->charter_count; index++)
		summary_csv_score(stream, scores->charters[index]);
	csvout_end_row(stream);
	return ferror(stream) ? -1 : 0;
}

/* The short column name of a domain in the table: the prefix its question
 * ids share ("sc" for sc_q1..sc_q3), upper-cased. */
static char *
summary_domain_code(const struct framework *framework, size_t domain)
{
	const struct framework_domain *definition = &framework->domains[domain];
	const char *id = definition->question_count
				 ? framework->questions[definition->first_question].id
				 : definition->id;
	size_t length = strcspn(id, "_");
	char *code = xstrndup(id, length > 4 ? 4 : length);

	for (char *cursor = code; *cursor; cursor++)
		if (*cursor >= 'a' && *cursor <= 'z')
			*cursor = (char)(*cursor - 'a' + 'A');
	return code;
}

int
summary_begin(FILE *stream, enum summary_format format, const struct framework *framework)
{
	if (format == SUMMARY_CSV) {
		fputs("team,date,name,respondents,overall,score10,stage", stream);
		for (size_t index = 0; index < framework->domain_count; index++)
			csvout_text(stream, framework->domains[index].id, 0);
		for (size_t index = 0; index < framework->charter_count; index++) {
			char *column = xasprintf("charter_%s", framework->charters[index].id);

			csvout_text(stream, column, 0);
			free(column);
		}
		csvout_end_row(stream);
	} else if (format == SUMMARY_TABLE) {
		fprintf(stream, "%-24s %-10s %4s %7s %5s %-11s", "TEAM", "DATE", "RESP", "OVERALL",
			"/10", "STAGE");
		for (size_t index = 0; index < framework->domain_count; index++) {
			char *code = summary_domain_code(framework, index);

			fprintf(stream, " %5s", code);
			free(code);
		}
		fputc('\n', stream);
	}
	return ferror(stream) ? -1 : 0;
}

int
summary_write(FILE *stream, enum summary_format format, const struct framework *framework,
	      const struct answers *answers, const struct scores *scores)
{
	if (format == SUMMARY_JSON)
		return summary_write_json(stream, framework, answers, scores);
	if (format == SUMMARY_CSV)
		return summary_write_csv(stream, framework, answers, scores);

	fprintf(stream, "%-24s %-10s %4zu %7.2f %5.1f %-11s", answers->team, answers->date,
		answers->respondent_count, scores->overall, scores->display,
		framework->stages[scores->stage].label);
	for (size_t index = 0; index < framework->domain_count; index++) {
		if (scores->domains[index] == SCORE_NOT_ASSESSED)
			fprintf(stream, " %5s", "-");
		else
			fprintf(stream, " %5.2f", scores->domains[index]);
	}
	fputc('\n', stream);
	return ferror(stream) ? -1 : 0;
}

int
summary_end(FILE *stream, enum summary_format format, const struct framework *framework)
{
	if (format != SUMMARY_TABLE)
		return 0;
	fputc('\n', stream);
	for (size_t index = 0; index < framework->domain_count; index++) {
		char *code = summary_domain_code(framework, index);

		fprintf(stream, "%-5s %s\n", code, framework->domains[index].label);
		free(code);
	}
	fputs("-     not assessed (no answers in that domain)\n", stream);
	return ferror(stream) ? -1 : 0;
}
