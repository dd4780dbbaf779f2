/* render: the parent reads and validates every answer set, keeps only
 * what grouping needs, and hands each team to a worker process of the
 * pool; then the portfolio is written over the output folder. */
#include "answers.h"
#include "batch_parts.h"
#include "calendar.h"
#include "diag.h"
#include "framework.h"
#include "history.h"
#include "interrupt.h"
#include "model.h"
#include "options.h"
#include "outfile.h"
#include "pool.h"
#include "portfolio.h"
#include "progress.h"
#include "render.h"
#include "score.h"
#include "xalloc.h"

#include <dirent.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Teams a worker renders before a fresh one takes its place: a worker's
 * memory grows by under a kilobyte a team once its caches are warm
 * (font and glyph caches, the heap's fragments), and warming a new one
 * costs about as much as one team. */
enum { BATCH_TEAMS_PER_WORKER = 500 };

/* One accepted assessment, as the parent keeps it. */
struct batch_assessment {
	char *path;
	enum infile_links links;          /* how its file is opened again */
	char *team;
	char *date;
	double *domains;                  /* scores per domain (< 0 not assessed), with --benchmark */
	size_t stage;                     /* index into framework.stages, with --benchmark */
};

/* One team to render: its newest assessment and its history. */
struct batch_team {
	const struct batch_assessment *subject;
	const struct batch_assessment *earlier; /* the team's earlier ones, oldest first */
	size_t earlier_count;
	const char *previous_path;        /* --previous, after the earlier ones; NULL when none */
};

/* What the render command keeps, and what the pool's callbacks share. */
struct batch_render {
	const struct options *options;
	struct batch_resources *resources;
	struct diag *diag;
	struct batch_assessment *assessments;  /* every accepted one, by team then date */
	size_t assessment_count, assessment_capacity;
	GStringChunk *strings;                 /* the assessments' paths, teams and dates */
	struct batch_team *teams;              /* those to render */
	size_t count;
	size_t skipped, outside;               /* unchanged; in other shards */
	const struct outfile_folder *out;      /* OUT, open */
	struct progress progress;
	size_t rendered, failed, interrupted;
	char generated[CALENDAR_DAY_SIZE];
	struct portfolio_figures figures;      /* the portfolio, with --benchmark */
	struct model_benchmark benchmark;      /* a view of figures; domain_count 0 without */
	struct batch_gates *gates;             /* --check: the rules, and every team's results */
};

/* The digest of what every report depends on: the pack, templates,
 * brand, schemas, fonts, the program's version and the options that
 * shape output. */
static void
batch_render_digest(const struct options *options, const struct framework *framework,
		    char digest[STAMP_LENGTH + 1])
{
	char *schema_folder = xasprintf("%s/content/schema", options->data_folder);
	char *templates = xasprintf("%s/templates", options->data_folder);
	char *fonts = xasprintf("%s/fonts", options->data_folder);
	char *settings = xasprintf("%s formats=%u png=%d model=%d document=%d target-stage=%s",
				   MATURITY_VERSION, options->formats, options->chart_png,
				   options->write_model, options->write_document,
				   options->target_stage != NULL ? options->target_stage : "");
	char *brand_folder = g_path_get_dirname(options->brand_path);

	digest[0] = '\0';
	stamp_add_text(digest, settings);
	stamp_add_folder(digest, framework->folder);
	stamp_add_folder(digest, framework->domain_folder);
	if (framework->profile_folder != NULL)
		stamp_add_folder(digest, framework->profile_folder);
	stamp_add_folder(digest, schema_folder);
	stamp_add_folder(digest, templates);
	stamp_add_folder(digest, fonts);
	if (options->messages_path != NULL)
		stamp_add_file(digest, options->messages_path);
	if (options->sections_path != NULL)
		stamp_add_file(digest, options->sections_path);
	if (options->targets_path != NULL)
		stamp_add_file(digest, options->targets_path);
	/* The brand file and what sits beside it (its logo), unless that is
	 * the templates folder, already added. */
	if (!stamp_same_folder(brand_folder, templates))
		stamp_add_folder(digest, brand_folder);
	g_free(brand_folder);
	free(schema_folder);
	free(templates);
	free(fonts);
	free(settings);
}

/* The first pass: each accepted answer set kept by its file. */
static void
batch_render_accept(struct batch_pass *pass, const struct answers *answers, const char *path,
		    enum infile_links links)
{
	struct batch_render *batch = pass->context;
	const struct framework *framework = pass->resources->framework;
	struct batch_assessment *assessment;

	/* Kept compact: the parent's memory is in every worker it forks. */
	if (batch->assessment_count == batch->assessment_capacity) {
		batch->assessment_capacity = batch->assessment_capacity ? 2 * batch->assessment_capacity
									: 64;
		batch->assessments = xreallocarray(batch->assessments, batch->assessment_capacity,
						   sizeof *batch->assessments);
	}
	if (batch->strings == NULL)
		batch->strings = g_string_chunk_new(64 * 1024);
	assessment = &batch->assessments[batch->assessment_count++];
	*assessment = (struct batch_assessment){ g_string_chunk_insert(batch->strings, path), links,
						 g_string_chunk_insert_const(batch->strings,
									     answers->team),
						 g_string_chunk_insert(batch->strings, answers->date),
						 NULL, 0 };
	if (batch->gates != NULL)
		batch_gates_add(batch->gates, answers);
	if (batch->options->benchmark) {
		struct scores *scores = score_compute(framework, answers);
		size_t domains = framework->domain_count;

		assessment->domains = xcalloc(domains ? domains : 1, sizeof(double));
		memcpy(assessment->domains, scores->domains, domains * sizeof(double));
		assessment->stage = scores->stage;
		score_free(scores);
	}
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

/* The team's stamp: what every report depends on, its answer files and
 * the day; computed where it is needed (the parent to skip a fresh team,
 * the worker to write it) rather than kept for every team.  Returns
 * digest. */
static const char *
batch_team_digest(const struct batch_render *batch, const struct batch_team *team,
		  char digest[STAMP_LENGTH + 1])
{
	memcpy(digest, batch->resources->digest, STAMP_LENGTH + 1);
	stamp_add_file(digest, team->subject->path);
	for (size_t earlier = 0; earlier < team->earlier_count; earlier++)
		stamp_add_file(digest, team->earlier[earlier].path);
	if (team->previous_path != NULL)
		stamp_add_file(digest, team->previous_path);
	stamp_add_text(digest, batch->generated);
	return digest;
}

/* In a worker: render one team from its files. */
static int
batch_render_team(size_t task, void *context)
{
	struct batch_render *batch = context;
	const struct batch_team *team = &batch->teams[task];
	const struct framework *framework = batch->resources->framework;
	struct answers *answers;
	struct scores *scores;
	struct history history = { 0 };
	struct model *model;
	struct outfile_folder *folder;
	char digest[STAMP_LENGTH + 1];
	int result;

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
	for (size_t index = 0; index < team->earlier_count; index++)
		history_add(&history, framework,
			    batch_read(batch->options, batch->resources, team->earlier[index].path,
				       team->earlier[index].links, 1, batch->diag));
	if (team->previous_path != NULL)
		history_add(&history, framework,
			    batch_read(batch->options, batch->resources, team->previous_path,
				       INFILE_FOLLOW, 1, batch->diag));
	scores = score_compute(framework, answers);
	model = model_build(framework, answers, scores, history.earlier, history.count,
			    batch->resources->targets, batch->generated);
	if (batch->options->benchmark)
		model_apply_benchmark(model, &batch->benchmark);
	result = render_team(batch->resources->render, batch->options, folder, model, batch->diag);

	/* The stamp goes last: only a complete set of outputs is fresh. */
	if (result == 0)
		result = stamp_write(folder, batch_team_digest(batch, team, digest), batch->diag);
	else
		stamp_remove(folder);
	outfile_folder_close(folder);
	model_free(model);
	score_free(scores);
	answers_free(answers);
	history_free(&history);
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

/* The portfolio each team is compared with (--benchmark): the teams the
 * output folder holds once this run is done, the same teams index.html
 * then shows.  Those of this run count at their newest assessment, and
 * every other team in OUT as its summary.json has it.  The medians shape
 * every report, so they join the digest: a new one re-renders all. */
static void
batch_benchmark(struct batch_render *batch)
{
	const struct framework *framework = batch->resources->framework;
	struct portfolio_figures *figures = &batch->figures;
	char **teams = xcalloc(batch->assessment_count ? batch->assessment_count : 1, sizeof *teams);
	size_t team_count = 0;

	portfolio_figures_init(figures, framework);
	for (size_t index = 0; index < batch->assessment_count; index++) {
		const struct batch_assessment *assessment = &batch->assessments[index];

		if (index + 1 < batch->assessment_count &&
		    strcmp(batch->assessments[index + 1].team, assessment->team) == 0)
			continue;
		portfolio_figures_add(figures, assessment->stage, -1, assessment->domains);
		teams[team_count++] = assessment->team;
	}
	portfolio_figures_add_folder(figures, batch->options->out_folder, framework, teams,
				     team_count);
	portfolio_figures_finish(figures);
	for (size_t domain = 0; domain < figures->domain_count; domain++) {
		char text[64];

		snprintf(text, sizeof text, "median %zu %.2f %zu", domain, figures->medians[domain],
			 figures->assessed[domain]);
		stamp_add_text(batch->resources->digest, text);
	}
	batch->benchmark = (struct model_benchmark){ figures->domain_count, figures->medians,
						     figures->scores, figures->assessed };
	free(teams);
}

/* The closing line of render: teams by outcome, each counted once; the
 * portfolio and an interruption are said apart from the teams. */
static void
batch_closing_line(const struct batch_render *batch, size_t rejected, int portfolio_failed,
		   int interrupted, double started)
{
	GString *line = g_string_new(NULL);

	g_string_printf(line, "%zu rendered, %zu unchanged, %zu rejected, %zu failed",
			batch->rendered, batch->skipped, rejected, batch->failed);
	if (batch->interrupted > 0)
		g_string_append_printf(line, ", %zu interrupted", batch->interrupted);
	if (batch->outside > 0)
		g_string_append_printf(line, ", %zu in other shards", batch->outside);
	if (portfolio_failed)
		g_string_append(line, "; the portfolio could not be written");
	g_string_append_printf(line, " in %.1f s%s", g_get_monotonic_time() / 1e6 - started,
			       interrupted ? " (interrupted)" : "");
	diag_status(batch->diag, "%s", line->str);
	g_string_free(line, TRUE);
}

/* The team's history before subject: every earlier assessment of the
 * team (first, the index of its oldest), and --previous when it names
 * the same team, which becomes the one compared with: the earlier ones
 * dated on or after it leave the history, and it is warned about when it
 * is not older than subject.  Returns whether it is --previous. */
static int
batch_history(struct batch_render *batch, size_t index, size_t first,
	      const struct answers *explicit_previous, struct batch_team *team)
{
	const struct batch_assessment *subject = &batch->assessments[index];
	const char *previous_path = batch->options->previous_path;

	team->earlier = &batch->assessments[first];
	team->earlier_count = index - first;
	if (explicit_previous == NULL || strcmp(explicit_previous->team, subject->team) != 0)
		return 0;
	team->previous_path = previous_path;
	while (team->earlier_count > 0 &&
	       strcmp(team->earlier[team->earlier_count - 1].date, explicit_previous->date) >= 0)
		team->earlier_count--;
	if (strcmp(explicit_previous->date, subject->date) >= 0)
		diag_warning(batch->diag, previous_path, 0,
			     "dated %s, not before the assessment it is compared with (%s)",
			     explicit_previous->date, subject->date);
	return 1;
}

/* One task per team of this shard whose outputs are not fresh: its newest
 * assessment, and every earlier one.  Returns whether --previous was
 * used. */
static int
batch_plan(struct batch_render *batch, const struct answers *explicit_previous)
{
	char digest[STAMP_LENGTH + 1];
	int previous_used = 0;

	batch->teams = xcalloc(batch->assessment_count ? batch->assessment_count : 1,
			       sizeof *batch->teams);
	for (size_t index = 0, first = 0; index < batch->assessment_count; index++) {
		const struct batch_assessment *subject = &batch->assessments[index];
		struct batch_team *team;

		if (index > 0 && strcmp(batch->assessments[index - 1].team, subject->team) != 0)
			first = index;
		if (index + 1 < batch->assessment_count &&
		    strcmp(batch->assessments[index + 1].team, subject->team) == 0)
			continue;
		if (batch->options->shard_count > 0 &&
		    batch_shard_of(subject->team, batch->options->shard_count) !=
			    batch->options->shard_index) {
			batch->outside++;
			continue;
		}
		/* The slot may hold a team skipped as unchanged: start afresh. */
		team = &batch->teams[batch->count];
		*team = (struct batch_team){ .subject = subject };
		previous_used |= batch_history(batch, index, first, explicit_previous, team);

		/* Fresh outputs from the same inputs need no work. */
		if (stamp_matches(batch->out, subject->team, batch_team_digest(batch, team, digest)))
			batch->skipped++;
		else
			batch->count++;
	}
	return previous_used;
}

/* The teams through the pool of workers.  Returns whether the run was
 * interrupted. */
static int
batch_run_pool(struct batch_render *batch)
{
	struct pool_tasks tasks = {
		.count = batch->count,
		.jobs = batch->options->jobs > 0 ? (unsigned)batch->options->jobs
						  : (unsigned)g_get_num_processors(),
		.tasks_per_worker = BATCH_TEAMS_PER_WORKER,
		.run = batch_render_team,
		.finished = batch_team_finished,
		.cancelled = batch_team_cancelled,
		.worker_exit = batch_worker_exit,
		.context = batch,
	};
	int interrupted;

	progress_start(&batch->progress, batch->count,
		       !batch->options->quiet && isatty(STDERR_FILENO));
	interrupted = batch->count > 0 && !interrupt_requested() ? pool_run(&tasks) : 0;
	interrupted |= interrupt_requested();
	progress_clear(&batch->progress);
	/* Teams never started count as interrupted, not as failed. */
	batch->interrupted = batch->count - batch->rendered - batch->failed;
	return interrupted;
}

/* Every team's newest assessment rendered, compared with the one before;
 * then the portfolio page over every team in the output folder. */
static enum batch_result
batch_render_teams(struct batch_render *batch, size_t rejected)
{
	const struct options *options = batch->options;
	struct answers *explicit_previous = NULL;
	int interrupted, portfolio_failed = 0;
	double started = g_get_monotonic_time() / 1e6;

	if (options->previous_path != NULL) {
		explicit_previous = batch_read(options, batch->resources, options->previous_path,
					       INFILE_FOLLOW, 0, batch->diag);
		if (explicit_previous == NULL)
			return BATCH_CONFIGURATION;
	}
	calendar_today(batch->generated);
	batch_render_digest(options, batch->resources->framework, batch->resources->digest);
	qsort(batch->assessments, batch->assessment_count, sizeof *batch->assessments,
	      batch_compare);
	if (options->benchmark)
		batch_benchmark(batch);
	if (!batch_plan(batch, explicit_previous) && explicit_previous != NULL)
		diag_warning(batch->diag, options->previous_path, 0,
			     "team %s is not among the answer sets rendered, so nothing was compared",
			     explicit_previous->team);
	interrupted = batch_run_pool(batch);
	if (!interrupted) {
		char *folders[] = { (char *)options->out_folder };

		portfolio_failed = portfolio_build(folders, 1, options->out_folder,
						   batch->resources->framework,
						   render_resources_brand(batch->resources->render),
						   render_resources_index(batch->resources->render),
						   batch->generated, batch->diag) != 0;
		interrupted = interrupt_requested();
	}
	if (!options->quiet || interrupted)
		batch_closing_line(batch, rejected, portfolio_failed, interrupted, started);
	answers_free(explicit_previous);
	if (interrupted)
		return BATCH_INTERRUPTED;
	return batch->failed > 0 || portfolio_failed ? BATCH_FAILED : BATCH_OK;
}

enum batch_result
batch_render(const struct options *options, struct batch_resources *resources,
	     const struct survey_mapping *mapping, struct diag *diag)
{
	struct batch_render batch = { .options = options, .resources = resources, .diag = diag };
	struct batch_pass pass = { .options = options, .resources = resources, .mapping = mapping,
				   .diag = diag, .accept = batch_render_accept, .context = &batch,
				   .keep_csv = 1, .result = BATCH_OK };
	enum batch_result result;

	if (options->check && (batch.gates = batch_gates_new(options, resources->framework, diag)) == NULL)
		return BATCH_CONFIGURATION;
	batch_read_all(&pass);
	result = interrupt_requested() ? BATCH_INTERRUPTED : pass.result;
	/* An output folder that cannot be made is said once, not per team;
	 * a run that rejects everything makes none. */
	if (pass.out_failed && result != BATCH_INTERRUPTED)
		result = BATCH_FAILED;
	else if (pass.accepted > 0 && pass.out == NULL && result != BATCH_INTERRUPTED &&
		 (pass.out = outfile_folder_open(options->out_folder, diag)) == NULL)
		result = BATCH_FAILED;
	batch.out = pass.out;
	if (pass.accepted > 0 && pass.out != NULL && result != BATCH_INTERRUPTED) {
		enum batch_result rendered = batch_render_teams(&batch, pass.rejected);

		if (rendered > result)
			result = rendered;
	}
	/* --check after rendering: a breach says more than a rejected set, less
	 * than an output that failed. */
	if (batch.gates != NULL && pass.accepted > 0 && result != BATCH_INTERRUPTED &&
	    !interrupt_requested()) {
		enum batch_result checked = batch_gates_finish(batch.gates, options, diag);

		if (checked == BATCH_FAILED && result == BATCH_OK)
			result = BATCH_FAILED;
		else if (checked == BATCH_BREACHED && result == BATCH_OK)
			result = BATCH_BREACHED;
	}
	batch_gates_free(batch.gates);
	if (pass.rejected > 0 && result == BATCH_OK)
		result = BATCH_REJECTED;
	for (size_t index = 0; index < batch.assessment_count; index++)
		free(batch.assessments[index].domains);
	free(batch.assessments);
	if (batch.strings != NULL)
		g_string_chunk_free(batch.strings);
	free(batch.teams);
	if (options->benchmark)
		portfolio_figures_release(&batch.figures);
	outfile_folder_close(pass.out);
	return result;
}
