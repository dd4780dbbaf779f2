/* The driver for validate, score and render; see batch.h. */
#include "batch.h"

#include "answers.h"
#include "diag.h"
#include "framework.h"
#include "inputs.h"
#include "options.h"
#include "score.h"
#include "summary.h"
#include "validate.h"
#include "xalloc.h"
#include "xmlinput.h"

#include <stdio.h>
#include <stdlib.h>

/* What is loaded once, before the first answer set. */
struct batch_resources {
	struct framework *framework;
	xmlRelaxNGPtr answers_schema;
};

static int
batch_load_resources(const struct options *options, struct batch_resources *resources,
		     struct diag *diag)
{
	char *schema_folder = xasprintf("%s/content/schema", options->data_folder);
	char *answers_schema = xasprintf("%s/answers.rng", schema_folder);

	resources->framework = framework_load(options->content_folder, schema_folder, diag);
	resources->answers_schema = xmlinput_schema_load(answers_schema, diag);
	free(schema_folder);
	free(answers_schema);
	return resources->framework != NULL && resources->answers_schema != NULL ? 0 : -1;
}

static void
batch_free_resources(struct batch_resources *resources)
{
	framework_free(resources->framework);
	xmlRelaxNGFree(resources->answers_schema);
}

/* Reads and validates one answer set; NULL when rejected (reported). */
static struct answers *
batch_read(const struct options *options, const struct batch_resources *resources,
	   const char *path, struct diag *diag)
{
	struct answers *answers = answers_load(path, options->max_input_bytes,
					       resources->answers_schema, diag);

	if (answers != NULL && validate_answers(answers, resources->framework, diag) != 0) {
		answers_free(answers);
		return NULL;
	}
	return answers;
}

enum batch_result
batch_run(const struct options *options, struct diag *diag)
{
	struct batch_resources resources = { 0 };
	struct inputs inputs = { 0 };
	enum batch_result result = BATCH_OK;
	size_t accepted = 0, rejected = 0;

	if (batch_load_resources(options, &resources, diag) != 0) {
		batch_free_resources(&resources);
		return BATCH_CONFIGURATION;
	}
	rejected = inputs_collect(&inputs, options->inputs, options->input_count, diag);

	if (options->command == COMMAND_SCORE &&
	    summary_begin(stdout, options->summary, resources.framework) != 0)
		result = BATCH_FAILED;

	for (size_t index = 0; index < inputs.count; index++) {
		struct answers *answers = batch_read(options, &resources, inputs.paths[index], diag);
		struct scores *scores;

		if (answers == NULL) {
			rejected++;
			continue;
		}
		accepted++;
		scores = score_compute(resources.framework, answers);
		if (options->command == COMMAND_SCORE &&
		    summary_write(stdout, options->summary, resources.framework, answers, scores) != 0)
			result = BATCH_FAILED;
		score_free(scores);
		answers_free(answers);
	}

	if (options->command == COMMAND_SCORE &&
	    summary_end(stdout, options->summary, resources.framework) != 0)
		result = BATCH_FAILED;
	if (options->command == COMMAND_VALIDATE && !options->quiet) {
		if (inputs.count == 0 && options->input_count == 0)
			fprintf(stderr, "maturity: content pack %s %s is valid\n",
				resources.framework->id, resources.framework->version);
		else
			fprintf(stderr, "maturity: %zu valid, %zu rejected\n", accepted, rejected);
	}
	if (rejected > 0 && result == BATCH_OK)
		result = BATCH_REJECTED;
	inputs_free(&inputs);
	batch_free_resources(&resources);
	return result;
}
