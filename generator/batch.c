/* The driver for validate, score and render; see batch.h. */
#include "batch.h"

#include "answers.h"
#include "diag.h"
#include "framework.h"
#include "inputs.h"
#include "model.h"
#include "options.h"
#include "render.h"
#include "score.h"
#include "summary.h"
#include "validate.h"
#include "xalloc.h"
#include "xmlinput.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* One accepted assessment, scored. */
struct batch_assessment {
	struct answers *answers;
	struct scores *scores;
};

/* By team, then by date: each team's assessments end up oldest first. */
static int
batch_compare(const void *left_pointer, const void *right_pointer)
{
	const struct batch_assessment *left = left_pointer, *right = right_pointer;
	int order = strcmp(left->answers->team, right->answers->team);

	if (order == 0)
		order = strcmp(left->answers->date, right->answers->date);
	if (order == 0)
		order = strcmp(left->answers->path, right->answers->path);
	return order;
}

/* The report date: SOURCE_DATE_EPOCH when set (reproducible builds), else
 * today, in UTC. */
static void
batch_generated_date(char date[11])
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t now = epoch != NULL ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
	struct tm calendar;

	if (gmtime_r(&now, &calendar) == NULL || strftime(date, 11, "%Y-%m-%d", &calendar) != 10)
		strcpy(date, "1970-01-01");
}

/* render: every team's newest assessment, compared with the one before. */
static enum batch_result
batch_render(const struct options *options, const struct batch_resources *resources,
	     struct batch_assessment *assessments, size_t count, struct diag *diag)
{
	struct render_resources *render = render_resources_load(options, diag);
	struct batch_assessment explicit_previous = { 0 };
	enum batch_result result = BATCH_OK;
	size_t rendered = 0, failed = 0;
	int previous_used = 0;
	char generated[11];

	if (render == NULL)
		return BATCH_CONFIGURATION;
	if (options->previous_path != NULL) {
		explicit_previous.answers = batch_read(options, resources, options->previous_path, diag);
		if (explicit_previous.answers == NULL) {
			render_resources_free(render);
			return BATCH_CONFIGURATION;
		}
		explicit_previous.scores = score_compute(resources->framework, explicit_previous.answers);
	}
	batch_generated_date(generated);
	qsort(assessments, count, sizeof *assessments, batch_compare);
	for (size_t index = 0; index < count; index++) {
		const struct batch_assessment *subject = &assessments[index];
		const struct batch_assessment *previous = NULL;
		struct model *model;

		/* Only the newest of a team is rendered. */
		if (index + 1 < count &&
		    strcmp(assessments[index + 1].answers->team, subject->answers->team) == 0)
			continue;
		if (explicit_previous.answers != NULL &&
		    strcmp(explicit_previous.answers->team, subject->answers->team) == 0) {
			previous = &explicit_previous;
			previous_used = 1;
			if (strcmp(explicit_previous.answers->date, subject->answers->date) >= 0)
				diag_warning(diag, options->previous_path, 0,
					     "dated %s, not before the assessment it is compared with (%s)",
					     explicit_previous.answers->date, subject->answers->date);
		}
		else if (index > 0 &&
			 strcmp(assessments[index - 1].answers->team, subject->answers->team) == 0)
			previous = &assessments[index - 1];
		model = model_build(resources->framework, subject->answers, subject->scores,
				    previous ? previous->answers : NULL,
				    previous ? previous->scores : NULL, generated);
		if (render_team(render, options, model, diag) == 0)
			rendered++;
		else
			failed++;
		model_free(model);
	}
	if (explicit_previous.answers != NULL && !previous_used)
		diag_warning(diag, options->previous_path, 0,
			     "team %s is not among the answer sets rendered, so nothing was compared",
			     explicit_previous.answers->team);
	if (failed > 0)
		result = BATCH_FAILED;
	if (!options->quiet)
		fprintf(stderr, "maturity: %zu rendered, %zu failed\n", rendered, failed);
	answers_free(explicit_previous.answers);
	score_free(explicit_previous.scores);
	render_resources_free(render);
	return result;
}

enum batch_result
batch_run(const struct options *options, struct diag *diag)
{
	struct batch_assessment *assessments = NULL;
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
		if (options->command == COMMAND_RENDER) {
			assessments = xreallocarray(assessments, accepted, sizeof *assessments);
			assessments[accepted - 1] = (struct batch_assessment){ answers, scores };
			continue;
		}
		score_free(scores);
		answers_free(answers);
	}
	if (options->command == COMMAND_RENDER && accepted > 0) {
		enum batch_result rendered = batch_render(options, &resources, assessments, accepted,
							  diag);

		if (rendered > result)
			result = rendered;
	}
	for (size_t index = 0; index < (options->command == COMMAND_RENDER ? accepted : 0); index++) {
		answers_free(assessments[index].answers);
		score_free(assessments[index].scores);
	}
	free(assessments);

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
