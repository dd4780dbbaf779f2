/* import and export: answer sets from a survey CSV or a share link, and
 * an answer set's share link. */
#include "answers.h"
#include "batch_parts.h"
#include "diag.h"
#include "interrupt.h"
#include "link.h"
#include "options.h"
#include "outfile.h"
#include "survey.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The answer sets of one import input, validated: a CSV file's, or a
 * link's one.  Returns how many are in *sets (*rejected counts those left
 * out), or -1 when the input is unusable (all reported). */
static long
batch_import_read(const struct options *options, const struct batch_resources *resources,
		  const struct survey_mapping *mapping, const char *input, struct answers ***sets,
		  size_t *rejected, struct diag *diag)
{
	struct answers *answers;

	*rejected = 0;
	if (strcmp(options->inputs[0], "csv") == 0)
		return survey_read(input, resources->framework, mapping, sets, rejected, diag);
	answers = link_decode(input, options->team, resources->framework, "link", diag);
	if (answers == NULL)
		return -1;
	*sets = xcalloc(1, sizeof **sets);
	(*sets)[0] = answers;
	return 1;
}

/* Writes one input's answer sets into folder.  Returns how many were
 * written; *result gets worse as sets are rejected or fail. */
static size_t
batch_import_write(const struct batch_resources *resources, const struct outfile_folder *folder,
		   struct answers **sets, long count, enum batch_result *result, struct diag *diag)
{
	size_t written = 0;

	for (long set = 0; set < count; set++) {
		int outcome = interrupt_requested()
				      ? -1
				      : batch_write_answer_set(resources, folder, sets[set], NULL, diag);

		if (outcome == 0)
			written++;
		else if (outcome > 0 && *result < BATCH_REJECTED)
			*result = BATCH_REJECTED;
		else if (outcome < 0 && !interrupt_requested())
			*result = BATCH_FAILED;
		answers_free(sets[set]);
	}
	return written;
}

enum batch_result
batch_import(const struct options *options, const struct batch_resources *resources,
	     const struct survey_mapping *mapping, struct diag *diag)
{
	enum batch_result result = BATCH_OK;
	struct outfile_folder *folder = outfile_folder_open(options->out_folder, diag);
	size_t written = 0;

	if (folder == NULL)
		return BATCH_FAILED;
	for (size_t index = 1; index < options->input_count && !interrupt_requested(); index++) {
		struct answers **sets = NULL;
		size_t rejected;
		long count = batch_import_read(options, resources, mapping, options->inputs[index],
					       &sets, &rejected, diag);

		if ((count < 0 || rejected > 0) && result < BATCH_REJECTED)
			result = BATCH_REJECTED;
		if (count > 0)
			written += batch_import_write(resources, folder, sets, count, &result, diag);
		free(sets);
	}
	if (!options->quiet && (written > 0 || result == BATCH_OK))
		diag_status(diag, "wrote %zu answer set%s into %s", written, written == 1 ? "" : "s",
			    options->out_folder);
	outfile_folder_close(folder);
	return result;
}

enum batch_result
batch_export(const struct options *options, const struct batch_resources *resources,
	     struct diag *diag)
{
	enum batch_result result = BATCH_OK;

	for (size_t index = 1; index < options->input_count; index++) {
		struct answers *answers = batch_read(options, resources, options->inputs[index],
						     INFILE_FOLLOW, 0, diag);
		char *link;

		if (answers == NULL) {
			result = BATCH_REJECTED;
			continue;
		}
		link = link_encode(answers, resources->framework, options->link_base,
				   options->respondent, diag);
		if (link == NULL)
			result = BATCH_REJECTED;
		else if (puts(link) == EOF)
			result = BATCH_FAILED;
		free(link);
		answers_free(answers);
	}
	return result;
}
