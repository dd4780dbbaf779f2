/* What the driver's command files share (batch.c and batch_*.c): the
 * resources every command that reads answer sets loads once, reading one
 * answer set, and the pass over every input. */
#ifndef MATURITY_BATCH_PARTS_H
#define MATURITY_BATCH_PARTS_H

#include <stddef.h>

#include "batch.h"
#include "infile.h"
#include "stamp.h"

struct answers;
struct diag;
struct domain_targets;
struct framework;
struct options;
struct outfile_folder;
struct survey_mapping;
struct _xmlRelaxNG;

/* What is loaded once, before the first answer set. */
struct batch_resources {
	struct framework *framework;
	struct _xmlRelaxNG *answers_schema;
	struct render_resources *render;  /* render only */
	struct domain_targets *targets;   /* --targets and --target-stage; render and validate */
	char digest[STAMP_LENGTH + 1];    /* render: of everything every report depends on */
};

/* Loads the pack and the answer schema, and for render what rendering
 * needs.  Returns 0, or -1 after reporting (free what was loaded with
 * batch_free_resources either way). */
int batch_load_resources(const struct options *options, struct batch_resources *resources,
			 struct diag *diag);

void batch_free_resources(struct batch_resources *resources);

/* Reads and validates one answer set; NULL when rejected (reported).
 * links: whether path may be a symbolic link; again: read before, so its
 * warnings were said already. */
struct answers *batch_read(const struct options *options, const struct batch_resources *resources,
			   const char *path, enum infile_links links, int again, struct diag *diag);

/* One pass over every answer set named: each is read and validated, and
 * each accepted one handed to accept. */
struct batch_pass {
	const struct options *options;
	const struct batch_resources *resources;
	const struct survey_mapping *mapping;  /* NULL without --mapping */
	struct diag *diag;
	/* Called for each accepted answer set; path is where it can be read
	 * again, links whether that may be through a symbolic link. */
	void (*accept)(struct batch_pass *pass, const struct answers *answers, const char *path,
		       enum infile_links links);
	void *context;                         /* the command's, for accept */
	int keep_csv;                          /* write converted sets under OUT/.maturity-csv */
	struct outfile_folder *out;            /* OUT, when keep_csv opened it */
	int out_failed;                        /* OUT could not be opened (said once): stop */
	size_t accepted, rejected;
	size_t read, total;                    /* input files read, of total */
	enum batch_result result;              /* BATCH_FAILED when an output failed */
};

/* Reads every input of pass->options into pass.  A survey CSV gives each
 * of its teams' answer sets, converted and checked as an XML one is.
 * Stops early when interrupted (pass->read < pass->total). */
void batch_read_all(struct batch_pass *pass);

/* The commands, each in a file of its own. */
enum batch_result batch_render(const struct options *options, struct batch_resources *resources,
			       const struct survey_mapping *mapping, struct diag *diag);
enum batch_result batch_score(const struct options *options, struct batch_resources *resources,
			      const struct survey_mapping *mapping, struct diag *diag);
enum batch_result batch_validate(const struct options *options,
				 struct batch_resources *resources,
				 const struct survey_mapping *mapping, struct diag *diag);
enum batch_result batch_import(const struct options *options,
			       const struct batch_resources *resources,
			       const struct survey_mapping *mapping, struct diag *diag);
enum batch_result batch_export(const struct options *options,
			       const struct batch_resources *resources, struct diag *diag);
enum batch_result batch_index(const struct options *options, struct diag *diag);
enum batch_result batch_sample(const struct options *options, struct diag *diag);
enum batch_result batch_check(const struct options *options, struct batch_resources *resources,
			      const struct survey_mapping *mapping, struct diag *diag);

/* The rules of check and render --check (batch_check.c): parsed from the
 * options against framework, with the baseline read (NULL after
 * reporting a bad rule or baseline); each accepted answer set added; then
 * each team's newest assessment judged, the breaches printed, the JUnit
 * report written: BATCH_BREACHED when a rule was breached, BATCH_FAILED
 * when an output failed, else BATCH_OK. */
struct batch_gates;
struct batch_gates *batch_gates_new(const struct options *options,
				    const struct framework *framework, struct diag *diag);
void batch_gates_add(struct batch_gates *gates, const struct answers *answers);
enum batch_result batch_gates_finish(struct batch_gates *gates, const struct options *options,
				     struct diag *diag);
void batch_gates_free(struct batch_gates *gates);

/* Writes an imported answer set, validated (both importers validate what
 * they make), into folder as TEAM-DATE.xml, after checking that render
 * will read it back (validate_as_written).  Returns 0 and the
 * file's path in *written (free it; written may be NULL), 1 when the set
 * is rejected, -1 when it cannot be written (all reported). */
int batch_write_answer_set(const struct batch_resources *resources,
			   const struct outfile_folder *folder, const struct answers *answers,
			   char **written, struct diag *diag);

#endif
