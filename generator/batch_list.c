/* score and validate: every answer set read and checked, then listed with
 * its scores (score) or counted (validate). */
#include "answers.h"
#include "batch_parts.h"
#include "calendar.h"
#include "diag.h"
#include "framework.h"
#include "interrupt.h"
#include "model.h"
#include "options.h"
#include "score.h"
#include "summary.h"

#include <stdio.h>

/* score: each accepted answer set's entry in the listing, from the
 * description of its results the model makes. */
static void
batch_score_accept(struct batch_pass *pass, const struct answers *answers, const char *path,
		   enum infile_links links)
{
	const struct framework *framework = pass->resources->framework;
	struct scores *scores = score_compute(framework, answers);
	struct model *model = model_build(framework, answers, scores, NULL, 0, NULL, pass->context);
	struct summary summary;

	(void)path;
	(void)links;
	summary_describe(&summary, model);
	if (summary_write(stdout, pass->options->summary, framework, &summary) != 0)
		pass->result = BATCH_FAILED;
	summary_release(&summary);
	model_free(model);
	score_free(scores);
}

/* validate: accepted answer sets are only counted. */
static void
batch_validate_accept(struct batch_pass *pass, const struct answers *answers, const char *path,
		      enum infile_links links)
{
	(void)pass;
	(void)answers;
	(void)path;
	(void)links;
}

/* The status of a pass: interrupted, failed, some rejected, or all well. */
static enum batch_result
batch_list_result(const struct batch_pass *pass)
{
	if (interrupt_requested())
		return BATCH_INTERRUPTED;
	if (pass->result != BATCH_OK)
		return pass->result;
	return pass->rejected > 0 ? BATCH_REJECTED : BATCH_OK;
}

enum batch_result
batch_score(const struct options *options, struct batch_resources *resources,
	    const struct survey_mapping *mapping, struct diag *diag)
{
	char today[CALENDAR_DAY_SIZE];
	struct batch_pass pass = { .options = options, .resources = resources, .mapping = mapping,
				   .diag = diag, .accept = batch_score_accept, .context = today,
				   .result = BATCH_OK };

	calendar_today(today);
	if (summary_begin(stdout, options->summary, resources->framework) != 0)
		pass.result = BATCH_FAILED;
	batch_read_all(&pass);
	if (summary_end(stdout, options->summary, resources->framework) != 0)
		pass.result = BATCH_FAILED;
	return batch_list_result(&pass);
}

enum batch_result
batch_validate(const struct options *options, struct batch_resources *resources,
	       const struct survey_mapping *mapping, struct diag *diag)
{
	struct batch_pass pass = { .options = options, .resources = resources, .mapping = mapping,
				   .diag = diag, .accept = batch_validate_accept, .result = BATCH_OK };

	batch_read_all(&pass);
	if (!options->quiet && options->input_count == 0)
		diag_status(diag, "content pack %s %s is valid", resources->framework->id,
			    resources->framework->version);
	else if (!options->quiet)
		diag_status(diag, "%zu valid, %zu rejected", pass.accepted, pass.rejected);
	return batch_list_result(&pass);
}
