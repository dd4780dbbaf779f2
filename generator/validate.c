/* Validation of answer sets against a framework.  See validate.h. */
#include "validate.h"

#include "answers.h"
#include "diag.h"
#include "framework.h"
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

static void
validate_profile(const struct answers *answers, const struct framework *framework,
		 const char *id, const char *attribute, enum framework_profile_kind kind,
		 int *failed, struct diag *diag)
{
	const struct framework_profile *profile;

	if (id == NULL)
		return;
	profile = framework_find_profile(framework, id);
	if (profile == NULL || profile->kind != kind) {
		/* List what the pack accepts, so the fix is obvious. */
		size_t length = 0;
		char *choices = xstrdup("");

		for (size_t index = 0; index < framework->profile_count; index++) {
			const struct framework_profile *choice = &framework->profiles[index];

			if (choice->kind != kind)
				continue;
			char *grown = xasprintf("%s%s%s", choices, length ? ", " : "", choice->id);
			free(choices);
			choices = grown;
			length++;
		}
		if (length == 0)
			diag_error(diag, answers->path, answers->profile_line,
				   "profile %s \"%s\": content pack %s defines no %s choices",
				   attribute, id, framework->id, attribute);
		else
			diag_error(diag, answers->path, answers->profile_line,
				   "profile %s \"%s\" is not one of: %s", attribute, id, choices);
		free(choices);
		*failed = 1;
	}
}

int
validate_answers(struct answers *answers, const struct framework *framework, struct diag *diag)
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

	/* The team and the date. */
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
	validate_profile(answers, framework, answers->segment, "segment", PROFILE_SEGMENT, &failed,
			 diag);
	validate_profile(answers, framework, answers->arr, "arr", PROFILE_ARR, &failed, diag);
	validate_profile(answers, framework, answers->team_size, "team-size", PROFILE_TEAM_SIZE,
			 &failed, diag);

	/* Each respondent: a good id, used once, with at least one answer. */
	for (size_t index = 0; index < answers->respondent_count; index++) {
		struct answers_respondent *respondent = &answers->respondents[index];

		if (!validate_respondent_id(respondent->id)) {
			diag_error(diag, answers->path, respondent->line,
				   "respondent id \"%.80s\" must be 1 to 64 letters, digits, '.', "
				   "'_', '@' or '-', starting with a letter or digit",
				   respondent->id);
			failed = 1;
		}
		/* Each id once, found in a hash set: linear however many. */
		const struct answers_respondent *first = g_hash_table_lookup(respondents,
									     respondent->id);

		if (first != NULL) {
			diag_error(diag, answers->path, respondent->line,
				   "respondent \"%.80s\" appears twice (first on line %ld)",
				   respondent->id, first->line);
			failed = 1;
		} else {
			g_hash_table_insert(respondents, respondent->id, respondent);
		}
		if (respondent->answer_count == 0) {
			diag_error(diag, answers->path, respondent->line,
				   "respondent \"%.80s\" has no answers", respondent->id);
			failed = 1;
		}

		/* Their answers: known questions, scores 1-4, one per question. */
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
				diag_error(diag, answers->path, answer->line,
					   "respondent \"%.80s\" answers %s twice", respondent->id,
					   answer->question_id);
				failed = 1;
			}
			seen[question] = 1;
			total_answers++;
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
	}
	if (total_answers == 0 && !failed) {
		diag_error(diag, answers->path, answers->line, "the answer set has no answers");
		failed = 1;
	}
	free(seen);
	g_hash_table_destroy(respondents);
	return failed ? -1 : 0;
}
