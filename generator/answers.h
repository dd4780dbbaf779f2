/* Answer sets: one team's assessment as read from XML, before and after
 * validation.  answers_load only parses and checks the schema; validate.c
 * checks everything else and resolves ids against a framework. */
#ifndef MATURITY_ANSWERS_H
#define MATURITY_ANSWERS_H

#include <stddef.h>

#include "infile.h"

struct diag;
struct _xmlRelaxNG;               /* a compiled RELAX NG schema, an xmlRelaxNGPtr */

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

/* One profile value: a parameter of the pack and the option chosen. */
struct answers_profile {
	char *parameter_id;       /* as read (maybe a former name); validation sets the pack's id */
	char *choice_id;          /* as read (maybe a former id); validation sets the pack's id */
	long line;
	size_t parameter;         /* set by validation: index into framework.parameters */
	size_t choice;            /* set by validation: index into that parameter's choices */
};

/* A score target the answer set gives (see domain_targets.h). */
struct answers_target {
	char *domain_id;          /* NULL: every domain */
	char *score_text;         /* as written; validation turns it into score */
	long line;
	long domain;              /* set by validation: index into framework.domains, -1 for all */
	double score;             /* set by validation: 1.00-4.00 */
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
	char *unit;               /* the unit path ("EMEA/Enterprise"), NULL when not given;
				   * 1 to ANSWERS_UNIT_LEVELS segments of 1 to
				   * ANSWERS_UNIT_SEGMENT characters after validation */
	long unit_line;           /* where the unit was given */
	struct answers_profile *profile; /* after validation: one per parameter given, in the pack's order */
	size_t profile_count;
	long name_line;           /* where name and organisation were given, 0 when not */
	long organization_line;
	struct answers_target *targets; /* the team's own score targets, as given */
	size_t target_count;
	long line;                /* of the root element (the first row, from CSV) */
	size_t problems;          /* cells an importer could not map; rejected when > 0 */
	struct answers_respondent *respondents;
	size_t respondent_count;
};

/* Limits on an answer set: the default size of its file, and what it may
 * hold, so that no input costs more than a few seconds to render. */
enum {
	ANSWERS_MAX_BYTES = 1024 * 1024,
	ANSWERS_MAX_RESPONDENTS = 500,
	ANSWERS_MAX_TEXT = 5000,     /* characters of a name, organisation or role */
	ANSWERS_MAX_COMMENT = 4000,  /* characters of a comment */
	ANSWERS_UNIT_LEVELS = 4,     /* segments of a unit path */
	ANSWERS_UNIT_SEGMENT = 48,   /* characters of one segment */
};

/* Reads and schema-checks the answer set at path (links: whether a
 * symbolic link there is followed, see infile.h).  Returns it (free with
 * answers_free) or NULL after reporting every problem found. */
struct answers *answers_load(const char *path, enum infile_links links, size_t max_bytes,
			     struct _xmlRelaxNG *schema, struct diag *diag);

/* Checks what the schema cannot say well, before it: the limits above,
 * and that every string is UTF-8 text an XML file can hold (no control
 * characters), whatever the answer set was read from.  Reports each
 * problem as FILE:LINE naming the limit or the character.  Returns 0 or
 * -1. */
int answers_check_limits(const struct answers *answers, struct diag *diag);

/* The same from memory: name is the file name used in messages. */
struct answers *answers_parse(const char *name, const char *data, size_t length,
			      struct _xmlRelaxNG *schema, struct diag *diag);

void answers_free(struct answers *answers);

/* The answer set as XML text in the answers namespace (free with free),
 * built as an XML tree so every value is escaped.  Answers are
 * written from question_id and score_text, the profile as one attribute
 * per value, named by parameter_id. */
char *answers_to_xml(const struct answers *answers, size_t *length);

/* Adds a respondent, an answer, a comment or a profile value to an answer
 * set being built (by an importer); strings are copied.  Return the new
 * element. */
struct answers_respondent *answers_add_respondent(struct answers *answers, const char *id,
						  const char *role);
void answers_add_answer(struct answers_respondent *respondent, const char *question_id,
			const char *score_text, long line);
void answers_add_profile(struct answers *answers, const char *parameter_id,
			 const char *choice_id, long line);

#endif
