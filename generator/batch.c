/* The driver; see batch.h.  This file loads what the commands share and
 * reads every answer set named; each command is in a batch_*.c file of
 * its own (batch_parts.h). */
#include "batch.h"

#include "answers.h"
#include "batch_parts.h"
#include "diag.h"
#include "domain_targets.h"
#include "inputs.h"
#include "interrupt.h"
#include "options.h"
#include "outfile.h"
#include "pack.h"
#include "render.h"
#include "survey.h"
#include "validate.h"
#include "xalloc.h"
#include "xmlinput.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

int
batch_load_resources(const struct options *options, struct batch_resources *resources,
		     struct diag *diag)
{
	char *schema_folder = xasprintf("%s/content/schema", options->data_folder);
	char *answers_schema = xasprintf("%s/answers.rng", schema_folder);
	int failed;

	resources->framework = pack_load(options->content_folder, schema_folder, diag);
	resources->answers_schema = xmlinput_schema_load(answers_schema, diag);
	failed = resources->framework == NULL || resources->answers_schema == NULL;
	if (!failed && (options->command == COMMAND_RENDER || options->command == COMMAND_VALIDATE)) {
		resources->targets = domain_targets_load(options->targets_path, options->target_stage,
							 resources->framework, schema_folder, diag);
		failed = resources->targets == NULL;
	}
	if (!failed && options->command == COMMAND_RENDER) {
		resources->render = render_resources_load(options, resources->framework, diag);
		failed = resources->render == NULL;
	}
	free(schema_folder);
	free(answers_schema);
	return failed ? -1 : 0;
}

void
batch_free_resources(struct batch_resources *resources)
{
	pack_free(resources->framework);
	xmlRelaxNGFree(resources->answers_schema);
	render_resources_free(resources->render);
	domain_targets_free(resources->targets);
}

struct answers *
batch_read(const struct options *options, const struct batch_resources *resources,
	   const char *path, enum infile_links links, int again, struct diag *diag)
{
	struct answers *answers = answers_load(path, links, options->max_input_bytes,
					       resources->answers_schema, diag);

	if (answers != NULL &&
	    (again ? validate_answers_again : validate_answers)(answers, resources->framework,
								 diag) != 0) {
		answers_free(answers);
		return NULL;
	}
	return answers;
}

/* The shard (1..count) a team belongs to: a stable hash of its id, the
 * same on every machine, so CI jobs agree without talking. */
unsigned
batch_shard_of(const char *team, unsigned count)
{
	gchar *digest = g_compute_checksum_for_string(G_CHECKSUM_SHA256, team, -1);
	unsigned long long value = strtoull(digest + 48, NULL, 16);

	g_free(digest);
	return (unsigned)(value % count) + 1;
}

int
batch_write_answer_set(const struct batch_resources *resources,
		       const struct outfile_folder *folder, const struct answers *answers,
		       char **written, struct diag *diag)
{
	char *name = xasprintf("%s-%s.xml", answers->team, answers->date);
	char *path = xasprintf("%s/%s", folder->path, name);
	size_t length;
	char *xml = validate_as_written(answers, resources->framework, resources->answers_schema,
					path, &length, diag);
	int result = xml == NULL ? 1 : outfile_write(folder, name, xml, length, diag) == 0 ? 0 : -1;

	free(xml);
	free(name);
	if (result == 0 && written != NULL)
		*written = path;
	else
		free(path);
	return result;
}

static int
batch_is_csv(const char *path)
{
	size_t length = strlen(path);

	return length > 4 && strcmp(path + length - 4, ".csv") == 0;
}

/* Hands one accepted answer set to the command. */
static void
batch_accept(struct batch_pass *pass, const struct answers *answers, const char *path,
	     enum infile_links links)
{
	pass->accepted++;
	pass->accept(pass, answers, path, links);
}

/* The folder converted CSV sets are kept in, OUT/.maturity-csv, opened
 * (OUT with it, when needed); NULL after reporting. */
static struct outfile_folder *
batch_csv_folder(struct batch_pass *pass)
{
	if (pass->out == NULL)
		pass->out = outfile_folder_open(pass->options->out_folder, pass->diag);
	if (pass->out == NULL) {
		pass->out_failed = 1;
		return NULL;
	}
	return outfile_folder_child(pass->out, ".maturity-csv", OUTFILE_CREATE, pass->diag);
}

/* A survey CSV among the inputs: each team's answer set is checked like
 * an XML one; with keep_csv it is written under OUT/.maturity-csv/
 * first, since render's workers read answer sets from files. */
static void
batch_read_csv(struct batch_pass *pass, const char *path)
{
	struct outfile_folder *folder = NULL;
	struct answers **sets;
	size_t rejected;
	long count = survey_read(path, pass->resources->framework, pass->mapping, &sets, &rejected,
				 pass->diag);

	if (count < 0) {
		pass->rejected++;
		return;
	}
	pass->rejected += rejected;
	if (pass->keep_csv && (folder = batch_csv_folder(pass)) == NULL)
		pass->result = BATCH_FAILED;
	for (long index = 0; index < count; index++) {
		char *file = NULL;
		int written;

		if (!pass->keep_csv) {
			batch_accept(pass, sets[index], path, INFILE_FOLLOW);
		} else if (folder != NULL) {
			written = batch_write_answer_set(pass->resources, folder, sets[index], &file,
							 pass->diag);
			if (written == 0)
				batch_accept(pass, sets[index], file, INFILE_NO_LINKS);
			else if (written > 0)
				pass->rejected++;
			else
				pass->result = BATCH_FAILED;
			free(file);
		}
		answers_free(sets[index]);
	}
	outfile_folder_close(folder);
	free(sets);
}

void
batch_read_all(struct batch_pass *pass)
{
	struct inputs inputs = { 0 };

	pass->rejected += inputs_collect(&inputs, pass->options->inputs, pass->options->input_count,
					 pass->diag);
	pass->total = inputs.count;
	for (pass->read = 0; pass->read < inputs.count && !pass->out_failed && !interrupt_requested();
	     pass->read++) {
		const char *path = inputs.paths[pass->read];
		struct answers *answers;

		if (batch_is_csv(path)) {
			batch_read_csv(pass, path);
			continue;
		}
		answers = batch_read(pass->options, pass->resources, path, inputs.links[pass->read], 0,
				     pass->diag);
		if (answers == NULL) {
			pass->rejected++;
			continue;
		}
		batch_accept(pass, answers, answers->path, inputs.links[pass->read]);
		answers_free(answers);
	}
	if (interrupt_requested())
		diag_status(pass->diag, "interrupted after reading %zu of %zu answer files", pass->read,
			    inputs.count);
	inputs_free(&inputs);
}

enum batch_result
batch_run(const struct options *options, struct diag *diag)
{
	struct batch_resources resources = { 0 };
	struct survey_mapping *mapping = NULL;
	enum batch_result result = BATCH_CONFIGURATION;

	if (options->command == COMMAND_INDEX)
		return batch_index(options, diag);
	if (options->command == COMMAND_SAMPLE)
		return batch_sample(options, diag);
	if (batch_load_resources(options, &resources, diag) == 0 &&
	    (options->mapping_path == NULL ||
	     (mapping = survey_mapping_load(options->mapping_path, diag)) != NULL)) {
		switch (options->command) {
		case COMMAND_RENDER:
			result = batch_render(options, &resources, mapping, diag);
			break;
		case COMMAND_SCORE:
			result = batch_score(options, &resources, mapping, diag);
			break;
		case COMMAND_VALIDATE:
			result = batch_validate(options, &resources, mapping, diag);
			break;
		case COMMAND_IMPORT:
			result = batch_import(options, &resources, mapping, diag);
			break;
		case COMMAND_EXPORT:
			result = batch_export(options, &resources, diag);
			break;
		case COMMAND_CHECK:
			result = batch_check(options, &resources, mapping, diag);
			break;
		case COMMAND_INDEX:
		case COMMAND_SAMPLE:
			break;
		}
	}
	survey_mapping_free(mapping);
	batch_free_resources(&resources);
	return result;
}
