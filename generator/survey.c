/* Survey CSV to answer sets; see survey.h. */
#include "survey.h"

#include "answers.h"
#include "diag.h"
#include "framework.h"
#include "infile.h"
#include "profile.h"
#include "validate.h"
#include "xalloc.h"

#include <csv.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SURVEY_MAX_BYTES = 64 * 1024 * 1024 };

/* The columns a survey may have besides the questions. */
enum survey_field {
	FIELD_NONE = -1,
	FIELD_TEAM,
	FIELD_DATE,
	FIELD_RESPONDENT,
	FIELD_ROLE,
	FIELD_NAME,
	FIELD_ORGANIZATION,
	FIELD_UNIT,
	FIELD_IGNORE,
	FIELD_COUNT,
};

static const char *const survey_fields[FIELD_COUNT] = {
	"team", "date", "respondent", "role", "name", "organization", "unit", "ignore",
};

/* A CSV file as rows of fields, as libcsv hands them over. */
struct survey_table {
	char ***rows;
	size_t *widths;
	size_t count;
	char **current;
	size_t current_width;
	long nul_row;           /* where the first NUL byte was (1-based), 0 when none */
	long nul_column;
};

static void
survey_on_field(void *field, size_t length, void *data)
{
	struct survey_table *table = data;

	/* A NUL would cut the text short without a word: refuse the file. */
	if (field != NULL && memchr(field, '\0', length) != NULL && table->nul_row == 0) {
		table->nul_row = (long)table->count + 1;
		table->nul_column = (long)table->current_width + 1;
	}
	table->current = xreallocarray(table->current, table->current_width + 1,
				       sizeof *table->current);
	table->current[table->current_width++] = xstrndup(field ? field : "", field ? length : 0);
}

static void
survey_on_row(int terminator, void *data)
{
	struct survey_table *table = data;

	(void)terminator;
	table->rows = xreallocarray(table->rows, table->count + 1, sizeof *table->rows);
	table->widths = xreallocarray(table->widths, table->count + 1, sizeof *table->widths);
	table->rows[table->count] = table->current;
	table->widths[table->count] = table->current_width;
	table->count++;
	table->current = NULL;
	table->current_width = 0;
}

static void
survey_table_free(struct survey_table *table)
{
	for (size_t row = 0; row < table->count; row++) {
		for (size_t column = 0; column < table->widths[row]; column++)
			free(table->rows[row][column]);
		free(table->rows[row]);
	}
	for (size_t column = 0; column < table->current_width; column++)
		free(table->current[column]);
	free(table->current);
	free(table->rows);
	free(table->widths);
}

/* Reads a CSV file into table; a UTF-8 byte-order mark is dropped. */
static int
survey_table_read(const char *path, struct survey_table *table, struct diag *diag)
{
	struct csv_parser parser;
	size_t length, offset = 0;
	char *data = infile_read(path, INFILE_FOLLOW, SURVEY_MAX_BYTES, &length, diag);
	int failed = 0;

	memset(table, 0, sizeof *table);
	if (data == NULL)
		return -1;
	if (length >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		offset = 3;
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		diag_error(diag, path, 0, "cannot start the CSV reader");
		free(data);
		return -1;
	}
	if (csv_parse(&parser, data + offset, length - offset, survey_on_field, survey_on_row,
		      table) != length - offset ||
	    csv_fini(&parser, survey_on_field, survey_on_row, table) != 0) {
		diag_error(diag, path, (long)table->count + 1, "malformed CSV: %s",
			   csv_strerror(csv_error(&parser)));
		failed = 1;
	} else if (table->nul_row > 0) {
		diag_report_at(diag, DIAG_ERROR, path, table->nul_row, table->nul_column,
			       "a NUL byte in a cell: a CSV file holds text only");
		failed = 1;
	}
	csv_free(&parser);
	free(data);
	return failed ? -1 : 0;
}

/* A mapping is its file's rows, source,target, kept as read: a target 1
 * to 4 maps an answer's text, any other a column's header. */
struct survey_mapping {
	struct survey_table table;
};

/* Whether a mapping row maps an answer's text to a score. */
static int
survey_maps_answer(char *const *row)
{
	return row[1][0] >= '1' && row[1][0] <= '4' && row[1][1] == '\0';
}

struct survey_mapping *
survey_mapping_load(const char *path, struct diag *diag)
{
	struct survey_mapping *mapping = xcalloc(1, sizeof *mapping);
	int failed = survey_table_read(path, &mapping->table, diag) != 0;

	for (size_t row = 0; !failed && row < mapping->table.count; row++) {
		if (mapping->table.widths[row] != 2) {
			diag_error(diag, path, (long)row + 1, "a mapping row has two fields: source,target");
			failed = 1;
		}
	}
	if (failed) {
		survey_mapping_free(mapping);
		return NULL;
	}
	return mapping;
}

void
survey_mapping_free(struct survey_mapping *mapping)
{
	if (mapping == NULL)
		return;
	survey_table_free(&mapping->table);
	free(mapping);
}

/* What the mapping makes of a column's header (its target: the last row
 * that names it), or of an answer's text (its score, "1" to "4": the
 * first); NULL when it says nothing.  A first row "source,target" is the
 * file's own header. */
static const char *
survey_mapped(const struct survey_mapping *mapping, const char *source, int answer)
{
	const char *mapped = NULL;

	for (size_t row = 0; mapping != NULL && row < mapping->table.count; row++) {
		char *const *cells = mapping->table.rows[row];

		if (row == 0 && strcmp(cells[0], "source") == 0 && strcmp(cells[1], "target") == 0)
			continue;
		if (survey_maps_answer(cells) == answer && strcmp(cells[0], source) == 0) {
			mapped = cells[1];
			if (answer)
				break;
		}
	}
	return mapped;
}

/* What one column holds: a field, a profile parameter, a question, or
 * nothing we know. */
struct survey_column {
	enum survey_field field;
	long parameter;         /* index into framework.parameters, or -1 */
	enum profile_match parameter_match;
	long question;          /* index into framework.questions, or -1 */
};

static enum survey_field
survey_field_named(const char *name)
{
	for (int field = 0; field < FIELD_COUNT; field++)
		if (strcmp(survey_fields[field], name) == 0)
			return (enum survey_field)field;
	return FIELD_NONE;
}

static struct survey_column
survey_classify(const char *header, const struct framework *framework,
		const struct survey_mapping *mapping)
{
	struct survey_column column = { FIELD_NONE, -1, PROFILE_UNKNOWN, -1 };
	const char *name = header;

	/* A mapping file says first; then fields, profile parameters, question
	 * ids and question texts. */
	if (survey_mapped(mapping, header, 0) != NULL)
		name = survey_mapped(mapping, header, 0);
	column.field = survey_field_named(name);
	if (column.field != FIELD_NONE)
		return column;
	column.parameter = profile_find_parameter(framework, name, &column.parameter_match);
	if (column.parameter >= 0)
		return column;
	column.question = framework_find_question(framework, name);
	for (size_t index = 0; column.question < 0 && index < framework->question_count; index++)
		if (strcmp(framework->questions[index].text, name) == 0)
			column.question = (long)index;
	return column;
}

/* A cell's score: a digit 1-4, the text of one of the question's options,
 * or an answer label of the mapping; 0 when none of these. */
static int
survey_score(const char *cell, const struct framework_question *question,
	     const struct survey_mapping *mapping)
{
	const char *mapped;

	if (cell[0] >= '1' && cell[0] <= '4' && cell[1] == '\0')
		return cell[0] - '0';
	for (int option = 0; option < FRAMEWORK_OPTIONS; option++)
		if (strcmp(question->options[option].text, cell) == 0)
			return option + 1;
	mapped = survey_mapped(mapping, cell, 1);
	return mapped != NULL ? mapped[0] - '0' : 0;
}

/* The answer set for team and date, made on first sight; found again
 * through index (team and date as one key), so rows cost linear time. */
static struct answers *
survey_set_for(struct answers ***sets, size_t *count, GHashTable *index, const char *path,
	       const char *team, const char *date, long row)
{
	char *key = xasprintf("%s\n%s", team, date);
	struct answers *answers = g_hash_table_lookup(index, key);

	if (answers != NULL) {
		free(key);
		return answers;
	}
	answers = xcalloc(1, sizeof *answers);
	g_hash_table_insert(index, key, answers);
	answers->path = xstrdup(path);
	answers->team = xstrdup(team);
	answers->date = xstrdup(date);
	answers->line = row;
	*sets = xreallocarray(*sets, *count + 1, sizeof **sets);
	(*sets)[(*count)++] = answers;
	return answers;
}

/* Keeps the first non-empty value of a team-level field; true when value
 * was the one kept. */
static int
survey_keep(char **slot, const char *value)
{
	if (*slot != NULL || value[0] == '\0')
		return 0;
	*slot = xstrdup(value);
	return 1;
}

/* Keeps the first non-empty value of a profile parameter for a team; a
 * former option id is read as the pack's own, with a warning.  An
 * unknown one is kept as it is, for validation to report. */
static void
survey_keep_profile(struct answers *answers, const struct framework *framework, long parameter,
		    const char *value, const char *path, long row, long column, struct diag *diag)
{
	const struct framework_parameter *definition = &framework->parameters[parameter];
	enum profile_match match;
	long choice;

	if (value[0] == '\0')
		return;
	for (size_t index = 0; index < answers->profile_count; index++)
		if (strcmp(answers->profile[index].parameter_id, definition->id) == 0)
			return;
	choice = profile_find_choice(definition, value, &match);
	if (match == PROFILE_FORMER)
		diag_report_at(diag, DIAG_WARNING, path, row, column,
			       "%s \"%.80s\" is a former id; it is read as \"%s\"", definition->id,
			       value, definition->choices[choice].id);
	answers_add_profile(answers, definition->id,
			    choice >= 0 ? definition->choices[choice].id : value, row);
}

/* What reading one survey carries from row to row. */
struct survey_reader {
	const char *path;
	const struct framework *framework;
	const struct survey_mapping *mapping;
	struct diag *diag;
	struct survey_column *columns;  /* what each column of the header holds */
	size_t width;                   /* columns in the header */
	long fields[FIELD_COUNT];       /* the column of each field, or -1 */
	struct answers **sets;          /* one per team and date, in order of first sight */
	size_t count;
	GHashTable *index;              /* "team\ndate" to its set */
	size_t problems;                /* cells and rows reported */
};

/* The header: which column holds what.  Returns 0, or -1 when a column
 * every survey needs is missing (reported). */
static int
survey_read_header(struct survey_reader *reader, char **cells, size_t width)
{
	const struct framework *framework = reader->framework;

	reader->width = width;
	reader->columns = xcalloc(width ? width : 1, sizeof *reader->columns);
	for (int field = 0; field < FIELD_COUNT; field++)
		reader->fields[field] = -1;
	for (size_t column = 0; column < width; column++) {
		struct survey_column *kind = &reader->columns[column];

		*kind = survey_classify(cells[column], framework, reader->mapping);
		if (kind->field != FIELD_NONE && kind->field != FIELD_IGNORE)
			reader->fields[kind->field] = (long)column;
		if (kind->parameter_match == PROFILE_FORMER)
			diag_report_at(reader->diag, DIAG_WARNING, reader->path, 1, (long)column + 1,
				       "\"%.80s\" is a former name; the column is read as %s",
				       cells[column], framework->parameters[kind->parameter].id);
		if (kind->field == FIELD_NONE && kind->parameter < 0 && kind->question < 0)
			diag_report_at(reader->diag, DIAG_WARNING, reader->path, 1, (long)column + 1,
				       "\"%.80s\" is not a question or a known field; the column is left "
				       "out (map it in a mapping file)",
				       cells[column]);
	}
	for (int field = FIELD_TEAM; field <= FIELD_RESPONDENT; field++) {
		if (reader->fields[field] < 0) {
			diag_error(reader->diag, reader->path, 1, "no \"%s\" column", survey_fields[field]);
			reader->problems++;
		}
	}
	return reader->problems > 0 ? -1 : 0;
}

/* A row's answers, one per question column that is not empty. */
static void
survey_read_answers(struct survey_reader *reader, struct answers *answers,
		    struct answers_respondent *respondent, char **cells, long number)
{
	for (size_t column = 0; column < reader->width; column++) {
		const struct framework_question *question;
		char score[2] = "0";

		if (reader->columns[column].question < 0 || cells[column][0] == '\0')
			continue;
		question = &reader->framework->questions[reader->columns[column].question];
		score[0] = (char)('0' + survey_score(cells[column], question, reader->mapping));
		if (score[0] == '0') {
			diag_report_at(reader->diag, DIAG_ERROR, reader->path, number, (long)column + 1,
				       "answer \"%.60s\" to %s is not 1 to 4, one of its options, or a "
				       "mapped answer",
				       cells[column], question->id);
			reader->problems++;
			answers->problems++;
			continue;
		}
		answers_add_answer(respondent, question->id, score, number);
	}
}

/* Each row: one respondent of one team's assessment. */
static void
survey_read_row(struct survey_reader *reader, char **cells, size_t width, long number)
{
	const long *fields = reader->fields;
	const char *team, *date;
	struct answers *answers;
	struct answers_respondent *respondent;

	if (width == 1 && cells[0][0] == '\0')
		return; /* a blank line */
	if (width != reader->width) {
		diag_error(reader->diag, reader->path, number, "row has %zu fields; the header has %zu",
			   width, reader->width);
		reader->problems++;
		return;
	}
	team = cells[fields[FIELD_TEAM]];
	date = cells[fields[FIELD_DATE]];
	answers = survey_set_for(&reader->sets, &reader->count, reader->index, reader->path, team,
				 date, number);
	if (answers->respondent_count >= ANSWERS_MAX_RESPONDENTS) {
		if (answers->respondent_count == ANSWERS_MAX_RESPONDENTS)
			diag_error(reader->diag, reader->path, number,
				   "more than %d respondents for team \"%.80s\" on %.40s, the limit of "
				   "an answer set",
				   ANSWERS_MAX_RESPONDENTS, team, date);
		answers->problems++;
		reader->problems++;
		return;
	}
	respondent = answers_add_respondent(answers, cells[fields[FIELD_RESPONDENT]],
					    fields[FIELD_ROLE] >= 0 ? cells[fields[FIELD_ROLE]] : NULL);
	respondent->line = number;
	if (fields[FIELD_NAME] >= 0 && survey_keep(&answers->name, cells[fields[FIELD_NAME]]))
		answers->name_line = number;
	if (fields[FIELD_ORGANIZATION] >= 0 &&
	    survey_keep(&answers->organization, cells[fields[FIELD_ORGANIZATION]]))
		answers->organization_line = number;
	if (fields[FIELD_UNIT] >= 0 && survey_keep(&answers->unit, cells[fields[FIELD_UNIT]]))
		answers->unit_line = number;
	for (size_t column = 0; column < width; column++)
		if (reader->columns[column].parameter >= 0)
			survey_keep_profile(answers, reader->framework, reader->columns[column].parameter,
					    cells[column], reader->path, number, (long)column + 1,
					    reader->diag);
	survey_read_answers(reader, answers, respondent, cells, number);
}

/* Validates each answer set made, as the link importer does: a set with
 * a cell that could not be mapped, or that validation refuses, is freed
 * and counted in *rejected; the others stay, in order.  Returns how many
 * stay. */
static size_t
survey_keep_valid(struct survey_reader *reader, size_t *rejected)
{
	size_t kept = 0;

	for (size_t set = 0; set < reader->count; set++) {
		struct answers *answers = reader->sets[set];

		if (answers->name == NULL)
			answers->name = xstrdup(answers->team);
		if (answers->problems > 0 ||
		    validate_answers(answers, reader->framework, reader->diag) != 0) {
			answers_free(answers);
			(*rejected)++;
			continue;
		}
		reader->sets[kept++] = answers;
	}
	return kept;
}

long
survey_read(const char *path, const struct framework *framework,
	    const struct survey_mapping *mapping, struct answers ***sets, size_t *rejected,
	    struct diag *diag)
{
	struct survey_reader reader = { path, framework, mapping, diag, NULL, 0, { 0 }, NULL, 0,
					NULL, 0 };
	struct survey_table table;
	long kept = -1;

	*sets = NULL;
	*rejected = 0;
	if (survey_table_read(path, &table, diag) != 0 || table.count == 0) {
		if (table.count == 0 && diag->errors == 0)
			diag_error(diag, path, 0, "the CSV file is empty");
	} else if (survey_read_header(&reader, table.rows[0], table.widths[0]) == 0) {
		reader.index = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
		for (size_t row = 1; row < table.count; row++)
			survey_read_row(&reader, table.rows[row], table.widths[row], (long)row + 1);
		g_hash_table_destroy(reader.index);
		kept = (long)survey_keep_valid(&reader, rejected);
		*sets = reader.sets;
	}
	free(reader.columns);
	survey_table_free(&table);
	return kept;
}
