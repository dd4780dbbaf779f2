/* The portfolio; see portfolio.h. */
#include "portfolio.h"

#include "answers.h"
#include "brand.h"
#include "chart.h"
#include "csvout.h"
#include "diag.h"
#include "framework.h"
#include "html.h"
#include "model.h"
#include "outfile.h"
#include "score.h"
#include "xalloc.h"

#include <glib.h>
#include <dirent.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PORTFOLIO_NAMESPACE "urn:maturity:portfolio:1"

enum { PORTFOLIO_JSON_FLAGS = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) };

static const char *const portfolio_outputs[] = { "report.html", "report.pdf", "roadmap.md",
						 "roadmap.csv" };

static json_t *
portfolio_score(double value)
{
	return value < 0 ? json_null() : json_real(value);
}

int
portfolio_write_team(const char *folder, const struct model *model, struct diag *diag)
{
	const struct framework *framework = model->framework;
	json_t *summary = json_object(), *domains = json_object(), *files = json_array();
	char *path = xasprintf("%s/summary.json", folder);
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
	for (size_t index = 0; index < sizeof portfolio_outputs / sizeof *portfolio_outputs; index++) {
		char *output = xasprintf("%s/%s", folder, portfolio_outputs[index]);
		struct stat status;

		if (stat(output, &status) == 0)
			json_array_append_new(files, json_string(portfolio_outputs[index]));
		free(output);
	}
	json_object_set_new(summary, "files", files);
	text = json_dumps(summary, PORTFOLIO_JSON_FLAGS | JSON_INDENT(2));
	json_decref(summary);
	if (text == NULL) {
		diag_error(diag, path, 0, "cannot serialize the summary");
		free(path);
		return -1;
	}
	result = outfile_write(path, text, strlen(text), diag);
	free(text);
	free(path);
	return result;
}

enum { PORTFOLIO_OUTPUTS = sizeof portfolio_outputs / sizeof *portfolio_outputs };

/* One team as read back from its summary.json: only what the portfolio
 * shows, so that memory stays small however many teams there are. */
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

static int
portfolio_compare_teams(const void *left, const void *right)
{
	const struct portfolio_team *a = left, *b = right;

	return strcmp(a->id, b->id);
}

static int
portfolio_compare_names(const void *left, const void *right)
{
	return strcmp(*(char *const *)left, *(char *const *)right);
}

/* Reads the summaries of the teams in folder. */
static void
portfolio_read_folder(const char *folder, const char *index_folder,
		      const struct framework *framework, struct portfolio_team **teams,
		      size_t *count, struct diag *diag)
{
	DIR *directory = opendir(folder);
	struct dirent *entry;
	char **names = NULL;
	size_t name_count = 0;

	if (directory == NULL) {
		diag_error(diag, folder, 0, "cannot read folder");
		return;
	}
	while ((entry = readdir(directory)) != NULL) {
		if (entry->d_name[0] == '.')
			continue;
		names = xreallocarray(names, name_count + 1, sizeof *names);
		names[name_count++] = xstrdup(entry->d_name);
	}
	closedir(directory);
	qsort(names, name_count, sizeof *names, portfolio_compare_names);

	for (size_t index = 0; index < name_count; index++) {
		char *team_folder = xasprintf("%s/%s", folder, names[index]);
		char *path = xasprintf("%s/summary.json", team_folder);
		json_error_t error;
		json_t *summary;
		struct stat status;

		free(names[index]);
		if (stat(path, &status) != 0) {
			free(team_folder);
			free(path);
			continue;
		}
		summary = json_load_file(path, JSON_REJECT_DUPLICATES, &error);
		if (summary == NULL || !json_is_object(summary) ||
		    !json_is_string(json_object_get(summary, "team")) ||
		    !json_is_string(json_object_get(summary, "stage"))) {
			diag_error(diag, path, summary ? 0 : error.line, "not a team summary%s%s",
				   summary ? "" : ": ", summary ? "" : error.text);
			json_decref(summary);
			free(team_folder);
			free(path);
			continue;
		}
		if (strcmp(portfolio_text(summary, "content"), framework->id) != 0)
			diag_warning(diag, path, 0, "scored with content pack \"%s\", not %s",
				     portfolio_text(summary, "content"), framework->id);

		struct portfolio_team *team;
		json_t *domains = json_object_get(summary, "domains");
		json_t *previous = json_object_get(summary, "previous");
		const char *stage = portfolio_text(summary, "stage");

		*teams = xreallocarray(*teams, *count + 1, sizeof **teams);
		team = &(*teams)[(*count)++];
		memset(team, 0, sizeof *team);
		team->id = xstrdup(portfolio_text(summary, "team"));
		team->name = xstrdup(portfolio_text(summary, "name"));
		team->date = xstrdup(portfolio_text(summary, "date"));
		team->link = portfolio_relative(index_folder, team_folder);
		team->overall = json_number_value(json_object_get(summary, "overall"));
		team->score10 = json_number_value(json_object_get(summary, "score10"));
		{
			json_t *files = json_object_get(summary, "files"), *file;
			size_t file_index;

			json_array_foreach(files, file_index, file)
				for (size_t output = 0; output < PORTFOLIO_OUTPUTS; output++)
					if (strcmp(json_string_value(file) ? json_string_value(file) : "",
						   portfolio_outputs[output]) == 0)
						team->files |= 1u << output;
		}
		if (json_is_object(previous)) {
			team->has_change = 1;
			team->change = json_number_value(json_object_get(previous, "change"));
		}
		for (size_t stage_index = 0; stage_index < framework->stage_count; stage_index++)
			if (strcmp(framework->stages[stage_index].id, stage) == 0)
				team->stage = stage_index;
		team->domains = xcalloc(framework->domain_count ? framework->domain_count : 1,
					sizeof *team->domains);
		for (size_t domain = 0; domain < framework->domain_count; domain++) {
			json_t *value = json_object_get(domains, framework->domains[domain].id);

			team->domains[domain] = json_is_number(value) ? json_number_value(value) : -1;
		}
		json_decref(summary);
		free(team_folder);
		free(path);
	}
	free(names);
}

static void
portfolio_attribute(xmlNodePtr node, const char *name, const char *format, double value)
{
	char text[32];

	snprintf(text, sizeof text, format, value);
	xmlNewProp(node, (const xmlChar *)name, (const xmlChar *)text);
}

/* The portfolio as XML for the index template. */
static xmlDocPtr
portfolio_xml(const struct portfolio_team *teams, size_t count, const double *medians,
	      const size_t *assessed, const size_t *weakest, const size_t *stage_counts,
	      const struct framework *framework, const char *generated)
{
	xmlDocPtr document = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = xmlNewDocNode(document, NULL, (const xmlChar *)"portfolio", NULL);
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
		portfolio_attribute(node, "count", "%.0f", (double)stage_counts[index]);
		portfolio_attribute(node, "fraction", "%.4f",
				    count ? (double)stage_counts[index] / (double)count : 0);
	}
	list = xmlNewChild(root, root->ns, (const xmlChar *)"domains", NULL);
	for (size_t rank = 0; rank < framework->domain_count; rank++) {
		size_t index = weakest[rank];
		xmlNodePtr node = xmlNewTextChild(list, root->ns, (const xmlChar *)"domain",
						  (const xmlChar *)framework->domains[index].label);

		xmlNewProp(node, (const xmlChar *)"id", (const xmlChar *)framework->domains[index].id);
		portfolio_attribute(node, "number", "%.0f", (double)index + 1);
		portfolio_attribute(node, "weakest-rank", "%.0f", (double)rank + 1);
		portfolio_attribute(node, "assessed", "%.0f", (double)assessed[index]);
		if (assessed[index] > 0) {
			portfolio_attribute(node, "median", "%.2f", medians[index]);
			portfolio_attribute(node, "fraction", "%.4f", (medians[index] - 1) / 3);
			xmlNewProp(node, (const xmlChar *)"band",
				   (const xmlChar *)framework->stages[framework_stage_for(
									      framework, medians[index])]
					   .id);
		}
	}
	for (size_t index = 0; index < count; index++) {
		const struct portfolio_team *team = &teams[index];
		xmlNodePtr node = xmlNewChild(root, root->ns, (const xmlChar *)"team", NULL);

		xmlNewProp(node, (const xmlChar *)"id", (const xmlChar *)team->id);
		xmlNewProp(node, (const xmlChar *)"date", (const xmlChar *)team->date);
		xmlNewProp(node, (const xmlChar *)"stage",
			   (const xmlChar *)framework->stages[team->stage].id);
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
	return document;
}

static int
portfolio_write_csv(const char *path, const struct portfolio_team *teams, size_t count,
		    const struct framework *framework, struct diag *diag)
{
	struct outfile file;

	if (outfile_open(&file, path, diag) != 0)
		return -1;
	fputs("team,name,date,stage,overall,score10,change", file.stream);
	for (size_t domain = 0; domain < framework->domain_count; domain++)
		fprintf(file.stream, ",%s", framework->domains[domain].id);
	fputs(",folder", file.stream);
	csvout_end_row(file.stream);
	for (size_t index = 0; index < count; index++) {
		const struct portfolio_team *team = &teams[index];

		csvout_text(file.stream, team->id, 1);
		csvout_text(file.stream, team->name, 0);
		csvout_text(file.stream, team->date, 0);
		csvout_text(file.stream, framework->stages[team->stage].id, 0);
		csvout_number(file.stream, team->overall, 2, 0);
		csvout_number(file.stream, team->score10, 1, 0);
		if (team->has_change)
			csvout_number(file.stream, team->change, 2, 0);
		else
			csvout_empty(file.stream, 0);
		for (size_t domain = 0; domain < framework->domain_count; domain++) {
			if (team->domains[domain] >= 0)
				csvout_number(file.stream, team->domains[domain], 2, 0);
			else
				csvout_empty(file.stream, 0);
		}
		csvout_text(file.stream, team->link, 0);
		csvout_end_row(file.stream);
	}
	return outfile_commit(&file, diag);
}

/* summary.json, written team by team so that it never sits whole in
 * memory: the portfolio's figures, then one object per team. */
static int
portfolio_write_json(const char *path, const struct portfolio_team *teams, size_t count,
		     const double *medians, const size_t *assessed, const size_t *weakest,
		     const size_t *stage_counts, const struct framework *framework,
		     struct diag *diag)
{
	json_t *head = json_object(), *stages = json_object(), *median = json_object();
	json_t *weak = json_array();
	struct outfile file;
	char *text;
	size_t length;

	if (outfile_open(&file, path, diag) != 0) {
		json_decref(head);
		json_decref(stages);
		json_decref(median);
		json_decref(weak);
		return -1;
	}
	json_object_set_new(head, "content", json_string(framework->id));
	json_object_set_new(head, "teams", json_integer((json_int_t)count));
	for (size_t index = 0; index < framework->stage_count; index++)
		json_object_set_new(stages, framework->stages[index].id,
				    json_integer((json_int_t)stage_counts[index]));
	json_object_set_new(head, "stages", stages);
	for (size_t index = 0; index < framework->domain_count; index++) {
		json_object_set_new(median, framework->domains[index].id,
				    assessed[index] ? json_real(medians[index]) : json_null());
		if (assessed[weakest[index]] && json_array_size(weak) < 3)
			json_array_append_new(weak, json_string(framework->domains[weakest[index]].id));
	}
	json_object_set_new(head, "median", median);
	json_object_set_new(head, "weakest", weak);

	/* The head without its closing brace, then the list, then the brace. */
	text = json_dumps(head, PORTFOLIO_JSON_FLAGS | JSON_INDENT(2));
	json_decref(head);
	length = text ? strlen(text) : 0;
	while (length > 0 && text[length - 1] != '}')
		length--;
	if (length > 0)
		length--;
	while (length > 0 && (text[length - 1] == '\n' || text[length - 1] == ' '))
		length--;
	fwrite(text ? text : "{", 1, text ? length : 1, file.stream);
	fputs(",\n  \"team_list\": [", file.stream);
	free(text);
	for (size_t index = 0; index < count; index++) {
		const struct portfolio_team *team = &teams[index];
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
		fputs(index ? ",\n    " : "\n    ", file.stream);
		json_dumpf(entry, file.stream, PORTFOLIO_JSON_FLAGS);
		json_decref(entry);
	}
	fputs(count ? "\n  ]\n}\n" : "]\n}\n", file.stream);
	return outfile_commit(&file, diag);
}

int
portfolio_build(char *const *folders, size_t folder_count, const char *index_folder,
		const struct framework *framework, const struct brand *brand,
		const struct html_template *template, const char *generated, struct diag *diag)
{
	struct portfolio_team *teams = NULL;
	size_t count = 0, domains = framework->domain_count ? framework->domain_count : 1;
	double *medians = xcalloc(domains, sizeof *medians);
	double *column = NULL;
	size_t *assessed = xcalloc(domains, sizeof *assessed);
	size_t *weakest = xcalloc(domains, sizeof *weakest);
	size_t *stage_counts = xcalloc(framework->stage_count ? framework->stage_count : 1,
				       sizeof *stage_counts);
	int failed = 0;

	if (outfile_make_folders(index_folder, diag) != 0)
		failed = 1;
	for (size_t index = 0; index < folder_count && !failed; index++)
		portfolio_read_folder(folders[index], index_folder, framework, &teams, &count, diag);

	/* One list in team order, however many folders (shards) it came from. */
	qsort(teams, count, sizeof *teams, portfolio_compare_teams);

	/* Stage counts, each domain's median, and the weakest domains. */
	column = xcalloc(count ? count : 1, sizeof *column);
	for (size_t index = 0; index < count; index++)
		stage_counts[teams[index].stage]++;
	for (size_t domain = 0; domain < framework->domain_count; domain++) {
		for (size_t index = 0; index < count; index++)
			if (teams[index].domains[domain] >= 0)
				column[assessed[domain]++] = teams[index].domains[domain];
		medians[domain] = assessed[domain] ? score_median(column, assessed[domain]) : -1;
		weakest[domain] = domain;
	}
	for (size_t index = 1; index < framework->domain_count; index++) {
		size_t position = index, moving = weakest[index];
		double key = medians[moving] < 0 ? 99 : medians[moving];

		while (position > 0 &&
		       (medians[weakest[position - 1]] < 0 ? 99 : medians[weakest[position - 1]]) > key) {
			weakest[position] = weakest[position - 1];
			position--;
		}
		weakest[position] = moving;
	}

	if (!failed) {
		char *path = xasprintf("%s/summary.csv", index_folder);

		failed |= portfolio_write_csv(path, teams, count, framework, diag) != 0;
		free(path);
		path = xasprintf("%s/summary.json", index_folder);
		failed |= portfolio_write_json(path, teams, count, medians, assessed, weakest,
					       stage_counts, framework, diag) != 0;
		free(path);
	}
	if (!failed && template != NULL) {
		char *path = xasprintf("%s/index.html", index_folder);
		struct chart_input chart = { 0 };
		char label[96];

		snprintf(label, sizeof label, "Portfolio median (%zu teams)", count);
		chart.framework = framework;
		chart.values = medians;
		chart.values_label = label;
		failed |= html_render_document(path, template,
					       portfolio_xml(teams, count, medians, assessed, weakest,
							     stage_counts, framework, generated),
					       count > 0 ? &chart : NULL, framework, brand, diag) != 0;
		free(path);
	}
	for (size_t index = 0; index < count; index++) {
		free(teams[index].id);
		free(teams[index].name);
		free(teams[index].date);
		free(teams[index].link);
		free(teams[index].domains);
	}
	free(teams);
	free(column);
	free(medians);
	free(assessed);
	free(weakest);
	free(stage_counts);
	return failed ? -1 : 0;
}
