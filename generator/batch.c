/* The driver for validate, score and render; see batch.h.  For render the
 * parent reads and validates every answer set, keeps only what grouping
 * needs, and hands each team to a worker process of the pool. */
#include "batch.h"

#include "answers.h"
#include "brand.h"
#include "calendar.h"
#include "diag.h"
#include "fonts.h"
#include "framework.h"
#include "pack.h"
#include "html.h"
#include "infile.h"
#include "inputs.h"
#include "interrupt.h"
#include "link.h"
#include "model.h"
#include "options.h"
#include "outfile.h"
#include "pool.h"
#include "portfolio.h"
#include "progress.h"
#include "render.h"
#include "sample.h"
#include "score.h"
#include "stamp.h"
#include "summary.h"
#include "survey.h"
#include "validate.h"
#include "xalloc.h"
#include "xmlinput.h"

#include <dirent.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* What is loaded once, before the first answer set. */
struct batch_resources {
	struct framework *framework;
	xmlRelaxNGPtr answers_schema;
	struct render_resources *render;  /* render only */
	char digest[STAMP_LENGTH + 1];    /* of everything every report depends on */
};

/* One accepted assessment, as the parent keeps it. */
struct batch_assessment {
	char *path;
	enum infile_links links;          /* how its file is opened again */
	char *team;
	char *date;
	double *domains;                  /* scores per domain (< 0 not assessed), with --benchmark */
};

/* One team to render: its newest assessment and the one before it. */
struct batch_team {
	const struct batch_assessment *subject;
	const char *previous_path;        /* NULL when none */
	enum infile_links previous_links;
	char digest[STAMP_LENGTH + 1];
};

/* What the pool's callbacks share. */
struct batch_render {
	const struct options *options;
	struct batch_resources *resources;
	struct batch_team *teams;
	size_t count;
	const struct outfile_folder *out;   /* OUT, open */
	struct diag *diag;
	struct progress progress;
	size_t rendered, failed, interrupted;
	char generated[CALENDAR_DAY_SIZE];
	struct model_benchmark *benchmark;  /* NULL without --benchmark */
};

static int
batch_load_resources(const struct options *options, struct batch_resources *resources,
		     struct diag *diag)
{
	char *schema_folder = xasprintf("%s/content/schema", options->data_folder);
	char *answers_schema = xasprintf("%s/answers.rng", schema_folder);
	int failed = 0;

	resources->framework = pack_load(options->content_folder, schema_folder, diag);
	resources->answers_schema = xmlinput_schema_load(answers_schema, diag);
	failed = resources->framework == NULL || resources->answers_schema == NULL;
	if (!failed && options->command == COMMAND_RENDER) {
		resources->render = render_resources_load(options, resources->framework, diag);
		failed = resources->render == NULL;
	}
	if (!failed && options->command == COMMAND_RENDER) {
		/* Every report depends on the pack, templates, brand, schemas,
		 * fonts, the program's version and the options that shape output. */
		char *templates = xasprintf("%s/templates", options->data_folder);
		char *fonts = xasprintf("%s/fonts", options->data_folder);
		char *settings = xasprintf("%s formats=%u png=%d model=%d document=%d",
					   MATURITY_VERSION, options->formats, options->chart_png,
					   options->write_model, options->write_document);

		resources->digest[0] = '\0';
		stamp_add_text(resources->digest, settings);
		stamp_add_folder(resources->digest, resources->framework->folder);
		stamp_add_folder(resources->digest, resources->framework->domain_folder);
		if (resources->framework->profile_folder != NULL)
			stamp_add_folder(resources->digest, resources->framework->profile_folder);
		stamp_add_folder(resources->digest, schema_folder);
		stamp_add_folder(resources->digest, templates);
		stamp_add_folder(resources->digest, fonts);
		if (options->messages_path != NULL)
			stamp_add_file(resources->digest, options->messages_path);
		if (options->sections_path != NULL)
			stamp_add_file(resources->digest, options->sections_path);
		/* The brand file and what sits beside it: its logo. */
		char *brand_folder = g_path_get_dirname(options->brand_path);

		stamp_add_folder(resources->digest, brand_folder);
		g_free(brand_folder);
		free(templates);
		free(fonts);
		free(settings);
	}
	free(schema_folder);
	free(answers_schema);
	return failed ? -1 : 0;
}

static void
batch_free_resources(struct batch_resources *resources)
{
	pack_free(resources->framework);
	xmlRelaxNGFree(resources->answers_schema);
	render_resources_free(resources->render);
}

/* Reads and validates one answer set; NULL when rejected (reported).
 * links: whether path may be a symbolic link; again: read before, so its
 * warnings were said already. */
static struct answers *
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

/* By team, then by date: each team's assessments end up oldest first. */
static int
batch_compare(const void *left_pointer, const void *right_pointer)
{
	const struct batch_assessment *left = left_pointer, *right = right_pointer;
	int order = strcmp(left->team, right->team);

	if (order == 0)
		order = strcmp(left->date, right->date);
	if (order == 0)
		order = strcmp(left->path, right->path);
	return order;
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

/* In a worker: render one team from its files. */
static int
batch_render_team(size_t task, void *context)
{
	struct batch_render *batch = context;
	const struct batch_team *team = &batch->teams[task];
	const struct framework *framework = batch->resources->framework;
	struct answers *answers, *previous = NULL;
	struct scores *scores, *previous_scores = NULL;
	struct model *model;
	struct outfile_folder *folder;
	int result;
	const char *crash = getenv("MATURITY_TEST_CRASH_TEAM");

	/* A test hook: simulate a crash on one team to prove isolation. */
	if (crash != NULL && strcmp(crash, team->subject->team) == 0)
		abort();
	answers = batch_read(batch->options, batch->resources, team->subject->path,
			     team->subject->links, 1, batch->diag);
	if (answers == NULL)
		return -1;
	/* Every file of the team through one folder descriptor. */
	folder = outfile_folder_child(batch->out, team->subject->team, OUTFILE_CREATE, batch->diag);
	if (folder == NULL) {
		answers_free(answers);
		return -1;
	}
	if (team->previous_path != NULL)
		previous = batch_read(batch->options, batch->resources, team->previous_path,
				      team->previous_links, 1, batch->diag);
	scores = score_compute(framework, answers);
	if (previous != NULL)
		previous_scores = score_compute(framework, previous);
	model = model_build(framework, answers, scores, previous, previous_scores, batch->generated);
	if (batch->benchmark != NULL)
		model_apply_benchmark(model, batch->benchmark);
	result = render_team(batch->resources->render, batch->options, folder, model, batch->diag);

	/* The stamp goes last: only a complete set of outputs is fresh. */
	if (result == 0)
		result = stamp_write(folder, team->digest, batch->diag);
	else
		stamp_remove(folder);
	outfile_folder_close(folder);
	model_free(model);
	score_free(scores);
	score_free(previous_scores);
	answers_free(answers);
	answers_free(previous);
	return result;
}

static void
batch_team_finished(size_t task, enum pool_outcome outcome, int detail, void *context)
{
	struct batch_render *batch = context;
	const struct batch_team *team = &batch->teams[task];

	if (outcome == POOL_DONE) {
		batch->rendered++;
	} else if (outcome == POOL_CANCELLED) {
		batch->interrupted++;
	} else {
		batch->failed++;
		progress_clear(&batch->progress);
		if (outcome == POOL_CRASHED)
			diag_error(batch->diag, team->subject->path, 0,
				   "rendering team %s crashed (signal %d); the other teams go on",
				   team->subject->team, detail);
	}
	progress_step(&batch->progress);
}

/* In a worker, as it ends: free its caches, so that nothing it built is
 * still held when it exits. */
static void
batch_worker_exit(void *context)
{
	struct batch_render *batch = context;

	render_resources_release(batch->resources->render);
}

/* Removes what an interrupted worker left: temporary files (".NAME.XXXXXX")
 * in the team's folder.  Finished files stay; they are whole. */
static void
batch_team_cancelled(size_t task, void *context)
{
	struct batch_render *batch = context;
	struct outfile_folder *folder = outfile_folder_child(
		batch->out, batch->teams[task].subject->team, OUTFILE_EXISTING, NULL);
	int descriptor = folder != NULL ? dup(folder->descriptor) : -1;
	DIR *directory = descriptor >= 0 ? fdopendir(descriptor) : NULL;
	struct dirent *entry;

	while (directory != NULL && (entry = readdir(directory)) != NULL)
		if (outfile_is_temporary(entry->d_name))
			unlinkat(folder->descriptor, entry->d_name, 0);
	if (directory != NULL)
		closedir(directory);
	else if (descriptor >= 0)
		close(descriptor);
	outfile_folder_close(folder);
}

/* The portfolio to benchmark against: each team's newest assessment. */
static struct model_benchmark *
batch_benchmark(const struct batch_assessment *assessments, size_t count, size_t domains,
		char digest[STAMP_LENGTH + 1])
{
	struct model_benchmark *benchmark = xcalloc(1, sizeof *benchmark);
	double *medians = xcalloc(domains ? domains : 1, sizeof *medians);
	double **sorted = xcalloc(domains ? domains : 1, sizeof *sorted);
	size_t *counts = xcalloc(domains ? domains : 1, sizeof *counts);

	for (size_t domain = 0; domain < domains; domain++) {
		char text[64];

		sorted[domain] = xcalloc(count ? count : 1, sizeof **sorted);
		for (size_t index = 0; index < count; index++) {
			int newest = index + 1 == count ||
				     strcmp(assessments[index + 1].team, assessments[index].team) != 0;

			if (newest && assessments[index].domains[domain] >= 0)
				sorted[domain][counts[domain]++] = assessments[index].domains[domain];
		}
		if (counts[domain] > 0)
			medians[domain] = score_median(sorted[domain], counts[domain]);
		/* The medians shape every report: a new one re-renders all. */
		snprintf(text, sizeof text, "median %zu %.2f %zu", domain, medians[domain],
			 counts[domain]);
		stamp_add_text(digest, text);
	}
	benchmark->domain_count = domains;
	benchmark->medians = medians;
	benchmark->sorted = sorted;
	benchmark->counts = counts;
	return benchmark;
}

static void
batch_benchmark_free(struct model_benchmark *benchmark)
{
	if (benchmark == NULL)
		return;
	for (size_t domain = 0; domain < benchmark->domain_count; domain++)
		free(benchmark->sorted[domain]);
	free((double **)benchmark->sorted);
	free((double *)benchmark->medians);
	free((size_t *)benchmark->counts);
	free(benchmark);
}

/* The closing line of render: teams by outcome, each counted once; the
 * portfolio and an interruption are said apart from the teams. */
static void
batch_closing_line(const struct batch_render *batch, size_t skipped, size_t rejected,
		   size_t outside, int portfolio_failed, int interrupted, double started)
{
	GString *line = g_string_new(NULL);

	g_string_printf(line, "maturity: %zu rendered, %zu unchanged, %zu rejected, %zu failed",
			batch->rendered, skipped, rejected, batch->failed);
	if (batch->interrupted > 0)
		g_string_append_printf(line, ", %zu interrupted", batch->interrupted);
	if (outside > 0)
		g_string_append_printf(line, ", %zu in other shards", outside);
	if (portfolio_failed)
		g_string_append(line, "; the portfolio could not be written");
	g_string_append_printf(line, " in %.1f s%s", g_get_monotonic_time() / 1e6 - started,
			       interrupted ? " (interrupted)" : "");
	fprintf(stderr, "%s\n", line->str);
	g_string_free(line, TRUE);
}

/* render: every team's newest assessment, compared with the one before. */
static enum batch_result
batch_render(const struct options *options, struct batch_resources *resources,
	     const struct outfile_folder *out, struct batch_assessment *assessments, size_t count,
	     size_t rejected, struct diag *diag)
{
	struct batch_render batch = { .options = options, .resources = resources, .out = out,
				      .diag = diag };
	struct answers *explicit_previous = NULL;
	struct pool_tasks tasks;
	size_t skipped = 0, outside = 0;
	int interrupted, portfolio_failed = 0, previous_used = 0;
	double started = g_get_monotonic_time() / 1e6;

	if (options->previous_path != NULL) {
		explicit_previous = batch_read(options, resources, options->previous_path,
					       INFILE_FOLLOW, 0, diag);
		if (explicit_previous == NULL)
			return BATCH_CONFIGURATION;
	}
	calendar_today(batch.generated);
	qsort(assessments, count, sizeof *assessments, batch_compare);
	batch.teams = xcalloc(count ? count : 1, sizeof *batch.teams);
	if (options->benchmark)
		batch.benchmark = batch_benchmark(assessments, count,
						  resources->framework->domain_count,
						  resources->digest);

	/* One task per team: the newest assessment, and its comparison. */
	for (size_t index = 0; index < count; index++) {
		const struct batch_assessment *subject = &assessments[index];
		struct batch_team *team;

		if (index + 1 < count && strcmp(assessments[index + 1].team, subject->team) == 0)
			continue;
		if (options->shard_count > 0 &&
		    batch_shard_of(subject->team, options->shard_count) != options->shard_index) {
			outside++;
			continue;
		}
		/* The slot may hold a team skipped as unchanged: start afresh. */
		team = &batch.teams[batch.count];
		*team = (struct batch_team){ .subject = subject };
		if (explicit_previous != NULL && strcmp(explicit_previous->team, subject->team) == 0) {
			team->previous_path = options->previous_path;
			team->previous_links = INFILE_FOLLOW;
			previous_used = 1;
			if (strcmp(explicit_previous->date, subject->date) >= 0)
				diag_warning(diag, options->previous_path, 0,
					     "dated %s, not before the assessment it is compared with (%s)",
					     explicit_previous->date, subject->date);
		} else if (index > 0 && strcmp(assessments[index - 1].team, subject->team) == 0) {
			team->previous_path = assessments[index - 1].path;
			team->previous_links = assessments[index - 1].links;
		}

		/* Fresh outputs from the same inputs need no work. */
		memcpy(team->digest, resources->digest, sizeof team->digest);
		stamp_add_file(team->digest, subject->path);
		if (team->previous_path != NULL)
			stamp_add_file(team->digest, team->previous_path);
		stamp_add_text(team->digest, batch.generated);
		if (stamp_matches(out, subject->team, team->digest))
			skipped++;
		else
			batch.count++;
	}
	if (explicit_previous != NULL && !previous_used)
		diag_warning(diag, options->previous_path, 0,
			     "team %s is not among the answer sets rendered, so nothing was compared",
			     explicit_previous->team);

	progress_start(&batch.progress, batch.count, !options->quiet && isatty(STDERR_FILENO));
	tasks = (struct pool_tasks){
		.count = batch.count,
		.jobs = options->jobs > 0 ? (unsigned)options->jobs : (unsigned)g_get_num_processors(),
		.run = batch_render_team,
		.finished = batch_team_finished,
		.cancelled = batch_team_cancelled,
		.worker_exit = batch_worker_exit,
		.context = &batch,
	};
	interrupted = batch.count > 0 && !interrupt_requested() ? pool_run(&tasks) : 0;
	interrupted |= interrupt_requested();
	progress_clear(&batch.progress);
	/* Teams never started count as interrupted, not as failed. */
	batch.interrupted = batch.count - batch.rendered - batch.failed;

	/* The portfolio page over every team in the output folder. */
	if (!interrupted) {
		char *folders[] = { (char *)options->out_folder };

		portfolio_failed = portfolio_build(folders, 1, options->out_folder,
						   resources->framework,
						   render_resources_brand(resources->render),
						   render_resources_index(resources->render),
						   batch.generated, diag) != 0;
		interrupted = interrupt_requested();
	}
	if (!options->quiet || interrupted)
		batch_closing_line(&batch, skipped, rejected, outside, portfolio_failed, interrupted,
				   started);
	answers_free(explicit_previous);
	batch_benchmark_free(batch.benchmark);
	free(batch.teams);
	if (interrupted)
		return BATCH_INTERRUPTED;
	return batch.failed > 0 || portfolio_failed ? BATCH_FAILED : BATCH_OK;
}

/* index: the portfolio page over output folders, such as CI shards. */
static enum batch_result
batch_index(const struct options *options, struct diag *diag)
{
	char *schema_folder = xasprintf("%s/content/schema", options->data_folder);
	char *templates = xasprintf("%s/templates", options->data_folder);
	char *fonts = xasprintf("%s/fonts", options->data_folder);
	struct framework *framework = pack_load(options->content_folder, schema_folder, diag);
	struct brand *brand = NULL;
	struct html_template *template = NULL;
	enum batch_result result = BATCH_CONFIGURATION;
	char generated[CALENDAR_DAY_SIZE];

	if (framework != NULL && fonts_register_folder(fonts, diag) == 0)
		brand = brand_load(options->brand_path, schema_folder, options->allow_brand_path, diag);
	if (brand != NULL && fonts_check_family(brand->body_font, options->brand_path, diag) == 0)
		template = html_template_load(templates, "index", diag);
	if (template != NULL) {
		const char *index_folder = options->out_given ? options->out_folder : options->inputs[0];

		calendar_today(generated);
		result = portfolio_build(options->inputs, options->input_count, index_folder, framework,
					 brand, template, generated, diag) == 0
				 ? BATCH_OK
				 : BATCH_FAILED;
		if (result == BATCH_OK && !options->quiet)
			fprintf(stderr, "maturity: wrote %s/index.html, summary.csv and summary.json\n",
				index_folder);
	}
	html_template_free(template);
	brand_free(brand);
	pack_free(framework);
	free(schema_folder);
	free(templates);
	free(fonts);
	return result;
}

/* sample: synthetic answer sets from the pack's own questions. */
static enum batch_result
batch_sample(const struct options *options, struct diag *diag)
{
	char *schema_folder = xasprintf("%s/content/schema", options->data_folder);
	struct framework *framework = pack_load(options->content_folder, schema_folder, diag);
	enum batch_result result = BATCH_CONFIGURATION;

	if (framework != NULL) {
		char today[CALENDAR_DAY_SIZE];

		calendar_today(today);
		result = sample_write(options->out_folder, (size_t)options->sample_teams, options->seed,
				      today, framework, diag) == 0
				 ? BATCH_OK
				 : BATCH_FAILED;
		if (result == BATCH_OK && !options->quiet)
			fprintf(stderr, "maturity: wrote %ld teams into %s\n", options->sample_teams,
				options->out_folder);
	}
	pack_free(framework);
	free(schema_folder);
	return result;
}

/* What the first pass over the answer sets gathers. */
struct batch_pass {
	struct batch_assessment *assessments;  /* render */
	size_t accepted, rejected;
	enum batch_result result;
};

/* One accepted, validated answer set: listed (score), counted (validate)
 * or kept for rendering; path is where render's workers will read it. */
static void
batch_accept(const struct options *options, const struct batch_resources *resources,
	     const struct answers *answers, const char *path, enum infile_links links,
	     struct batch_pass *pass)
{
	struct scores *scores;

	pass->accepted++;
	if (options->command == COMMAND_SCORE) {
		scores = score_compute(resources->framework, answers);
		if (summary_write(stdout, options->summary, resources->framework, answers, scores) != 0)
			pass->result = BATCH_FAILED;
		score_free(scores);
	} else if (options->command == COMMAND_RENDER) {
		struct batch_assessment *assessment;

		pass->assessments = xreallocarray(pass->assessments, pass->accepted,
						  sizeof *pass->assessments);
		assessment = &pass->assessments[pass->accepted - 1];
		*assessment = (struct batch_assessment){ xstrdup(path), links, xstrdup(answers->team),
							 xstrdup(answers->date), NULL };
		if (options->benchmark) {
			size_t domains = resources->framework->domain_count;

			scores = score_compute(resources->framework, answers);
			assessment->domains = xcalloc(domains ? domains : 1, sizeof(double));
			memcpy(assessment->domains, scores->domains, domains * sizeof(double));
			score_free(scores);
		}
	}
}

static int
batch_is_csv(const char *path)
{
	size_t length = strlen(path);

	return length > 4 && strcmp(path + length - 4, ".csv") == 0;
}

/* Writes an imported answer set into folder as TEAM-DATE.xml, after
 * checking it exactly as render checks what it reads: the XML written is
 * parsed again, schema-checked and validated, and only then written.
 * Returns 0 and the file's path in *written (free it; may be NULL), 1
 * when the set is rejected, -1 when it cannot be written (reported). */
static int
batch_write_answer_set(const struct batch_resources *resources,
		       const struct outfile_folder *folder, struct answers *answers,
		       char **written, struct diag *diag)
{
	char *name, *path, *xml;
	struct answers *again;
	size_t length;
	int result = 1;

	if (answers->problems > 0 || validate_answers(answers, resources->framework, diag) != 0)
		return 1;
	name = xasprintf("%s-%s.xml", answers->team, answers->date);
	path = xasprintf("%s/%s", folder->path, name);
	xml = answers_to_xml(answers, &length);
	again = answers_parse(path, xml, length, resources->answers_schema, diag);
	if (again != NULL && validate_answers(again, resources->framework, diag) == 0)
		result = outfile_write(folder, name, xml, length, diag) == 0 ? 0 : -1;
	answers_free(again);
	free(xml);
	free(name);
	if (result == 0 && written != NULL)
		*written = path;
	else
		free(path);
	return result;
}

/* A survey CSV among the inputs: each team's answer set is checked like
 * an XML one; for render it is written under OUT/.maturity-csv/ first,
 * since workers read answer sets from files. */
static void
batch_read_csv(const struct options *options, const struct batch_resources *resources,
	       const struct survey_mapping *mapping, const struct outfile_folder *out,
	       const char *path, struct batch_pass *pass, struct diag *diag)
{
	struct outfile_folder *folder = NULL;
	struct answers **sets;
	size_t problems;
	long count = survey_read(path, resources->framework, mapping, &sets, &problems, diag);

	if (count < 0) {
		pass->rejected++;
		return;
	}
	if (options->command == COMMAND_RENDER) {
		folder = outfile_folder_child(out, ".maturity-csv", OUTFILE_CREATE, diag);
		if (folder == NULL)
			pass->result = BATCH_FAILED;
	}
	for (long index = 0; index < count; index++) {
		struct answers *answers = sets[index];
		char *file = NULL;

		if (options->command != COMMAND_RENDER) {
			if (answers->problems > 0 ||
			    validate_answers(answers, resources->framework, diag) != 0)
				pass->rejected++;
			else
				batch_accept(options, resources, answers, path, INFILE_FOLLOW, pass);
		} else if (folder != NULL) {
			int written = batch_write_answer_set(resources, folder, answers, &file, diag);

			if (written == 0)
				batch_accept(options, resources, answers, file, INFILE_NO_LINKS, pass);
			else if (written > 0)
				pass->rejected++;
			else
				pass->result = BATCH_FAILED;
			free(file);
		}
		answers_free(answers);
	}
	outfile_folder_close(folder);
	free(sets);
}

/* The answer sets of one import input: a CSV file's, or a link's one.
 * Returns how many are in *sets, or -1 when the input is unusable. */
static long
batch_import_read(const struct options *options, const struct batch_resources *resources,
		  const struct survey_mapping *mapping, const char *input, struct answers ***sets,
		  struct diag *diag)
{
	size_t problems = 0;
	struct answers *answers;

	if (strcmp(options->inputs[0], "csv") == 0)
		return survey_read(input, resources->framework, mapping, sets, &problems, diag);
	answers = link_decode(input, options->team, resources->framework, "link", diag);
	if (answers == NULL)
		return -1;
	*sets = xcalloc(1, sizeof **sets);
	(*sets)[0] = answers;
	return 1;
}

/* import csv / import link: answer sets written into -o DIR. */
static enum batch_result
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
		long count = batch_import_read(options, resources, mapping, options->inputs[index],
					       &sets, diag);

		if (count < 0) {
			result = result > BATCH_REJECTED ? result : BATCH_REJECTED;
			continue;
		}
		for (long set = 0; set < count; set++) {
			int outcome = interrupt_requested()
					      ? -1
					      : batch_write_answer_set(resources, folder, sets[set],
								       NULL, diag);

			if (outcome == 0)
				written++;
			else if (outcome > 0 && result < BATCH_REJECTED)
				result = BATCH_REJECTED;
			else if (outcome < 0 && !interrupt_requested())
				result = BATCH_FAILED;
			answers_free(sets[set]);
		}
		free(sets);
	}
	if (!options->quiet && (written > 0 || result == BATCH_OK))
		fprintf(stderr, "maturity: wrote %zu answer set%s into %s\n", written,
			written == 1 ? "" : "s", options->out_folder);
	outfile_folder_close(folder);
	return result;
}

/* export link: each answer set's share link, one per line. */
static enum batch_result
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

enum batch_result
batch_run(const struct options *options, struct diag *diag)
{
	struct batch_resources resources = { 0 };
	struct inputs inputs = { 0 };
	struct batch_assessment *assessments = NULL;
	struct survey_mapping *mapping = NULL;
	struct outfile_folder *out = NULL;
	struct batch_pass pass = { .result = BATCH_OK };
	enum batch_result result = BATCH_OK;
	size_t accepted = 0, rejected = 0, read = 0;

	if (options->command == COMMAND_INDEX)
		return batch_index(options, diag);
	if (options->command == COMMAND_SAMPLE)
		return batch_sample(options, diag);
	if (batch_load_resources(options, &resources, diag) != 0) {
		batch_free_resources(&resources);
		return BATCH_CONFIGURATION;
	}
	if (options->mapping_path != NULL) {
		mapping = survey_mapping_load(options->mapping_path, diag);
		if (mapping == NULL) {
			batch_free_resources(&resources);
			return BATCH_CONFIGURATION;
		}
	}
	if (options->command == COMMAND_IMPORT || options->command == COMMAND_EXPORT) {
		result = options->command == COMMAND_IMPORT
				 ? batch_import(options, &resources, mapping, diag)
				 : batch_export(options, &resources, diag);
		survey_mapping_free(mapping);
		batch_free_resources(&resources);
		return result;
	}
	pass.rejected = inputs_collect(&inputs, options->inputs, options->input_count, diag);

	if (options->command == COMMAND_SCORE &&
	    summary_begin(stdout, options->summary, resources.framework) != 0)
		pass.result = BATCH_FAILED;

	/* Read, validate and score every answer set; keep what render needs. */
	for (; read < inputs.count && !interrupt_requested(); read++) {
		struct answers *answers;

		if (batch_is_csv(inputs.paths[read])) {
			/* render keeps the converted sets in OUT: it is needed now. */
			if (options->command == COMMAND_RENDER && out == NULL &&
			    (out = outfile_folder_open(options->out_folder, diag)) == NULL)
				break;
			batch_read_csv(options, &resources, mapping, out, inputs.paths[read], &pass,
				       diag);
			continue;
		}
		answers = batch_read(options, &resources, inputs.paths[read], inputs.links[read], 0,
				     diag);
		if (answers == NULL) {
			pass.rejected++;
			continue;
		}
		batch_accept(options, &resources, answers, answers->path, inputs.links[read], &pass);
		answers_free(answers);
	}
	if (interrupt_requested())
		fprintf(stderr, "maturity: interrupted after reading %zu of %zu answer files\n", read,
			inputs.count);
	result = interrupt_requested() ? BATCH_INTERRUPTED : pass.result;
	/* An output folder that cannot be made is said once, not per team;
	 * a run that rejects everything makes none. */
	if (options->command == COMMAND_RENDER && pass.accepted > 0 && out == NULL &&
	    result != BATCH_INTERRUPTED && (out = outfile_folder_open(options->out_folder, diag)) == NULL)
		result = BATCH_FAILED;
	if (options->command == COMMAND_RENDER && out == NULL && result != BATCH_INTERRUPTED &&
	    read < inputs.count)
		result = BATCH_FAILED;
	accepted = pass.accepted;
	rejected = pass.rejected;
	assessments = pass.assessments;

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
	if (options->command == COMMAND_RENDER && accepted > 0 && out != NULL &&
	    result != BATCH_INTERRUPTED) {
		enum batch_result rendered = batch_render(options, &resources, out, assessments,
							  accepted, rejected, diag);

		if (rendered > result)
			result = rendered;
	}
	if (rejected > 0 && result == BATCH_OK)
		result = BATCH_REJECTED;
	for (size_t index = 0; index < accepted && assessments != NULL; index++) {
		free(assessments[index].path);
		free(assessments[index].team);
		free(assessments[index].date);
		free(assessments[index].domains);
	}
	free(assessments);
	outfile_folder_close(out);
	survey_mapping_free(mapping);
	inputs_free(&inputs);
	batch_free_resources(&resources);
	return result;
}
