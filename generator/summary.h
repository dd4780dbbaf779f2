/* A team's results, described once: made from the report model (or read
 * back from a team's summary.json), and written by the one JSON
 * serialiser and the one CSV writer of this file, so that `score --json`,
 * each team's summary.json and the portfolio's team list agree field for
 * field, as do `score --csv` and summary.csv.  The readable table of
 * `score` is written from it too.  The README's "A team's results" names
 * every field. */
#ifndef MATURITY_SUMMARY_H
#define MATURITY_SUMMARY_H

#include <stddef.h>
#include <stdio.h>

struct diag;
struct framework;
struct model;
struct outfile_folder;

enum summary_format { SUMMARY_TABLE, SUMMARY_JSON, SUMMARY_CSV };

/* A score that is not there: a domain nobody answered, a spread with one
 * respondent. */
#define SUMMARY_NONE (-1.0)

/* The reports that may sit beside a team's summary.json, as the bits of
 * struct summary's files. */
extern const char *const summary_outputs[];
enum { SUMMARY_OUTPUTS = 6 };

/* One assessment of a team's history: its date, stage and overall. */
struct summary_point {
	char date[11];            /* YYYY-MM-DD */
	size_t stage;             /* index into framework.stages */
	double overall;           /* 1.00-4.00 */
};

struct summary {
	char *team;
	char *name;
	char *organization;       /* NULL when not given */
	char *unit;               /* the unit path ("EMEA/Enterprise"), NULL when not given */
	char *date;               /* YYYY-MM-DD */
	size_t respondents;
	char *content;            /* the id of the content pack that scored it */
	size_t stage;             /* index into framework.stages */
	double overall;           /* 1.00-4.00 */
	double score10;           /* the /10 score, 0.0-10.0 */
	double *domains;          /* per framework domain: 1.00-4.00, or SUMMARY_NONE */
	double *spreads;          /* per domain: 0.00-3.00 with several respondents, else SUMMARY_NONE */
	double *charters;         /* per framework charter: 1.00-4.00, or SUMMARY_NONE */
	double *targets;          /* per domain: its target (domain_targets.h), or SUMMARY_NONE */
	double *gaps;             /* per domain with a target: what the score lacks, >= 0 */
	int has_targets;          /* some domain has a target */
	int has_previous;         /* compared with an earlier assessment */
	char *previous_date;      /* when has_previous */
	double previous_overall;  /* 1.00-4.00, when has_previous */
	double change;            /* overall - previous_overall, rounded to 0.01 */
	struct summary_point *history; /* every assessment, oldest first, this one last */
	size_t history_count;     /* 0 when there is no earlier assessment, else 2 or more */
	int has_files;            /* a rendered team: files is known */
	unsigned files;           /* bit i: summary_outputs[i] was written beside it */
};

/* The description of model's team.  Strings are copied; free with
 * summary_release.  Files are left unknown. */
void summary_describe(struct summary *summary, const struct model *model);

void summary_release(struct summary *summary);

/* The description as a JSON object (a new reference): team, name,
 * organization and unit when given, date, respondents, content, stage,
 * overall, score10, domains, then spread, charters, targets and gaps,
 * previous, history and files when there are. */
struct json_t *summary_to_json(const struct summary *summary, const struct framework *framework);

/* Reads a description back from text, a JSON object summary_to_json
 * wrote.  name names it in messages.  Returns 0, or -1 after reporting
 * (nothing to release then). */
int summary_parse(struct summary *summary, const char *text, size_t length,
		  const struct framework *framework, const char *name, struct diag *diag);

/* Writes model's description as summary.json into folder, its team's
 * folder, with the reports already written there.  Returns 0, or -1
 * after reporting. */
int summary_write_team(const struct outfile_folder *folder, const struct model *model,
		       struct diag *diag);

/* The CSV of descriptions: the header's cells, and one description's
 * cells, each the JSON fields flattened (domains, spread_DOMAIN,
 * charter_CHARTER, target_DOMAIN and gap_DOMAIN columns, previous_date
 * and previous_overall), history and files left out.  Neither ends the row, so that a caller may add cells. */
void summary_csv_header(FILE *stream, const struct framework *framework);
void summary_csv_row(FILE *stream, const struct summary *summary,
		     const struct framework *framework);

/* The listing of `score`: what goes before the first entry (the table's
 * or the CSV's header), one entry, and what follows the last (the table's
 * legend).  Each returns 0, or -1 when the stream reports an error. */
int summary_begin(FILE *stream, enum summary_format format, const struct framework *framework);
int summary_write(FILE *stream, enum summary_format format, const struct framework *framework,
		  const struct summary *summary);
int summary_end(FILE *stream, enum summary_format format, const struct framework *framework);

#endif
