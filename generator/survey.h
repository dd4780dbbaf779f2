/* Survey exports: answer sets from CSV, one row per respondent, with
 * columns named by question id or question text and answers given as a
 * score or as the option's text.  Split by libcsv (RFC 4180). */
#ifndef MATURITY_SURVEY_H
#define MATURITY_SURVEY_H

#include <stddef.h>

struct answers;
struct diag;
struct framework;

/* A mapping file: source,target rows.  A target that is a question id, a
 * profile parameter of the pack (customer_segment, ...) or a field (team,
 * date, respondent, role, name, organization, ignore) maps a column header;
 * a target 1 to 4 maps an answer text to a score. */
struct survey_mapping;

/* Reads a mapping file.  Returns it (free with survey_mapping_free) or
 * NULL after reporting FILE:ROW:COLUMN problems. */
struct survey_mapping *survey_mapping_load(const char *path, struct diag *diag);

void survey_mapping_free(struct survey_mapping *mapping);

/* Reads path (CSV) into answer sets, one per team and date, in the order
 * they first appear; mapping may be NULL.  Every cell that cannot be
 * mapped is reported as FILE:ROW:COLUMN, and each answer set made is
 * validated (validate_answers), as the link importer validates its own:
 * a set with an unmapped cell or that validation refuses is counted in
 * *rejected and left out.  Returns the number of valid answer sets
 * stored in *sets (free each with answers_free, then the array), or -1
 * when the file as a whole is unusable (reported). */
long survey_read(const char *path, const struct framework *framework,
		 const struct survey_mapping *mapping, struct answers ***sets, size_t *rejected,
		 struct diag *diag);

#endif
