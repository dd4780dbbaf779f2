/* Validation of answer sets against a framework.  See validate.h. */
#include "validate.h"

#include "answers.h"
#include "diag.h"
#include "domain_targets.h"
#include "framework.h"
#include "profile.h"
#include "xalloc.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

/* The names the portfolio writes beside the team folders in OUT: a team
 * cannot take them. */
static const char *const validate_reserved_team_ids[] = { "index.html", "summary.csv",
							  "summary.json" };

static int
validate_is_lower_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

int
validate_team_id_reserved(const char *id)
{
	for (size_t index = 0; index < G_N_ELEMENTS(validate_reserved_team_ids); index++)
		if (strcmp(id, validate_reserved_team_ids[index]) == 0)
			return 1;
	return 0;
}

int
validate_team_id(const char *id)
{
	size_t length = strlen(id);

	if (length == 0 || length > 64 || !validate_is_lower_alnum(id[0]) ||
	    validate_team_id_reserved(id))
		return 0;
	for (size_t index = 1; index < length; index++)
		if (!validate_is_lower_alnum(id[index]) && strchr("._-", id[index]) == NULL)
			return 0;
	return 1;
}

static int
validate_respondent_id(const char *id)
{
	size_t length = strlen(id);

	if (length == 0 || length > 64)
		return 0;
	for (size_t index = 0; index < length; index++) {
		char c = id[index];
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

		if (!alnum && (index == 0 || strchr("._@-", c) == NULL))
			return 0;
	}
	return 1;
}

int
validate_date(const char *text)
{
	static const int days_in_month[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int year, month, day, last;

	if (strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return 0;
	for (int index = 0; index < 10; index++)
		if (index != 4 && index != 7 && (text[index] < '0' || text[index] > '9'))
			return 0;
	year = atoi(text);
	month = atoi(text + 5);
	day = atoi(text + 8);
	if (year < 1900 || month < 1 || month > 12)
		return 0;
	last = days_in_month[month - 1];
	if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
		last = 29;
	return day >= 1 && day <= last;
}

/* Scores are whole numbers 1-4 written as a single digit. */
static int
validate_score(const char *text)
{
	if (text == NULL || text[0] < '1' || text[0] > '4' || text[1] != '\0')
		return 0;
	return text[0] - '0';
}

static int
validate_compare_profile(const void *left, const void *right)
{
	const struct answers_profile *a = left, *b = right;

	return (a->parameter > b->parameter) - (a->parameter < b->parameter);
}

/* Says how to write the profile with the pack's own names and ids (they
 * are identifiers, so the text needs no escaping). */
static void
validate_profile_update(const struct answers *answers, struct diag *diag)
{
	char *element = xstrdup("<profile");

	for (size_t index = 0; index < answers->profile_count; index++) {
		char *longer = xasprintf("%s %s=\"%s\"", element, answers->profile[index].parameter_id,
					 answers->profile[index].choice_id);

		free(element);
		element = longer;
	}
	diag_report(diag, DIAG_NOTE, answers->path, answers->profile[0].line,
		    "to update the file, write its profile as %s/>", element);
	free(element);
}

/* One profile value: a parameter of the pack, given once, and one of its
 * options, whose indexes it sets.  Former names and ids are read with a
 * warning (with notices).  Returns 1 when it used a former one, 0 when
 * not, -1 after reporting a problem. */
static int
validate_profile_value(struct answers *answers, size_t index, const struct framework *framework,
		       long *given, int notices, struct diag *diag)
{
	struct answers_profile *value = &answers->profile[index];
	enum profile_match name_match, id_match;
	long parameter = profile_find_parameter(framework, value->parameter_id, &name_match);
	const struct framework_parameter *definition;
	long choice;

	if (parameter < 0) {
		diag_error(diag, answers->path, value->line,
			   "profile \"%.80s\" is not a profile parameter of content pack %s",
			   value->parameter_id, framework->id);
		return -1;
	}
	definition = &framework->parameters[parameter];
	choice = profile_find_choice(definition, value->choice_id, &id_match);
	if (choice < 0) {
		char *choices = profile_choice_list(definition);

		diag_error(diag, answers->path, value->line, "profile %s \"%.80s\" is not one of: %s",
			   value->parameter_id, value->choice_id, choices);
		free(choices);
		return -1;
	}
	if (given[parameter] > 0) {
		diag_error(diag, answers->path, value->line, "profile gives %s twice (as %s and %s)",
			   definition->id, answers->profile[given[parameter] - 1].parameter_id,
			   value->parameter_id);
		return -1;
	}
	given[parameter] = (long)index + 1;
	value->parameter = (size_t)parameter;
	value->choice = (size_t)choice;
	if (name_match == PROFILE_CURRENT && id_match == PROFILE_CURRENT)
		return 0;
	if (notices)
		diag_warning(diag, answers->path, value->line,
			     "profile %s=\"%s\" uses a former id; it is read as %s=\"%s\"",
			     value->parameter_id, value->choice_id, definition->id,
			     definition->choices[choice].id);
	return 1;
}

/* The profile, value by value; valid, it ends up in the pack's order. */
static void
validate_profile(struct answers *answers, const struct framework *framework, int notices,
		 int *failed, struct diag *diag)
{
	long *given = xcalloc(framework->parameter_count ? framework->parameter_count : 1,
			      sizeof *given);
	int former = 0, wrong = 0;

	for (size_t index = 0; index < answers->profile_count; index++) {
		int result = validate_profile_value(answers, index, framework, given, notices, diag);

		wrong |= result < 0;
		former |= result > 0;
	}
	free(given);
	if (wrong) {
		*failed = 1;
		return;
	}
	/* From here on, only the pack's own names and ids. */
	for (size_t index = 0; former && index < answers->profile_count; index++) {
		struct answers_profile *value = &answers->profile[index];
		const struct framework_parameter *definition = &framework->parameters[value->parameter];

		free(value->parameter_id);
		free(value->choice_id);
		value->parameter_id = xstrdup(definition->id);
		value->choice_id = xstrdup(definition->choices[value->choice].id);
	}
	if (answers->profile_count > 1)
		qsort(answers->profile, answers->profile_count, sizeof *answers->profile,
		      validate_compare_profile);
	if (former && notices)
		validate_profile_update(answers, diag);
}

/* Whether unit is a unit path: 1 to ANSWERS_UNIT_LEVELS segments, none
 * empty, each of at most ANSWERS_UNIT_SEGMENT characters with no space at
 * either end.  Returns 0, or -1 after reporting which rule it breaks. */
static int
validate_unit(const struct answers *answers, struct diag *diag)
{
	const char *unit = answers->unit;
	long line = answers->unit_line ? answers->unit_line : answers->line;
	const char *more = strlen(unit) > 80 ? "..." : "";
	size_t levels = 0;

	for (const char *segment = unit;; segment++) {
		size_t length = strcspn(segment, "/");

		if (length == 0) {
			diag_error(diag, answers->path, line,
				   "unit \"%.80s%s\" has an empty segment (a '/' at either end or two "
				   "together)", unit, more);
			return -1;
		}
		if (++levels > ANSWERS_UNIT_LEVELS) {
			diag_error(diag, answers->path, line,
				   "unit \"%.80s%s\" has more than %d segments, the limit", unit, more,
				   ANSWERS_UNIT_LEVELS);
			return -1;
		}
		if ((size_t)g_utf8_strlen(segment, (gssize)length) > ANSWERS_UNIT_SEGMENT) {
			diag_error(diag, answers->path, line,
				   "unit \"%.80s%s\" has a segment longer than %d characters, the limit",
				   unit, more, ANSWERS_UNIT_SEGMENT);
			return -1;
		}
		if (g_ascii_isspace(segment[0]) || g_ascii_isspace(segment[length - 1])) {
			diag_error(diag, answers->path, line,
				   "unit \"%.80s%s\" has a segment that begins or ends with a space",
				   unit, more);
			return -1;
		}
		segment += length;
		if (*segment == '\0')
			return 0;
	}
}

/* The team id, the date and the unit.  Returns 0, or -1 after reporting. */
static int
validate_team_date_unit(const struct answers *answers, struct diag *diag)
{
	int failed = 0;

	if (validate_team_id_reserved(answers->team)) {
		diag_error(diag, answers->path, answers->line,
			   "team id \"%s\" is taken by the portfolio's own file of that name in the "
			   "output folder", answers->team);
		failed = 1;
	} else if (!validate_team_id(answers->team)) {
		diag_error(diag, answers->path, answers->line,
			   "team id \"%.80s%s\" must be 1 to 64 characters of a-z, 0-9, '.', '_' "
			   "or '-', starting with a letter or digit",
			   answers->team, strlen(answers->team) > 80 ? "..." : "");
		failed = 1;
	}
	if (!validate_date(answers->date)) {
		diag_error(diag, answers->path, answers->line,
			   "date \"%.40s\" is not a real day written YYYY-MM-DD", answers->date);
		failed = 1;
	}
	if (answers->unit != NULL && validate_unit(answers, diag) != 0)
		failed = 1;
	return failed ? -1 : 0;
}

/* A respondent's own checks: a good id, used once (respondents holds the
 * ids seen, a hash set: linear however many), and at least one answer.
 * Returns 0, or -1 after reporting. */
static int
validate_respondent(const struct answers *answers, struct answers_respondent *respondent,
		    GHashTable *respondents, struct diag *diag)
{
	const struct answers_respondent *first;
	int failed = 0;

	if (!validate_respondent_id(respondent->id)) {
		diag_error(diag, answers->path, respondent->line,
			   "respondent id \"%.80s\" must be 1 to 64 letters, digits, '.', '_', '@' "
			   "or '-', starting with a letter or digit",
			   respondent->id);
		failed = 1;
	}
	first = g_hash_table_lookup(respondents, respondent->id);
	if (first != NULL) {
		diag_error(diag, answers->path, respondent->line,
			   "respondent \"%.80s\" appears twice (first on line %ld)", respondent->id,
			   first->line);
		failed = 1;
	} else {
		g_hash_table_insert(respondents, respondent->id, respondent);
	}
	if (respondent->answer_count == 0) {
		diag_error(diag, answers->path, respondent->line, "respondent \"%.80s\" has no answers",
			   respondent->id);
		failed = 1;
	}
	return failed ? -1 : 0;
}

/* A respondent's answers (known questions, scores 1-4, one per question,
 * seen marking those answered) and comments (on known questions).
 * Returns 0, or -1 after reporting. */
static int
validate_responses(const struct answers *answers, struct answers_respondent *respondent,
		   const struct framework *framework, unsigned char *seen, struct diag *diag)
{
	int failed = 0;

	memset(seen, 0, framework->question_count);
	for (size_t number = 0; number < respondent->answer_count; number++) {
		struct answers_answer *answer = &respondent->answers[number];
		long question = framework_find_question(framework, answer->question_id);

		if (question < 0) {
			diag_error(diag, answers->path, answer->line,
				   "unknown question \"%.80s\" (not in content pack %s)",
				   answer->question_id, framework->id);
			failed = 1;
			continue;
		}
		answer->question = (size_t)question;
		answer->score = validate_score(answer->score_text);
		if (answer->score == 0) {
			diag_error(diag, answers->path, answer->line,
				   "answer to %s: score \"%.40s\" must be a whole number from 1 to 4",
				   answer->question_id, answer->score_text);
			failed = 1;
		}
		if (seen[question]) {
			diag_error(diag, answers->path, answer->line, "respondent \"%.80s\" answers %s twice",
				   respondent->id, answer->question_id);
			failed = 1;
		}
		seen[question] = 1;
	}
	for (size_t number = 0; number < respondent->comment_count; number++) {
		struct answers_comment *comment = &respondent->comments[number];
		long question = framework_find_question(framework, comment->question_id);

		if (question < 0) {
			diag_error(diag, answers->path, comment->line,
				   "comment on unknown question \"%.80s\"", comment->question_id);
			failed = 1;
			continue;
		}
		comment->question = (size_t)question;
	}
	return failed ? -1 : 0;
}

static int
validate_all(struct answers *answers, const struct framework *framework, int notices,
	     struct diag *diag)
{
	int failed = 0;
	size_t total_answers = 0;
	unsigned char *seen;
	GHashTable *respondents;

	/* Text and limits first (answer sets from CSV and links meet them here). */
	if (answers_check_limits(answers, diag) != 0)
		return -1;
	seen = xcalloc(framework->question_count ? framework->question_count : 1, 1);
	respondents = g_hash_table_new(g_str_hash, g_str_equal);
	failed |= validate_team_date_unit(answers, diag) != 0;
	validate_profile(answers, framework, notices, &failed, diag);
	failed |= domain_targets_validate(answers, framework, diag) != 0;
	for (size_t index = 0; index < answers->respondent_count; index++) {
		struct answers_respondent *respondent = &answers->respondents[index];

		failed |= validate_respondent(answers, respondent, respondents, diag) != 0;
		failed |= validate_responses(answers, respondent, framework, seen, diag) != 0;
		total_answers += respondent->answer_count;
	}
	if (total_answers == 0 && !failed) {
		diag_error(diag, answers->path, answers->line, "the answer set has no answers");
		failed = 1;
	}
	free(seen);
	g_hash_table_destroy(respondents);
	return failed ? -1 : 0;
}

int
validate_answers(struct answers *answers, const struct framework *framework, struct diag *diag)
{
	return validate_all(answers, framework, 1, diag);
}

int
validate_answers_again(struct answers *answers, const struct framework *framework,
		       struct diag *diag)
{
	return validate_all(answers, framework, 0, diag);
}

char *
validate_as_written(const struct answers *answers, const struct framework *framework,
		    struct _xmlRelaxNG *schema, const char *path, size_t *length, struct diag *diag)
{
	char *xml = answers_to_xml(answers, length);
	struct answers *again = answers_parse(path, xml, *length, schema, diag);

	if (again == NULL || validate_answers_again(again, framework, diag) != 0) {
		free(xml);
		xml = NULL;
	}
	answers_free(again);
	return xml;
}
