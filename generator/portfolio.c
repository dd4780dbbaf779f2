/* The portfolio read and its figures; see portfolio.h.  Reading is two
 * passes over the teams' summaries, so memory stays flat however many
 * teams there are: portfolio_read gathers the figures and the order, and
 * the writers read each team again, in order, as it is written. */
#include "portfolio.h"

#include "diag.h"
#include "framework.h"
#include "infile.h"
#include "interrupt.h"
#include "outfile.h"
#include "score.h"
#include "summary.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { PORTFOLIO_SUMMARY_MAX_BYTES = 1024 * 1024 };  /* a team's summary.json */

/* One folder of teams named to the portfolio (an OUT, or a CI shard). */
struct portfolio_source {
	int descriptor;         /* O_DIRECTORY */
	const char *path;
	char *link;             /* the folder relative to the index folder, "" for itself */
};

/* A team found by the first pass: where its summary is, and its id for
 * the order. */
struct portfolio_entry {
	char *id;
	char *folder_name;      /* its folder's name in its source */
	size_t source;
	struct portfolio_track track;  /* its assessments among the portfolio's points */
};

struct portfolio {
	const struct framework *framework;
	struct portfolio_source *sources;
	size_t source_count;
	struct portfolio_entry *entries;  /* in team order once read */
	size_t entry_count;
	struct portfolio_figures figures;
	struct portfolio_units *units;
	struct portfolio_point *points;   /* every team's assessments, a few bytes each */
	size_t point_count;
	struct portfolio_quarters quarters;
	char first_date[11], last_date[11]; /* of the teams' latest assessments, "" when none */
};

void
portfolio_figures_init(struct portfolio_figures *figures, const struct framework *framework)
{
	size_t domains = framework->domain_count ? framework->domain_count : 1;

	*figures = (struct portfolio_figures){
		.stage_count = framework->stage_count,
		.stages = xcalloc(framework->stage_count ? framework->stage_count : 1, sizeof(size_t)),
		.overall_median = -1,
		.domain_count = framework->domain_count,
		.scores = xcalloc(domains, sizeof(double *)),
		.assessed = xcalloc(domains, sizeof(size_t)),
		.room = xcalloc(domains, sizeof(size_t)),
		.medians = xcalloc(domains, sizeof(double)),
		.weakest = xcalloc(domains, sizeof(size_t)),
	};
}

void
portfolio_figures_add(struct portfolio_figures *figures, size_t stage, double overall,
		      const double *domains)
{
	figures->teams++;
	if (stage < figures->stage_count)
		figures->stages[stage]++;
	if (overall >= 0) {
		if (figures->overall_count == figures->overall_room) {
			figures->overall_room = figures->overall_room ? 2 * figures->overall_room : 64;
			figures->overalls = xreallocarray(figures->overalls, figures->overall_room,
							  sizeof(double));
		}
		figures->overalls[figures->overall_count++] = overall;
	}
	for (size_t domain = 0; domain < figures->domain_count; domain++) {
		if (domains[domain] < 0)
			continue;
		if (figures->assessed[domain] == figures->room[domain]) {
			figures->room[domain] = figures->room[domain] ? 2 * figures->room[domain] : 64;
			figures->scores[domain] = xreallocarray(figures->scores[domain],
							       figures->room[domain], sizeof(double));
		}
		figures->scores[domain][figures->assessed[domain]++] = domains[domain];
	}
}

/* A domain in the weakest order: its median (a domain nobody was
 * assessed in goes last), then the pack's order. */
struct portfolio_rank {
	double median;
	size_t domain;
};

static int
portfolio_compare_ranks(const void *left, const void *right)
{
	const struct portfolio_rank *a = left, *b = right;

	if (a->median != b->median)
		return a->median < b->median ? -1 : 1;
	return a->domain < b->domain ? -1 : a->domain > b->domain;
}

void
portfolio_figures_finish(struct portfolio_figures *figures)
{
	struct portfolio_rank *ranks = xcalloc(figures->domain_count ? figures->domain_count : 1,
					       sizeof *ranks);

	if (figures->overall_count > 0)
		figures->overall_median = score_median(figures->overalls, figures->overall_count);
	for (size_t domain = 0; domain < figures->domain_count; domain++) {
		figures->medians[domain] =
			figures->assessed[domain] > 0
				? score_median(figures->scores[domain], figures->assessed[domain])
				: -1;
		ranks[domain] = (struct portfolio_rank){
			figures->medians[domain] < 0 ? HUGE_VAL : figures->medians[domain], domain
		};
	}
	qsort(ranks, figures->domain_count, sizeof *ranks, portfolio_compare_ranks);
	for (size_t rank = 0; rank < figures->domain_count; rank++)
		figures->weakest[rank] = ranks[rank].domain;
	free(ranks);
}

void
portfolio_figures_release(struct portfolio_figures *figures)
{
	for (size_t domain = 0; figures->scores != NULL && domain < figures->domain_count; domain++)
		free(figures->scores[domain]);
	free(figures->stages);
	free(figures->overalls);
	free(figures->scores);
	free(figures->assessed);
	free(figures->room);
	free(figures->medians);
	free(figures->weakest);
	memset(figures, 0, sizeof *figures);
}

/* The path of target relative to the folder base, both existing: the
 * common leading folders dropped, one "../" for each of base's others. */
static char *
portfolio_relative(const char *base, const char *target)
{
	char base_real[PATH_MAX], target_real[PATH_MAX];
	size_t common = 0;
	GString *relative;
	char *result;

	if (realpath(base, base_real) == NULL || realpath(target, target_real) == NULL)
		return xstrdup(target);
	while (base_real[common] != '\0' && base_real[common] == target_real[common])
		common++;
	/* Back up to a folder boundary unless base ends exactly there. */
	if (!(base_real[common] == '\0' && (target_real[common] == '/' || target_real[common] == '\0'))) {
		while (common > 0 && base_real[common - 1] != '/')
			common--;
		if (common > 0)
			common--;
	}
	relative = g_string_new(NULL);
	for (const char *cursor = base_real + common; *cursor != '\0'; cursor++)
		if (*cursor == '/')
			g_string_append(relative, "../");
	g_string_append(relative, target_real[common] == '/' ? target_real + common + 1
							    : target_real + common);
	result = xstrdup(relative->str);
	g_string_free(relative, TRUE);
	return result;
}

/* The summary in folder_name of source into summary: 0; 1 when there is
 * none (nothing said); -1 when it is unusable (reported).  Neither the
 * team's folder nor its summary may be a symbolic link. */
static int
portfolio_summary_load(const struct portfolio_source *source, const char *folder_name,
		       const struct framework *framework, struct summary *summary,
		       struct diag *diag)
{
	char *display = xasprintf("%s/%s/summary.json", source->path, folder_name);
	int folder = openat(source->descriptor, folder_name,
			    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	struct stat status;
	size_t length;
	char *data = NULL;
	int descriptor, result = 1;

	if (folder >= 0 && fstatat(folder, "summary.json", &status, AT_SYMLINK_NOFOLLOW) == 0) {
		result = -1;
		descriptor = infile_open_at(folder, "summary.json", display, INFILE_NO_LINKS, diag);
		if (descriptor >= 0)
			data = infile_read_descriptor(descriptor, display, PORTFOLIO_SUMMARY_MAX_BYTES,
						      &length, diag);
		if (data != NULL && summary_parse(summary, data, length, framework, display, diag) == 0)
			result = 0;
	}
	if (folder >= 0)
		close(folder);
	free(data);
	free(display);
	return result;
}

static int
portfolio_compare_names(const void *left, const void *right)
{
	return strcmp(*(char *const *)left, *(char *const *)right);
}

/* The names in a folder, hidden ones left out, in name order; NULL after
 * reporting when it cannot be read. */
static char **
portfolio_folder_names(const struct portfolio_source *source, size_t *count, struct diag *diag)
{
	int descriptor = dup(source->descriptor);
	DIR *directory = descriptor >= 0 ? fdopendir(descriptor) : NULL;
	struct dirent *entry;
	char **names = NULL;

	*count = 0;
	if (directory == NULL) {
		diag_error(diag, source->path, 0, "cannot read folder: %s", strerror(errno));
		if (descriptor >= 0)
			close(descriptor);
		return NULL;
	}
	while ((entry = readdir(directory)) != NULL) {
		if (entry->d_name[0] == '.')
			continue;
		names = xreallocarray(names, *count + 1, sizeof *names);
		names[(*count)++] = xstrdup(entry->d_name);
	}
	closedir(directory);
	if (*count > 1)
		qsort(names, *count, sizeof *names, portfolio_compare_names);
	return names;
}

/* Opens folder as a source; -1 in its descriptor after reporting. */
static struct portfolio_source
portfolio_source_open(const char *folder, const char *index_folder, struct diag *diag)
{
	struct portfolio_source source = { open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC), folder,
					   NULL };

	if (source.descriptor < 0) {
		diag_error(diag, folder, 0, "cannot read folder: %s", strerror(errno));
		return source;
	}
	source.link = index_folder != NULL ? portfolio_relative(index_folder, folder) : xstrdup("");
	if (strcmp(source.link, ".") == 0)
		source.link[0] = '\0';
	return source;
}

/* What to do with each team a scan finds, besides adding it to figures. */
struct portfolio_scan {
	const struct framework *framework;
	struct portfolio_figures *figures;
	char *const *skip;                 /* sorted ids left out, or NULL */
	size_t skip_count;
	struct portfolio *portfolio;       /* NULL: keep no entries */
	struct diag *diag;
};

/* A team's assessments (its history, or its one assessment) appended to
 * the portfolio's points. */
static struct portfolio_track
portfolio_add_points(struct portfolio *portfolio, const struct summary *summary)
{
	struct portfolio_track track = { portfolio->point_count,
					 summary->history_count ? summary->history_count : 1 };

	portfolio->points = xreallocarray(portfolio->points, portfolio->point_count + track.count,
					  sizeof *portfolio->points);
	for (size_t index = 0; index < track.count; index++) {
		const char *date = summary->history_count ? summary->history[index].date : summary->date;
		size_t stage = summary->history_count ? summary->history[index].stage : summary->stage;

		portfolio->points[portfolio->point_count++] =
			(struct portfolio_point){ portfolio_quarter_of(date), (uint32_t)stage };
	}
	return track;
}

static void
portfolio_scan_team(struct portfolio_scan *scan, const struct portfolio_source *source,
		    size_t source_index, char **name)
{
	struct summary summary;
	struct portfolio *portfolio = scan->portfolio;

	if (portfolio_summary_load(source, *name, scan->framework, &summary, scan->diag) != 0)
		return;
	if (scan->skip != NULL && bsearch(&summary.team, scan->skip, scan->skip_count,
					  sizeof *scan->skip, portfolio_compare_names) != NULL) {
		summary_release(&summary);
		return;
	}
	if (strcmp(summary.content, scan->framework->id) != 0) {
		char *display = xasprintf("%s/%s/summary.json", source->path, *name);

		diag_warning(scan->diag, display, 0, "scored with content pack \"%s\", not %s",
			     summary.content, scan->framework->id);
		free(display);
	}
	portfolio_figures_add(scan->figures, summary.stage, summary.overall, summary.domains);
	if (portfolio != NULL) {
		portfolio->entries = xreallocarray(portfolio->entries, portfolio->entry_count + 1,
						   sizeof *portfolio->entries);
		portfolio->entries[portfolio->entry_count++] = (struct portfolio_entry){
			xstrdup(summary.team), *name, source_index,
			portfolio_add_points(portfolio, &summary)
		};
		*name = NULL;
		if (portfolio->first_date[0] == '\0' || strcmp(summary.date, portfolio->first_date) < 0)
			snprintf(portfolio->first_date, sizeof portfolio->first_date, "%.10s", summary.date);
		if (strcmp(summary.date, portfolio->last_date) > 0)
			snprintf(portfolio->last_date, sizeof portfolio->last_date, "%.10s", summary.date);
		portfolio_units_add(portfolio->units, summary.unit, summary.stage, summary.overall,
				    summary.domains);
	}
	summary_release(&summary);
}

/* The first pass over one source: each team's stage and domain scores. */
static void
portfolio_scan_source(struct portfolio_scan *scan, const struct portfolio_source *source,
		      size_t source_index)
{
	size_t count;
	char **names = portfolio_folder_names(source, &count, scan->diag);

	for (size_t index = 0; index < count; index++) {
		if (!interrupt_requested())
			portfolio_scan_team(scan, source, source_index, &names[index]);
		free(names[index]);
	}
	free(names);
}

void
portfolio_figures_add_folder(struct portfolio_figures *figures, const char *folder,
			     const struct framework *framework, char *const *skip,
			     size_t skip_count)
{
	struct diag quiet;
	struct portfolio_source source;
	struct portfolio_scan scan = { framework, figures, skip, skip_count, NULL, &quiet };

	diag_init(&quiet, NULL);
	source = portfolio_source_open(folder, NULL, &quiet);
	if (source.descriptor < 0)
		return;
	portfolio_scan_source(&scan, &source, 0);
	close(source.descriptor);
	free(source.link);
}

static int
portfolio_compare_entries(const void *left, const void *right)
{
	const struct portfolio_entry *a = left, *b = right;
	int order = strcmp(a->id, b->id);

	if (order == 0)
		order = a->source < b->source ? -1 : a->source > b->source;
	return order;
}

/* The quarters, from the teams' points in team order. */
static void
portfolio_read_quarters(struct portfolio *portfolio)
{
	struct portfolio_track *tracks = xcalloc(portfolio->entry_count ? portfolio->entry_count : 1,
						 sizeof *tracks);

	for (size_t index = 0; index < portfolio->entry_count; index++)
		tracks[index] = portfolio->entries[index].track;
	portfolio_quarters_compute(&portfolio->quarters, portfolio->points, tracks,
				   portfolio->entry_count, portfolio->framework->stage_count);
	free(tracks);
}

struct portfolio *
portfolio_read(char *const *folders, size_t folder_count, const char *index_folder,
	       const struct framework *framework, struct diag *diag)
{
	struct portfolio *portfolio = xcalloc(1, sizeof *portfolio);
	struct portfolio_scan scan = { framework, &portfolio->figures, NULL, 0, portfolio, diag };
	int failed = 0;

	portfolio->framework = framework;
	portfolio_figures_init(&portfolio->figures, framework);
	portfolio->units = portfolio_units_new(framework);
	portfolio->sources = xcalloc(folder_count ? folder_count : 1, sizeof *portfolio->sources);
	for (size_t index = 0; index < folder_count; index++) {
		struct portfolio_source source = portfolio_source_open(folders[index], index_folder,
								       diag);

		if (source.descriptor < 0) {
			failed = 1;
			continue;
		}
		portfolio->sources[portfolio->source_count] = source;
		portfolio_scan_source(&scan, &portfolio->sources[portfolio->source_count],
				      portfolio->source_count);
		portfolio->source_count++;
	}
	/* One list in team order, however many folders (shards) it came from. */
	if (portfolio->entry_count > 1)
		qsort(portfolio->entries, portfolio->entry_count, sizeof *portfolio->entries,
		      portfolio_compare_entries);
	portfolio_figures_finish(&portfolio->figures);
	portfolio_units_finish(portfolio->units);
	portfolio_read_quarters(portfolio);
	if (failed) {
		portfolio_free(portfolio);
		return NULL;
	}
	return portfolio;
}

size_t
portfolio_team_count(const struct portfolio *portfolio)
{
	return portfolio->entry_count;
}

const struct portfolio_figures *
portfolio_figures_of(const struct portfolio *portfolio)
{
	return &portfolio->figures;
}

const struct portfolio_units *
portfolio_units_of(const struct portfolio *portfolio)
{
	return portfolio->units;
}

const struct portfolio_quarters *
portfolio_quarters_of(const struct portfolio *portfolio)
{
	return &portfolio->quarters;
}

int
portfolio_dates(const struct portfolio *portfolio, const char **first, const char **last)
{
	*first = portfolio->first_date;
	*last = portfolio->last_date;
	return portfolio->entry_count > 0;
}

const char *
portfolio_team_id(const struct portfolio *portfolio, size_t index)
{
	return portfolio->entries[index].id;
}

int
portfolio_team(const struct portfolio *portfolio, size_t index, struct summary *summary,
	       char **link, struct diag *diag)
{
	const struct portfolio_entry *entry = &portfolio->entries[index];
	const struct portfolio_source *source = &portfolio->sources[entry->source];
	int loaded = portfolio_summary_load(source, entry->folder_name, portfolio->framework,
					    summary, diag);

	if (loaded != 0) {
		if (loaded > 0)
			diag_error(diag, source->path, 0,
				   "%s/summary.json went away while the portfolio was written",
				   entry->folder_name);
		return -1;
	}
	*link = source->link[0] != '\0' ? xasprintf("%s/%s", source->link, entry->folder_name)
					 : xstrdup(entry->folder_name);
	return 0;
}

void
portfolio_free(struct portfolio *portfolio)
{
	if (portfolio == NULL)
		return;
	for (size_t index = 0; index < portfolio->source_count; index++) {
		close(portfolio->sources[index].descriptor);
		free(portfolio->sources[index].link);
	}
	for (size_t index = 0; index < portfolio->entry_count; index++) {
		free(portfolio->entries[index].id);
		free(portfolio->entries[index].folder_name);
	}
	free(portfolio->sources);
	free(portfolio->entries);
	free(portfolio->points);
	portfolio_figures_release(&portfolio->figures);
	portfolio_units_free(portfolio->units);
	portfolio_quarters_release(&portfolio->quarters);
	free(portfolio);
}

int
portfolio_build(char *const *folders, size_t folder_count, const char *index_folder,
		const struct framework *framework, const struct brand *brand,
		const struct portfolio_page *page, const char *generated, struct diag *diag)
{
	/* The index folder first: links are made relative to it. */
	struct outfile_folder *folder = outfile_folder_open(index_folder, diag);
	struct portfolio *portfolio = NULL;
	int result = -1;

	if (folder != NULL)
		portfolio = portfolio_read(folders, folder_count, index_folder, framework, diag);
	if (portfolio != NULL)
		result = portfolio_write(portfolio, folder, framework, brand, page, generated, diag);
	portfolio_free(portfolio);
	outfile_folder_close(folder);
	return result;
}
