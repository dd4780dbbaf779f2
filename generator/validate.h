/* The validation pass: everything about an answer set that a schema cannot
 * say, checked against a framework.  After it succeeds the rest of the
 * pipeline trusts the answer set and never checks again. */
#ifndef MATURITY_VALIDATE_H
#define MATURITY_VALIDATE_H

#include <stddef.h>

struct answers;
struct diag;
struct framework;
struct _xmlRelaxNG;

/* Checks the limits and text (answers_check_limits), the team id, date,
 * unit path, profile, respondents, question ids and scores, filling in
 * the resolved question indexes and integer scores, and the profile's
 * parameter and option indexes, in the pack's order.  A former profile name or id is
 * read with a warning, the value rewritten with the pack's own, and a note
 * says how to update the file.  Returns 0 when valid, or -1 after
 * reporting every problem as FILE:LINE. */
int validate_answers(struct answers *answers, const struct framework *framework,
		     struct diag *diag);

/* The same for an answer set validated before (a render worker reading
 * it again): problems are still reported, but not the warnings and notes
 * said the first time. */
int validate_answers_again(struct answers *answers, const struct framework *framework,
			   struct diag *diag);

/* The XML an importer writes of a validated answer set, checked exactly
 * as render will read it: parsed again with schema (the answer schema)
 * and validated again, path naming it in messages.  Returns the XML
 * (free with free) of *length bytes, or NULL after reporting why it would
 * not read back. */
char *validate_as_written(const struct answers *answers, const struct framework *framework,
			  struct _xmlRelaxNG *schema, const char *path, size_t *length,
			  struct diag *diag);

/* True when id is a valid team id: [a-z0-9][a-z0-9._-]{0,63}, and not a
 * name the portfolio takes in the output folder. */
int validate_team_id(const char *id);

/* True when id is one of the portfolio's file names (index.html,
 * summary.csv, summary.json), which no team may take. */
int validate_team_id_reserved(const char *id);

/* True when text is YYYY-MM-DD naming a day that exists (1900-9999). */
int validate_date(const char *text);

#endif
