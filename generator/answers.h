/* Answer sets: one team's assessment as read from XML, before and after
 * validation.  answers_load only parses and checks the schema; validate.c
 * checks everything else and resolves ids against a framework. */
#ifndef MATURITY_ANSWERS_H
#define MATURITY_ANSWERS_H

#include <stddef.h>

#include <libxml/relaxng.h>

struct diag;

struct answers_answer {
	char *question_id;
	char *score_text;         /* as written; validation turns it into score */
	long line;
	size_t question;          /* set by validation: index into framework.questions */
	int score;                /* set by validation: 1-4 */
};

struct answers_comment {
	char *question_id;
	char *text;
	long line;
	size_t question;          /* set by validation */
};

struct answers_respondent {
	char *id;
	char *role;               /* NULL when not given */
	long line;
	struct answers_answer *answers;
	size_t answer_count;
	struct answers_comment *comments;
	size_t comment_count;
};

struct answers {
	char *path;
	char *team;               /* [a-z0-9][a-z0-9._-]{0,63} after validation */
	char *date;               /* YYYY-MM-DD, a real calendar date after validation */
	char *name;               /* defaults to team */
	char *organization;       /* NULL when not given */
	char *segment;            /* profile ids, NULL when not given */
	char *arr;
	char *team_size;
	long line;                /* of the root element */
	long profile_line;
	struct answers_respondent *respondents;
	size_t respondent_count;
};

/* Default limit on an answer file's size. */
enum { ANSWERS_MAX_BYTES = 1024 * 1024 };

/* Reads and schema-checks the answer set at path.  Returns it (free with
 * answers_free) or NULL after reporting every problem found. */
struct answers *answers_load(const char *path, size_t max_bytes, xmlRelaxNGPtr schema,
			     struct diag *diag);

void answers_free(struct answers *answers);

#endif
