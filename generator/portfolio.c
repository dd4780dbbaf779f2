/* The portfolio; see portfolio.h.  Reading is two passes over the teams'
 * summaries, so memory stays flat however many teams there are: the
 * first gathers the figures (stage counts, the domains' medians) and the
 * order, the others read each team again, in order, as it is written. */
#include "portfolio.h"

#include "answers.h"
#include "brand.h"
#include "chart.h"
#include "csvout.h"
#include "diag.h"
#include "framework.h"
#include "html.h"
#include "infile.h"
#include "interrupt.h"
#include "model.h"
#include "outfile.h"
#include "score.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PORTFOLIO_NAMESPACE "urn:maturity:portfolio:1"

enum {
	PORTFOLIO_JSON_FLAGS = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15),
	PORTFOLIO_SUMMARY_MAX_BYTES = 1024 * 1024,  /* a team's summary.json */
	PORTFOLIO_CHUNK = 256,                       /* teams per piece of the page */
};

static const char *const portfolio_outputs[] = { "report.html", "report.pdf", "roadmap.md",
						 "roadmap.csv" };

enum { PORTFOLIO_OUTPUTS = sizeof portfolio_outputs / sizeof *portfolio_outputs };

static json_t *
portfolio_score(double value)
{
	return value < 0 ? json_null() : json_real(value);
}

int
portfolio_write_team(const struct outfile_folder *folder, const struct model *model,
		     struct diag *diag)
{
	const struct framework *framework = model->framework;
	json_t *summary = json_object(), *domains = json_object(), *files = json_array();
	char *text;
	int result;

	json_object_set_new(summary, "team", json_string(model->answers->team));
	json_object_set_new(summary, "name", json_string(model->answers->name));
	if (model->answers->organization != NULL)
		json_object_set_new(summary, "organization",
				    json_string(model->answers->organization));
	json_object_set_new(summary, "date", json_string(model->answers->date));
	json_object_set_new(summary, "respondents",
			    json_integer((json_int_t)model->answers->respondent_count));
	json_object_set_new(summary, "content", json_string(framework->id));
	json_object_set_new(summary, "stage", json_string(framework->stages[model->stage].id));
	json_object_set_new(summary, "overall", json_real(model->overall));
	json_object_set_new(summary, "score10", json_real(model->display));
	for (size_t index = 0; index < model->domain_count; index++)
		json_object_set_new(domains, framework->domains[index].id,
				    portfolio_score(model->domains[index].assessed
							    ? model->domains[index].score
							    : -1));
	json_object_set_new(summary, "domains", domains);
	if (model->has_previous) {
		json_t *previous = json_object();

		json_object_set_new(previous, "date", json_string(model->previous->date));
		json_object_set_new(previous, "overall", json_real(model->previous_overall));
		json_object_set_new(previous, "change", json_real(model->overall_change));
		json_object_set_new(summary, "previous", previous);
	}
	/* Which reports sit beside it, for the portfolio's links. */
	for (size_t index = 0; index < PORTFOLIO_OUTPUTS; index++) {
		struct stat status;

		if (fstatat(folder->descriptor, portfolio_outputs[index], &status,
			    AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(status.st_mode))
			json_array_append_new(files, json_string(portfolio_outputs[index]));
	}
	json_object_set_new(summary, "files", files);
	text = json_dumps(summary, PORTFOLIO_JSON_FLAGS | JSON_INDENT(2));
	json_decref(summary);
	if (text == NULL) {
		diag_error(diag, folder->path, 0, "cannot serialize the summary");
		return -1;
	}
	result = outfile_write(folder, "summary.json", text, strlen(text), diag);
	free(text);
	return result;
}

/* One team as read back from its summary.json: what the portfolio shows.
 * Only one is held at a time, while it is written. */
struct portfolio_team {
	char *id;
	char *name;
	char *date;
	char *link;             /* the team's folder relative to the index */
	double overall;
	double score10;
	double change;          /* valid when has_change */
	int has_change;
	size_t stage;
	unsigned files;         /* bit i: portfolio_outputs[i] was written */
	double *domains;        /* per framework domain, < 0 when not assessed */
};

/* One folder of teams named to the portfolio (an OUT, or a CI shard). */
struct portfolio_source {
	int descriptor;         /* O_DIRECTORY */
	const char *path;
	char *link;             /* the folder relative to the index folder */
};

/* A team found by the first pass: where its summary is, and its id for
 * the order. */
struct portfolio_entry {
	char *id;
	char *folder_name;      /* its folder's name in its source */
	size_t source;
};

/* What the first pass gathers. */
struct portfolio_scan {
	struct portfolio_source *sources;
	size_t source_count;
	GArray *entries;        /* of struct portfolio_entry, in team order after the scan */
	GArray **columns;       /* per domain: the assessed teams' scores (double) */
	size_t *assessed;       /* per domain: how many */
	double *medians;        /* per domain, -1 when none assessed */
	size_t *weakest;        /* domain indexes, weakest median first */
	size_t *stage_counts;
};

/* The path of target relative to the folder base, both existing: the
 * common leading folders dropped, one "../" for each of base's others. */
static char *
portfolio_relative(const char *base, const char *target)
{
	char base_real[PATH_MAX], target_real[PATH_MAX];
	size_t common = 0;
	GString *relative;

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
	char *result = xstrdup(relative->str);
	g_string_free(relative, TRUE);
	return result;
}

/* A string member of a JSON object, or "" when absent. */
static const char *
portfolio_text(const json_t *object, const char *key)
{
	const char *value = json_string_value(json_object_get(object, key));

	return value != NULL ? value : "";
}

static void
portfolio_team_free(struct portfolio_team *team)
{
	free(team->id);
	free(team->name);
	free(team->date);
	free(team->link);
	free(team->domains);
	memset(team, 0, sizeof *team);
}

/* The summary in folder_name of source, parsed: NULL when there is none
 * (*present 0, nothing said) or it is unusable (*present 1, reported).
 * Neither the team's folder nor its summary may be a symbolic link. */
static json_t *
portfolio_summary_load(const struct portfolio_source *source, const char *folder_name,
		       int *present, struct diag *diag)
{
	char *display = xasprintf("%s/%s/summary.json", source->path, folder_name);
	int folder = openat(source->descriptor, folder_name,
			    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	json_t *summary = NULL;
	json_error_t error;
	struct stat status;
	size_t length;
	char *data = NULL;
	int descriptor;

	*present = 0;
	if (folder < 0 || fstatat(folder, "summary.json", &status, AT_SYMLINK_NOFOLLOW) != 0)
		goto done;
	*present = 1;
	descriptor = infile_open_at(folder, "summary.json", display, INFILE_NO_LINKS, diag);
	if (descriptor >= 0)
		data = infile_read_descriptor(descriptor, display, PORTFOLIO_SUMMARY_MAX_BYTES, &length,
					      diag);
	if (data == NULL)
		goto done;
	summary = json_loadb(data, length, JSON_REJECT_DUPLICATES, &error);
	if (summary == NULL || !json_is_object(summary) ||
	    !json_is_string(json_object_get(summary, "team")) ||
	    !json_is_string(json_object_get(summary, "stage"))) {
		diag_error(diag, display, summary ? 0 : error.line, "not a team summary%s%s",
			   summary ? "" : ": ", summary ? "" : error.text);
		json_decref(summary);
		summary = NULL;
	}
done:
	if (folder >= 0)
		close(folder);
	free(data);
	free(display);
	return summary;
}

/* A summary's stage as an index into the pack's stages (0 when unknown). */
static size_t
portfolio_stage(const json_t *summary, const struct framework *framework)
{
	const char *stage = portfolio_text(summary, "stage");

	for (size_t index = 0; index < framework->stage_count; index++)
		if (strcmp(framework->stages[index].id, stage) == 0)
			return index;
	return 0;
}

/* A summary's score of domain, or -1 when not assessed. */
static double
portfolio_domain(const json_t *summary, const struct framework *framework, size_t domain)
{
	json_t *value = json_object_get(json_object_get(summary, "domains"),
					framework->domains[domain].id);

	return json_is_number(value) ? json_number_value(value) : -1;
}

/* Reads entry's summary again into team, for writing. */
static int
portfolio_team_read(const struct portfolio_scan *scan, const struct portfolio_entry *entry,
		    const struct framework *framework, struct portfolio_team *team,
		    struct diag *diag)
{
	const struct portfolio_source *source = &scan->sources[entry->source];
	int present;
	json_t *summary = portfolio_summary_load(source, entry->folder_name, &present, diag);
	json_t *previous, *files, *file;
	size_t index;

	memset(team, 0, sizeof *team);
	if (summary == NULL) {
		if (!present)
			diag_error(diag, source->path, 0, "%s/summary.json went away while the "
				   "portfolio was written", entry->folder_name);
		return -1;
	}
	team->id = xstrdup(portfolio_text(summary, "team"));
	team->name = xstrdup(portfolio_text(summary, "name"));
	team->date = xstrdup(portfolio_text(summary, "date"));
	team->link = source->link[0] != '\0'
			     ? xasprintf("%s/%s", source->link, entry->folder_name)
			     : xstrdup(entry->folder_name);
	team->overall = json_number_value(json_object_get(summary, "overall"));
	team->score10 = json_number_value(json_object_get(summary, "score10"));
	files = json_object_get(summary, "files");
	json_array_foreach(files, index, file)
		for (size_t output = 0; output < PORTFOLIO_OUTPUTS; output++)
			if (strcmp(json_string_value(file) ? json_string_value(file) : "",
				   portfolio_outputs[output]) == 0)
				team->files |= 1u << output;
	previous = json_object_get(summary, "previous");
	if (json_is_object(previous)) {
		team->has_change = 1;
		team->change = json_number_value(json_object_get(previous, "change"));
	}
	team->stage = portfolio_stage(summary, framework);
	team->domains = xcalloc(framework->domain_count ? framework->domain_count : 1,
				sizeof *team->domains);
	for (size_t domain = 0; domain < framework->domain_count; domain++)
		team->domains[domain] = portfolio_domain(summary, framework, domain);
	json_decref(summary);
	return 0;
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

static int
portfolio_compare_names(const void *left, const void *right)
{
	return strcmp(*(char *const *)left, *(char *const *)right);
}

/* The names in a folder, hidden ones left out, in name order. */
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
	qsort(names, *count, sizeof *names, portfolio_compare_names);
	return names;
}

/* First pass over one source: each team's id, stage and domain scores. */
static void
portfolio_scan_source(struct portfolio_scan *scan, size_t source_index,
		      const struct framework *framework, struct diag *diag)
{
	const struct portfolio_source *source = &scan->sources[source_index];
	size_t count;
	char **names = portfolio_folder_names(source, &count, diag);

	for (size_t index = 0; index < count; index++) {
		int present;
		json_t *summary = interrupt_requested() ? NULL
							 : portfolio_summary_load(source, names[index],
										  &present, diag);

		if (summary != NULL) {
			struct portfolio_entry entry = { xstrdup(portfolio_text(summary, "team")),
							 names[index], source_index };

			if (strcmp(portfolio_text(summary, "content"), framework->id) != 0) {
				char *display = xasprintf("%s/%s/summary.json", source->path,
							  names[index]);

				diag_warning(diag, display, 0, "scored with content pack \"%s\", not %s",
					     portfolio_text(summary, "content"), framework->id);
				free(display);
			}
			g_array_append_val(scan->entries, entry);
			names[index] = NULL;
			scan->stage_counts[portfolio_stage(summary, framework)]++;
			for (size_t domain = 0; domain < framework->domain_count; domain++) {
				double value = portfolio_domain(summary, framework, domain);

				if (value >= 0)
					g_array_append_val(scan->columns[domain], value);
			}
			json_decref(summary);
		}
		free(names[index]);
	}
	free(names);
}

/* The first pass over every source, then the figures: stage counts, each
 * domain's median and the domains weakest across the portfolio.  Returns
 * 0, or -1 when a source cannot be opened (reported). */
static int
portfolio_scan(struct portfolio_scan *scan, char *const *folders, size_t folder_count,
	       const char *index_folder, const struct framework *framework, struct diag *diag)
{
	size_t domains = framework->domain_count ? framework->domain_count : 1;
	int failed = 0;

	scan->sources = xcalloc(folder_count ? folder_count : 1, sizeof *scan->sources);
	scan->entries = g_array_new(FALSE, FALSE, sizeof(struct portfolio_entry));
	scan->columns = xcalloc(domains, sizeof *scan->columns);
	scan->assessed = xcalloc(domains, sizeof *scan->assessed);
	scan->medians = xcalloc(domains, sizeof *scan->medians);
	scan->weakest = xcalloc(domains, sizeof *scan->weakest);
	scan->stage_counts = xcalloc(framework->stage_count ? framework->stage_count : 1,
				     sizeof *scan->stage_counts);
	for (size_t domain = 0; domain < framework->domain_count; domain++)
		scan->columns[domain] = g_array_new(FALSE, FALSE, sizeof(double));
	for (size_t index = 0; index < folder_count; index++) {
		struct portfolio_source *source = &scan->sources[scan->source_count];

		source->descriptor = open(folders[index], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (source->descriptor < 0) {
			diag_error(diag, folders[index], 0, "cannot read folder: %s", strerror(errno));
			failed = 1;
			continue;
		}
		source->path = folders[index];
		source->link = portfolio_relative(index_folder, folders[index]);
		if (strcmp(source->link, ".") == 0)
			source->link[0] = '\0';
		portfolio_scan_source(scan, scan->source_count++, framework, diag);
	}

	/* One list in team order, however many folders (shards) it came from. */
	g_array_sort(scan->entries, portfolio_compare_entries);
	for (size_t domain = 0; domain < framework->domain_count; domain++) {
		GArray *column = scan->columns[domain];

		scan->assessed[domain] = column->len;
		scan->medians[domain] =
			column->len ? score_median((double *)(void *)column->data, column->len) : -1;
		scan->weakest[domain] = domain;
	}
	for (size_t index = 1; index < framework->domain_count; index++) {
		size_t position = index, moving = scan->weakest[index];
		double key = scan->medians[moving] < 0 ? 99 : scan->medians[moving];

		while (position > 0 && (scan->medians[scan->weakest[position - 1]] < 0
						? 99
						: scan->medians[scan->weakest[position - 1]]) > key) {
			scan->weakest[position] = scan->weakest[position - 1];
			position--;
		}
		scan->weakest[position] = moving;
	}
	return failed ? -1 : 0;
}

static void
portfolio_scan_free(struct portfolio_scan *scan, const struct framework *framework)
{
	for (size_t index = 0; index < scan->source_count; index++) {
		close(scan->sources[index].descriptor);
		free(scan->sources[index].link);
	}
	for (size_t index = 0; scan->entries != NULL && index < scan->entries->len; index++) {
		struct portfolio_entry *entry = &g_array_index(scan->entries, struct portfolio_entry,
							       index);

		free(entry->id);
		free(entry->folder_name);
	}
	if (scan->entries != NULL)
		g_array_free(scan->entries, TRUE);
	for (size_t domain = 0; scan->columns != NULL && domain < framework->domain_count; domain++)
		g_array_free(scan->columns[domain], TRUE);
	free(scan->sources);
	free(scan->columns);
	free(scan->assessed);
	free(scan->medians);
	free(scan->weakest);
	free(scan->stage_counts);
}

static void
portfolio_attribute(xmlNodePtr node, const char *name, const char *format, double value)
{
	char text[32];

	snprintf(text, sizeof text, format, value);
	xmlNewProp(node, (const xmlChar *)name, (const xmlChar *)text);
}

/* The portfolio as XML for the index template, without its teams. */
static xmlDocPtr
portfolio_xml(const struct portfolio_scan *scan, const struct framework *framework,
	      const char *generated)
{
	xmlDocPtr document = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = xmlNewDocNode(document, NULL, (const xmlChar *)"portfolio", NULL);
	size_t count = scan->entries->len;
	xmlNodePtr list;
	char number[32];

	xmlDocSetRootElement(document, root);
	xmlSetNs(root, xmlNewNs(root, (const xmlChar *)PORTFOLIO_NAMESPACE, NULL));
	xmlNewProp(root, (const xmlChar *)"generated", (const xmlChar *)generated);
	snprintf(number, sizeof number, "%zu", count);
	xmlNewProp(root, (const xmlChar *)"teams", (const xmlChar *)number);
	xmlNewProp(root, (const xmlChar *)"content", (const xmlChar *)framework->id);
	xmlNewTextChild(root, root->ns, (const xmlChar *)"title", (const xmlChar *)framework->title);

	list = xmlNewChild(root, root->ns, (const xmlChar *)"stages", NULL);
	for (size_t index = 0; index < framework->stage_count; index++) {
		xmlNodePtr node = xmlNewTextChild(list, root->ns, (const xmlChar *)"stage",
						  (const xmlChar *)framework->stages[index].label);

		xmlNewProp(node, (const xmlChar *)"id", (const xmlChar *)framework->stages[index].id);
		portfolio_attribute(node, "min", "%.2f", framework->stages[index].minimum);
		portfolio_attribute(node, "count", "%.0f", (double)scan->stage_counts[index]);
		portfolio_attribute(node, "fraction", "%.4f",
				    count ? (double)scan->stage_counts[index] / (double)count : 0);
	}
	list = xmlNewChild(root, root->ns, (const xmlChar *)"domains", NULL);
	for (size_t rank = 0; rank < framework->domain_count; rank++) {
		size_t index = scan->weakest[rank];
		xmlNodePtr node = xmlNewTextChild(list, root->ns, (const xmlChar *)"domain",
						  (const xmlChar *)framework->domains[index].label);

		xmlNewProp(node, (const xmlChar *)"id", (const xmlChar *)framework->domains[index].id);
		portfolio_attribute(node, "number", "%.0f", (double)index + 1);
		portfolio_attribute(node, "weakest-rank", "%.0f", (double)rank + 1);
		portfolio_attribute(node, "assessed", "%.0f", (double)scan->assessed[index]);
		if (scan->assessed[index] > 0) {
			portfolio_attribute(node, "median", "%.2f", scan->medians[index]);
			portfolio_attribute(node, "fraction", "%.4f", (scan->medians[index] - 1) / 3);
			xmlNewProp(node, (const xmlChar *)"band",
				   (const xmlChar *)framework->stages[framework_stage_for(
									      framework,
									      scan->medians[index])]
					   .id);
		}
	}
	return document;
}

/* One team under the portfolio element root. */
static void
portfolio_xml_team(xmlNodePtr root, const struct portfolio_team *team,
		   const struct framework *framework)
{
	xmlNodePtr node = xmlNewChild(root, root->ns, (const xmlChar *)"team", NULL);

	xmlNewProp(node, (const xmlChar *)"id", (const xmlChar *)team->id);
	xmlNewProp(node, (const xmlChar *)"date", (const xmlChar *)team->date);
	xmlNewProp(node, (const xmlChar *)"stage", (const xmlChar *)framework->stages[team->stage].id);
	portfolio_attribute(node, "overall", "%.2f", team->overall);
	portfolio_attribute(node, "score10", "%.1f", team->score10);
	if (team->has_change)
		portfolio_attribute(node, "change", "%+.2f", team->change);
	xmlNewProp(node, (const xmlChar *)"folder", (const xmlChar *)team->link);
	xmlNewTextChild(node, root->ns, (const xmlChar *)"name", (const xmlChar *)team->name);
	for (size_t output = 0; output < PORTFOLIO_OUTPUTS; output++) {
		xmlNodePtr link;
		char *href;

		if (!(team->files & (1u << output)))
			continue;
		link = xmlNewTextChild(node, root->ns, (const xmlChar *)"file",
				       (const xmlChar *)portfolio_outputs[output]);
		href = xasprintf("%s/%s", team->link, portfolio_outputs[output]);
		xmlNewProp(link, (const xmlChar *)"href", (const xmlChar *)href);
		free(href);
	}
	for (size_t domain = 0; domain < framework->domain_count; domain++) {
		xmlNodePtr score = xmlNewChild(node, root->ns, (const xmlChar *)"score", NULL);

		xmlNewProp(score, (const xmlChar *)"domain",
			   (const xmlChar *)framework->domains[domain].id);
		if (team->domains[domain] >= 0) {
			portfolio_attribute(score, "value", "%.2f", team->domains[domain]);
			xmlNewProp(score, (const xmlChar *)"band",
				   (const xmlChar *)framework->stages[framework_stage_for(
									      framework,
									      team->domains[domain])]
					   .id);
		}
	}
}

static void
portfolio_csv_header(FILE *stream, const struct framework *framework)
{
	fputs("team,name,date,stage,overall,score10,change", stream);
	for (size_t domain = 0; domain < framework->domain_count; domain++)
		fprintf(stream, ",%s", framework->domains[domain].id);
	fputs(",folder", stream);
	csvout_end_row(stream);
}

static void
portfolio_csv_team(FILE *stream, const struct portfolio_team *team,
		   const struct framework *framework)
{
	csvout_text(stream, team->id, 1);
	csvout_text(stream, team->name, 0);
	csvout_text(stream, team->date, 0);
	csvout_text(stream, framework->stages[team->stage].id, 0);
	csvout_number(stream, team->overall, 2, 0);
	csvout_number(stream, team->score10, 1, 0);
	if (team->has_change)
		csvout_number(stream, team->change, 2, 0);
	else
		csvout_empty(stream, 0);
	for (size_t domain = 0; domain < framework->domain_count; domain++) {
		if (team->domains[domain] >= 0)
			csvout_number(stream, team->domains[domain], 2, 0);
		else
			csvout_empty(stream, 0);
	}
	csvout_text(stream, team->link, 0);
	csvout_end_row(stream);
}

/* summary.json's head: the portfolio's figures, without its closing brace,
 * so that the team list can follow it team by team. */
static void
portfolio_json_head(FILE *stream, const struct portfolio_scan *scan,
		    const struct framework *framework)
{
	json_t *head = json_object(), *stages = json_object(), *median = json_object();
	json_t *weak = json_array();
	char *text;
	size_t length;

	json_object_set_new(head, "content", json_string(framework->id));
	json_object_set_new(head, "teams", json_integer((json_int_t)scan->entries->len));
	for (size_t index = 0; index < framework->stage_count; index++)
		json_object_set_new(stages, framework->stages[index].id,
				    json_integer((json_int_t)scan->stage_counts[index]));
	json_object_set_new(head, "stages", stages);
	for (size_t index = 0; index < framework->domain_count; index++) {
		size_t weakest = scan->weakest[index];

		json_object_set_new(median, framework->domains[index].id,
				    scan->assessed[index] ? json_real(scan->medians[index])
							  : json_null());
		if (scan->assessed[weakest] && json_array_size(weak) < 3)
			json_array_append_new(weak, json_string(framework->domains[weakest].id));
	}
	json_object_set_new(head, "median", median);
	json_object_set_new(head, "weakest", weak);
	text = json_dumps(head, PORTFOLIO_JSON_FLAGS | JSON_INDENT(2));
	json_decref(head);
	length = text ? strlen(text) : 0;
	while (length > 0 && text[length - 1] != '}')
		length--;
	if (length > 0)
		length--;
	while (length > 0 && (text[length - 1] == '\n' || text[length - 1] == ' '))
		length--;
	fwrite(text ? text : "{", 1, text ? length : 1, stream);
	fputs(",\n  \"team_list\": [", stream);
	free(text);
}

static void
portfolio_json_team(FILE *stream, const struct portfolio_team *team,
		    const struct framework *framework, int first)
{
	json_t *entry = json_object(), *domains = json_object(), *files = json_array();

	json_object_set_new(entry, "team", json_string(team->id));
	json_object_set_new(entry, "name", json_string(team->name));
	json_object_set_new(entry, "date", json_string(team->date));
	json_object_set_new(entry, "stage", json_string(framework->stages[team->stage].id));
	json_object_set_new(entry, "overall", json_real(team->overall));
	json_object_set_new(entry, "score10", json_real(team->score10));
	if (team->has_change)
		json_object_set_new(entry, "change", json_real(team->change));
	for (size_t domain = 0; domain < framework->domain_count; domain++)
		json_object_set_new(domains, framework->domains[domain].id,
				    portfolio_score(team->domains[domain]));
	json_object_set_new(entry, "domains", domains);
	for (size_t output = 0; output < PORTFOLIO_OUTPUTS; output++)
		if (team->files & (1u << output))
			json_array_append_new(files, json_string(portfolio_outputs[output]));
	json_object_set_new(entry, "files", files);
	json_object_set_new(entry, "folder", json_string(team->link));
	fputs(first ? "\n    " : ",\n    ", stream);
	json_dumpf(entry, stream, PORTFOLIO_JSON_FLAGS);
	json_decref(entry);
}

/* summary.csv and summary.json, one team at a time. */
static int
portfolio_write_data(const struct outfile_folder *folder, const struct portfolio_scan *scan,
		     const struct framework *framework, struct diag *diag)
{
	struct outfile csv, json;
	int failed = 0;

	if (outfile_open(&csv, folder, "summary.csv", diag) != 0)
		return -1;
	if (outfile_open(&json, folder, "summary.json", diag) != 0) {
		outfile_abort(&csv);
		return -1;
	}
	portfolio_csv_header(csv.stream, framework);
	portfolio_json_head(json.stream, scan, framework);
	for (size_t index = 0; index < scan->entries->len && !failed; index++) {
		struct portfolio_team team;

		if (interrupt_requested() ||
		    portfolio_team_read(scan, &g_array_index(scan->entries, struct portfolio_entry,
							     index),
					framework, &team, diag) != 0) {
			failed = 1;
			break;
		}
		portfolio_csv_team(csv.stream, &team, framework);
		portfolio_json_team(json.stream, &team, framework, index == 0);
		portfolio_team_free(&team);
	}
	fputs(scan->entries->len ? "\n  ]\n}\n" : "]\n}\n", json.stream);
	if (failed) {
		outfile_abort(&csv);
		outfile_abort(&json);
		return -1;
	}
	failed |= outfile_commit(&csv, diag) != 0;
	failed |= outfile_commit(&json, diag) != 0;
	return failed ? -1 : 0;
}

/* What the page's rows need. */
struct portfolio_page {
	const struct portfolio_scan *scan;
	const struct framework *framework;
	const char *generated;
	struct diag *diag;
};

/* A section of the page's rows: every team, a chunk at a time, each chunk
 * a portfolio document of its own that the template turns into rows. */
static int
portfolio_page_rows(struct html_rows *rows, const char *section, void *context)
{
	const struct portfolio_page *page = context;
	const struct portfolio_scan *scan = page->scan;

	(void)section;
	for (size_t start = 0; start < scan->entries->len; start += PORTFOLIO_CHUNK) {
		xmlDocPtr chunk = portfolio_xml(scan, page->framework, page->generated);
		xmlNodePtr root = xmlDocGetRootElement(chunk);

		for (size_t index = start; index < scan->entries->len && index < start + PORTFOLIO_CHUNK;
		     index++) {
			struct portfolio_team team;

			if (interrupt_requested() ||
			    portfolio_team_read(scan,
						&g_array_index(scan->entries, struct portfolio_entry, index),
						page->framework, &team, page->diag) != 0) {
				xmlFreeDoc(chunk);
				return -1;
			}
			portfolio_xml_team(root, &team, page->framework);
			portfolio_team_free(&team);
		}
		if (html_rows_write(rows, chunk) != 0)
			return -1;
	}
	return 0;
}

int
portfolio_build(char *const *folders, size_t folder_count, const char *index_folder,
		const struct framework *framework, const struct brand *brand,
		const struct html_template *template, const char *generated, struct diag *diag)
{
	struct portfolio_scan scan = { 0 };
	struct outfile_folder *folder = outfile_folder_open(index_folder, diag);
	int failed = folder == NULL;

	if (!failed)
		failed = portfolio_scan(&scan, folders, folder_count, index_folder, framework, diag) != 0;
	if (!failed)
		failed = portfolio_write_data(folder, &scan, framework, diag) != 0;
	if (!failed && template != NULL) {
		struct portfolio_page page = { &scan, framework, generated, diag };
		struct chart_input chart;
		struct chart_series *series;
		char label[96], thresholds[CHART_THRESHOLDS_MAX][96];

		snprintf(label, sizeof label, "Portfolio median (%u teams)", scan.entries->len);
		chart_input_init(&chart, framework->domain_count);
		chart.stage_count = framework->stage_count;
		for (size_t axis = 0; axis < framework->domain_count; axis++)
			chart.labels[axis] = framework->domains[axis].label;
		series = chart_input_add_series(&chart, CHART_CURRENT, label);
		for (size_t axis = 0; axis < framework->domain_count; axis++)
			series->values[axis] = scan.medians[axis];
		for (size_t stage = 1; stage < framework->stage_count &&
				       chart.threshold_count < CHART_THRESHOLDS_MAX; stage++) {
			struct chart_threshold *threshold = &chart.thresholds[chart.threshold_count];

			snprintf(thresholds[chart.threshold_count], sizeof thresholds[0], "%s from %.2f",
				 framework->stages[stage].label, framework->stages[stage].minimum);
			threshold->value = framework->stages[stage].minimum;
			threshold->stage = stage;
			threshold->label = thresholds[chart.threshold_count++];
		}
		failed = html_render_rows(folder, "index.html", template,
					  portfolio_xml(&scan, framework, generated),
					  scan.entries->len > 0 ? &chart : NULL, framework, brand,
					  portfolio_page_rows, &page, diag) != 0;
		chart_input_release(&chart);
	}
	portfolio_scan_free(&scan, framework);
	outfile_folder_close(folder);
	return failed ? -1 : 0;
}
