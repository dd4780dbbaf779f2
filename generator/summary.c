/* A team's results and their one JSON, CSV and table forms; see
 * summary.h. */
#include "summary.h"

#include "answers.h"
#include "csvout.h"
#include "diag.h"
#include "framework.h"
#include "model.h"
#include "outfile.h"
#include "xalloc.h"

#include <fcntl.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Scores are rounded to 0.01 by the scoring module; JSON prints them with
 * 15 significant digits, so 2.46 stays "2.46" rather than 2.4599999. */
enum { SUMMARY_JSON_FLAGS = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) };

const char *const summary_outputs[SUMMARY_OUTPUTS] = { "report.html", "report.pdf", "roadmap.md",
							"roadmap.csv", "playbooks.md",
							"reassess.ics" };

/* Arrays of count scores, each SUMMARY_NONE. */
static double *
summary_scores(size_t count)
{
	double *scores = xcalloc(count ? count : 1, sizeof *scores);

	for (size_t index = 0; index < count; index++)
		scores[index] = SUMMARY_NONE;
	return scores;
}

static void
summary_allocate(struct summary *summary, const struct framework *framework)
{
	summary->domains = summary_scores(framework->domain_count);
	summary->spreads = summary_scores(framework->domain_count);
	summary->charters = summary_scores(framework->charter_count);
	summary->targets = summary_scores(framework->domain_count);
	summary->gaps = summary_scores(framework->domain_count);
}

void
summary_describe(struct summary *summary, const struct model *model)
{
	const struct framework *framework = model->framework;
	const struct answers *answers = model->answers;

	*summary = (struct summary){
		.team = xstrdup(answers->team),
		.name = xstrdup(answers->name),
		.organization = answers->organization ? xstrdup(answers->organization) : NULL,
		.unit = answers->unit ? xstrdup(answers->unit) : NULL,
		.date = xstrdup(answers->date),
		.respondents = answers->respondent_count,
		.content = xstrdup(framework->id),
		.stage = model->stage,
		.overall = model->overall,
		.score10 = model->display,
		.has_previous = model->has_previous,
	};
	summary_allocate(summary, framework);
	for (size_t index = 0; index < model->domain_count; index++) {
		if (!model->domains[index].assessed)
			continue;
		summary->domains[index] = model->domains[index].score;
		if (answers->respondent_count > 1)
			summary->spreads[index] = model->domains[index].spread;
	}
	for (size_t index = 0; index < model->domain_count; index++) {
		if (!model->domains[index].has_target)
			continue;
		summary->has_targets = 1;
		summary->targets[index] = model->domains[index].target;
		summary->gaps[index] = model->domains[index].gap;
	}
	for (size_t index = 0; index < model->charter_count; index++)
		if (model->charters[index].assessed)
			summary->charters[model->charters[index].charter] = model->charters[index].score;
	if (model->history_count > 1) {
		summary->history = xcalloc(model->history_count, sizeof *summary->history);
		summary->history_count = model->history_count;
		for (size_t index = 0; index < model->history_count; index++) {
			struct summary_point *point = &summary->history[index];

			snprintf(point->date, sizeof point->date, "%s", model->history[index].date);
			point->stage = model->history[index].stage;
			point->overall = model->history[index].overall;
		}
	}
	if (model->has_previous) {
		summary->previous_date = xstrdup(model->previous->date);
		summary->previous_overall = model->previous_overall;
		summary->change = model->overall_change;
	}
}

void
summary_release(struct summary *summary)
{
	free(summary->team);
	free(summary->name);
	free(summary->organization);
	free(summary->unit);
	free(summary->date);
	free(summary->content);
	free(summary->domains);
	free(summary->spreads);
	free(summary->charters);
	free(summary->targets);
	free(summary->gaps);
	free(summary->previous_date);
	free(summary->history);
	memset(summary, 0, sizeof *summary);
}

static json_t *
summary_json_score(double value)
{
	return value == SUMMARY_NONE ? json_null() : json_real(value);
}

/* The ids scores are kept by: the pack's domains or its charters. */
struct summary_ids {
	const char *(*id)(const struct framework *framework, size_t index);
	size_t (*count)(const struct framework *framework);
};

static const char *
summary_domain_id(const struct framework *framework, size_t index)
{
	return framework->domains[index].id;
}

static size_t
summary_domain_count(const struct framework *framework)
{
	return framework->domain_count;
}

static const char *
summary_charter_id(const struct framework *framework, size_t index)
{
	return framework->charters[index].id;
}

static size_t
summary_charter_count(const struct framework *framework)
{
	return framework->charter_count;
}

static const struct summary_ids summary_domains = { summary_domain_id, summary_domain_count };
static const struct summary_ids summary_charters = { summary_charter_id, summary_charter_count };

/* An object of scores by id; with only_given, those not there are left
 * out. */
static json_t *
summary_json_scores(const double *scores, const struct summary_ids *ids,
		    const struct framework *framework, int only_given)
{
	json_t *object = json_object();

	for (size_t index = 0; index < ids->count(framework); index++)
		if (!only_given || scores[index] != SUMMARY_NONE)
			json_object_set_new(object, ids->id(framework, index),
					    summary_json_score(scores[index]));
	return object;
}

/* The team's assessments, oldest first, each its date, stage and overall. */
static json_t *
summary_json_history(const struct summary *summary, const struct framework *framework)
{
	json_t *history = json_array();

	for (size_t index = 0; index < summary->history_count; index++) {
		const struct summary_point *point = &summary->history[index];
		json_t *entry = json_object();

		json_object_set_new(entry, "date", json_string(point->date));
		json_object_set_new(entry, "stage", json_string(framework->stages[point->stage].id));
		json_object_set_new(entry, "overall", json_real(point->overall));
		json_array_append_new(history, entry);
	}
	return history;
}

json_t *
summary_to_json(const struct summary *summary, const struct framework *framework)
{
	json_t *object = json_object();

	json_object_set_new(object, "team", json_string(summary->team));
	json_object_set_new(object, "name", json_string(summary->name));
	if (summary->organization != NULL)
		json_object_set_new(object, "organization", json_string(summary->organization));
	if (summary->unit != NULL)
		json_object_set_new(object, "unit", json_string(summary->unit));
	json_object_set_new(object, "date", json_string(summary->date));
	json_object_set_new(object, "respondents", json_integer((json_int_t)summary->respondents));
	json_object_set_new(object, "content", json_string(summary->content));
	json_object_set_new(object, "stage", json_string(framework->stages[summary->stage].id));
	json_object_set_new(object, "overall", json_real(summary->overall));
	json_object_set_new(object, "score10", json_real(summary->score10));
	json_object_set_new(object, "domains",
			    summary_json_scores(summary->domains, &summary_domains, framework, 0));
	if (summary->respondents > 1)
		json_object_set_new(object, "spread",
				    summary_json_scores(summary->spreads, &summary_domains, framework, 1));
	if (framework->charter_count > 0)
		json_object_set_new(object, "charters",
				    summary_json_scores(summary->charters, &summary_charters, framework,
							0));
	if (summary->has_targets) {
		json_object_set_new(object, "targets",
				    summary_json_scores(summary->targets, &summary_domains, framework, 1));
		json_object_set_new(object, "gaps",
				    summary_json_scores(summary->gaps, &summary_domains, framework, 1));
	}
	if (summary->has_previous) {
		json_t *previous = json_object();

		json_object_set_new(previous, "date", json_string(summary->previous_date));
		json_object_set_new(previous, "overall", json_real(summary->previous_overall));
		json_object_set_new(previous, "change", json_real(summary->change));
		json_object_set_new(object, "previous", previous);
	}
	if (summary->history_count > 0)
		json_object_set_new(object, "history", summary_json_history(summary, framework));
	if (summary->has_files) {
		json_t *files = json_array();

		for (size_t index = 0; index < SUMMARY_OUTPUTS; index++)
			if (summary->files & (1u << index))
				json_array_append_new(files, json_string(summary_outputs[index]));
		json_object_set_new(object, "files", files);
	}
	return object;
}

/* A string member of a JSON object, copied; "" when absent, or NULL with
 * maybe_absent. */
static char *
summary_json_text(const json_t *object, const char *key, int maybe_absent)
{
	const char *value = json_string_value(json_object_get(object, key));

	if (value == NULL && maybe_absent)
		return NULL;
	return xstrdup(value != NULL ? value : "");
}

/* Scores by id from a JSON object into scores (SUMMARY_NONE where the id
 * is absent or not a number). */
static void
summary_json_read_scores(const json_t *object, double *scores, const struct summary_ids *ids,
			 const struct framework *framework)
{
	for (size_t index = 0; index < ids->count(framework); index++) {
		const json_t *value = json_object_get(object, ids->id(framework, index));

		scores[index] = json_is_number(value) ? json_number_value(value) : SUMMARY_NONE;
	}
}

/* A stage's id as an index into the pack's stages (0 when unknown). */
static size_t
summary_stage(const char *id, const struct framework *framework)
{
	for (size_t index = 0; index < framework->stage_count; index++)
		if (strcmp(framework->stages[index].id, id) == 0)
			return index;
	return 0;
}

/* Which of summary_outputs a JSON array names. */
static unsigned
summary_json_files(const json_t *files)
{
	unsigned bits = 0;
	size_t index;
	json_t *file;

	json_array_foreach(files, index, file)
		for (size_t output = 0; output < SUMMARY_OUTPUTS; output++)
			if (json_is_string(file) &&
			    strcmp(json_string_value(file), summary_outputs[output]) == 0)
				bits |= 1u << output;
	return bits;
}

/* The history in a JSON array summary_json_history made; entries without
 * a date of ten characters are passed over, and one entry alone is no
 * history. */
static void
summary_json_read_history(struct summary *summary, const json_t *history,
			  const struct framework *framework)
{
	size_t index;
	json_t *entry;

	if (!json_is_array(history) || json_array_size(history) < 2)
		return;
	summary->history = xcalloc(json_array_size(history), sizeof *summary->history);
	json_array_foreach(history, index, entry) {
		const char *date = json_string_value(json_object_get(entry, "date"));
		const char *stage = json_string_value(json_object_get(entry, "stage"));
		struct summary_point *point = &summary->history[summary->history_count];

		if (date == NULL || strlen(date) != 10)
			continue;
		memcpy(point->date, date, sizeof point->date);
		point->stage = summary_stage(stage != NULL ? stage : "", framework);
		point->overall = json_number_value(json_object_get(entry, "overall"));
		summary->history_count++;
	}
	if (summary->history_count < 2) {
		free(summary->history);
		summary->history = NULL;
		summary->history_count = 0;
	}
}

/* The description in a JSON object summary_to_json made. */
static void
summary_from_json(struct summary *summary, const json_t *object, const struct framework *framework)
{
	const json_t *previous = json_object_get(object, "previous");
	const json_t *files = json_object_get(object, "files");
	const char *stage = json_string_value(json_object_get(object, "stage"));

	*summary = (struct summary){
		.team = summary_json_text(object, "team", 0),
		.name = summary_json_text(object, "name", 0),
		.organization = summary_json_text(object, "organization", 1),
		.unit = summary_json_text(object, "unit", 1),
		.date = summary_json_text(object, "date", 0),
		.respondents = (size_t)json_integer_value(json_object_get(object, "respondents")),
		.content = summary_json_text(object, "content", 0),
		.stage = summary_stage(stage != NULL ? stage : "", framework),
		.overall = json_number_value(json_object_get(object, "overall")),
		.score10 = json_number_value(json_object_get(object, "score10")),
		.has_previous = json_is_object(previous),
		.has_files = json_is_array(files),
		.files = summary_json_files(files),
	};
	summary_allocate(summary, framework);
	summary_json_read_scores(json_object_get(object, "domains"), summary->domains,
				 &summary_domains, framework);
	summary_json_read_scores(json_object_get(object, "spread"), summary->spreads,
				 &summary_domains, framework);
	summary_json_read_scores(json_object_get(object, "charters"), summary->charters,
				 &summary_charters, framework);
	summary->has_targets = json_is_object(json_object_get(object, "targets"));
	summary_json_read_scores(json_object_get(object, "targets"), summary->targets,
				 &summary_domains, framework);
	summary_json_read_scores(json_object_get(object, "gaps"), summary->gaps, &summary_domains,
				 framework);
	if (summary->has_previous) {
		summary->previous_date = summary_json_text(previous, "date", 0);
		summary->previous_overall = json_number_value(json_object_get(previous, "overall"));
		summary->change = json_number_value(json_object_get(previous, "change"));
	}
	summary_json_read_history(summary, json_object_get(object, "history"), framework);
}

int
summary_parse(struct summary *summary, const char *text, size_t length,
	      const struct framework *framework, const char *name, struct diag *diag)
{
	json_error_t error;
	json_t *object = json_loadb(text, length, JSON_REJECT_DUPLICATES, &error);

	if (object == NULL || !json_is_object(object) ||
	    !json_is_string(json_object_get(object, "team")) ||
	    !json_is_string(json_object_get(object, "stage"))) {
		diag_error(diag, name, object ? 0 : error.line, "not a team summary%s%s",
			   object ? "" : ": ", object ? "" : error.text);
		json_decref(object);
		return -1;
	}
	summary_from_json(summary, object, framework);
	json_decref(object);
	return 0;
}

int
summary_write_team(const struct outfile_folder *folder, const struct model *model,
		   struct diag *diag)
{
	struct summary summary;
	json_t *object;
	char *text;
	int result;

	summary_describe(&summary, model);
	/* Which reports sit beside it, for the portfolio's links. */
	summary.has_files = 1;
	for (size_t index = 0; index < SUMMARY_OUTPUTS; index++) {
		struct stat status;

		if (fstatat(folder->descriptor, summary_outputs[index], &status,
			    AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(status.st_mode))
			summary.files |= 1u << index;
	}
	object = summary_to_json(&summary, model->framework);
	text = json_dumps(object, SUMMARY_JSON_FLAGS | JSON_INDENT(2));
	json_decref(object);
	summary_release(&summary);
	if (text == NULL) {
		diag_error(diag, folder->path, 0, "cannot serialize the summary");
		return -1;
	}
	result = outfile_write(folder, "summary.json", text, strlen(text), diag);
	free(text);
	return result;
}

/* Cells of scores, empty where a score is not there. */
static void
summary_csv_scores(FILE *stream, const double *scores, size_t count)
{
	for (size_t index = 0; index < count; index++) {
		if (scores[index] == SUMMARY_NONE)
			csvout_empty(stream, 0);
		else
			csvout_number(stream, scores[index], 2, 0);
	}
}

/* Header cells PREFIXid for each id. */
static void
summary_csv_names(FILE *stream, const char *prefix, const struct summary_ids *ids,
		  const struct framework *framework)
{
	for (size_t index = 0; index < ids->count(framework); index++) {
		char *column = xasprintf("%s%s", prefix, ids->id(framework, index));

		csvout_text(stream, column, 0);
		free(column);
	}
}

void
summary_csv_header(FILE *stream, const struct framework *framework)
{
	static const char *const fields[] = { "team", "name", "organization", "unit", "date",
					      "respondents", "content", "stage", "overall",
					      "score10" };

	for (size_t index = 0; index < sizeof fields / sizeof *fields; index++)
		csvout_text(stream, fields[index], index == 0);
	summary_csv_names(stream, "", &summary_domains, framework);
	summary_csv_names(stream, "spread_", &summary_domains, framework);
	summary_csv_names(stream, "charter_", &summary_charters, framework);
	summary_csv_names(stream, "target_", &summary_domains, framework);
	summary_csv_names(stream, "gap_", &summary_domains, framework);
	csvout_text(stream, "previous_date", 0);
	csvout_text(stream, "previous_overall", 0);
	csvout_text(stream, "change", 0);
}

void
summary_csv_row(FILE *stream, const struct summary *summary, const struct framework *framework)
{
	csvout_text(stream, summary->team, 1);
	csvout_text(stream, summary->name, 0);
	csvout_text(stream, summary->organization != NULL ? summary->organization : "", 0);
	csvout_text(stream, summary->unit != NULL ? summary->unit : "", 0);
	csvout_text(stream, summary->date, 0);
	csvout_number(stream, (double)summary->respondents, 0, 0);
	csvout_text(stream, summary->content, 0);
	csvout_text(stream, framework->stages[summary->stage].id, 0);
	csvout_number(stream, summary->overall, 2, 0);
	csvout_number(stream, summary->score10, 1, 0);
	summary_csv_scores(stream, summary->domains, framework->domain_count);
	summary_csv_scores(stream, summary->spreads, framework->domain_count);
	summary_csv_scores(stream, summary->charters, framework->charter_count);
	summary_csv_scores(stream, summary->targets, framework->domain_count);
	summary_csv_scores(stream, summary->gaps, framework->domain_count);
	if (summary->has_previous) {
		csvout_text(stream, summary->previous_date, 0);
		csvout_number(stream, summary->previous_overall, 2, 0);
		csvout_number(stream, summary->change, 2, 0);
	} else {
		for (int cell = 0; cell < 3; cell++)
			csvout_empty(stream, 0);
	}
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
		summary_csv_header(stream, framework);
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
	      const struct summary *summary)
{
	if (format == SUMMARY_JSON) {
		json_t *object = summary_to_json(summary, framework);
		int result = json_dumpf(object, stream, SUMMARY_JSON_FLAGS);

		json_decref(object);
		return result != 0 || fputc('\n', stream) == EOF ? -1 : 0;
	}
	if (format == SUMMARY_CSV) {
		summary_csv_row(stream, summary, framework);
		csvout_end_row(stream);
		return ferror(stream) ? -1 : 0;
	}
	fprintf(stream, "%-24s %-10s %4zu %7.2f %5.1f %-11s", summary->team, summary->date,
		summary->respondents, summary->overall, summary->score10,
		framework->stages[summary->stage].label);
	for (size_t index = 0; index < framework->domain_count; index++) {
		if (summary->domains[index] == SUMMARY_NONE)
			fprintf(stream, " %5s", "-");
		else
			fprintf(stream, " %5.2f", summary->domains[index]);
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
