/* check, and render --check: every team's newest assessment against the
 * rules of gates.h, measured from its previous assessment or from a
 * baseline (an earlier portfolio's summary.json).  Breaches are printed
 * one a line, "team: rule: value, limit", and written as JUnit on
 * request. */
#include "answers.h"
#include "batch_parts.h"
#include "diag.h"
#include "framework.h"
#include "gates.h"
#include "infile.h"
#include "interrupt.h"
#include "junit.h"
#include "options.h"
#include "score.h"
#include "summary.h"
#include "xalloc.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { BATCH_BASELINE_MAX_BYTES = 256 * 1024 * 1024 };

/* One assessment's results, as the rules read them. */
struct batch_result_record {
	char *team;
	char *date;
	double overall;
	size_t stage;
	double *domains;             /* per domain; SCORE_NOT_ASSESSED when nobody answered */
	int *assessed;
};

/* A team of the baseline. */
struct batch_baseline_team {
	char *team;
	double overall;
	size_t stage;
	int seen;                    /* among this run's teams */
};

struct batch_gates {
	const struct framework *framework;
	struct gate_rule *rules;
	size_t rule_count;
	struct batch_result_record *records;
	size_t record_count, record_room;
	struct batch_baseline_team *baseline;   /* by team id; NULL without --baseline */
	size_t baseline_count;
	unsigned shard_index, shard_count;      /* render --shard: only this shard's teams */
};

/* Adds one rule given on the command line.  Returns 0, or -1 after
 * saying what is wrong with it. */
static int
batch_gates_rule(struct batch_gates *gates, enum gate_kind kind, const char *text,
		 struct diag *diag)
{
	char *error;

	if (text == NULL)
		return 0;
	if (gate_parse(gates->framework, kind, text, &gates->rules[gates->rule_count], &error) != 0) {
		diag_error(diag, NULL, 0, "%s", error);
		free(error);
		return -1;
	}
	gates->rule_count++;
	return 0;
}

/* The rules of the options, in a fixed order, parsed against the pack.
 * Returns 0, or -1 after saying what is wrong with one. */
static int
batch_gates_rules(struct batch_gates *gates, const struct options *options, struct diag *diag)
{
	int failed = 0;

	gates->rules = xcalloc(options->min_domain_count + 4, sizeof *gates->rules);
	failed |= batch_gates_rule(gates, GATE_MIN_STAGE, options->min_stage, diag);
	failed |= batch_gates_rule(gates, GATE_MIN_OVERALL, options->min_overall, diag);
	for (size_t index = 0; index < options->min_domain_count; index++)
		failed |= batch_gates_rule(gates, GATE_MIN_DOMAIN, options->min_domains[index], diag);
	failed |= batch_gates_rule(gates, GATE_MAX_DROP, options->max_drop, diag);
	/* With a baseline, no team may fall back a stage from it. */
	if (options->baseline_path != NULL)
		failed |= batch_gates_rule(gates, GATE_STAGE_HELD, "", diag);
	return failed ? -1 : 0;
}

static int
batch_baseline_compare(const void *left, const void *right)
{
	return strcmp(((const struct batch_baseline_team *)left)->team,
		      ((const struct batch_baseline_team *)right)->team);
}

/* The teams of an earlier portfolio's summary.json, its team_list read
 * as descriptions.  Returns 0, or -1 after reporting. */
static int
batch_baseline_load(struct batch_gates *gates, const char *path, struct diag *diag)
{
	size_t length;
	char *text = infile_read(path, INFILE_FOLLOW, BATCH_BASELINE_MAX_BYTES, &length, diag);
	json_error_t error;
	json_t *root = text != NULL ? json_loadb(text, length, JSON_REJECT_DUPLICATES, &error) : NULL;
	json_t *list = json_object_get(root, "team_list");
	const char *content = json_string_value(json_object_get(root, "content"));
	int failed = 0;

	free(text);
	if (root == NULL || !json_is_array(list)) {
		if (text != NULL || root != NULL)
			diag_error(diag, path, root == NULL ? error.line : 0,
				   "not a portfolio's summary.json%s%s", root == NULL ? ": " : "",
				   root == NULL ? error.text : "");
		json_decref(root);
		return -1;
	}
	if (content == NULL || strcmp(content, gates->framework->id) != 0) {
		diag_error(diag, path, 0, "the baseline was scored with content pack %s, not %s",
			   content != NULL ? content : "(none named)", gates->framework->id);
		json_decref(root);
		return -1;
	}
	gates->baseline = xcalloc(json_array_size(list) + 1, sizeof *gates->baseline);
	for (size_t index = 0; index < json_array_size(list) && !failed; index++) {
		char *entry = json_dumps(json_array_get(list, index), JSON_COMPACT);
		struct summary summary;

		failed = entry == NULL || summary_parse(&summary, entry, strlen(entry), gates->framework,
							path, diag) != 0;
		free(entry);
		if (failed)
			break;
		gates->baseline[gates->baseline_count++] = (struct batch_baseline_team){
			.team = xstrdup(summary.team),
			.overall = summary.overall,
			.stage = summary.stage,
		};
		summary_release(&summary);
	}
	json_decref(root);
	qsort(gates->baseline, gates->baseline_count, sizeof *gates->baseline,
	      batch_baseline_compare);
	return failed ? -1 : 0;
}

struct batch_gates *
batch_gates_new(const struct options *options, const struct framework *framework,
		struct diag *diag)
{
	struct batch_gates *gates = xcalloc(1, sizeof *gates);

	gates->framework = framework;
	gates->shard_index = options->shard_index;
	gates->shard_count = options->shard_count;
	if (batch_gates_rules(gates, options, diag) != 0 ||
	    (options->baseline_path != NULL &&
	     batch_baseline_load(gates, options->baseline_path, diag) != 0)) {
		batch_gates_free(gates);
		return NULL;
	}
	return gates;
}

void
batch_gates_free(struct batch_gates *gates)
{
	if (gates == NULL)
		return;
	for (size_t index = 0; index < gates->record_count; index++) {
		free(gates->records[index].team);
		free(gates->records[index].date);
		free(gates->records[index].domains);
		free(gates->records[index].assessed);
	}
	for (size_t index = 0; index < gates->baseline_count; index++)
		free(gates->baseline[index].team);
	free(gates->records);
	free(gates->baseline);
	free(gates->rules);
	free(gates);
}

void
batch_gates_add(struct batch_gates *gates, const struct answers *answers)
{
	const struct framework *framework = gates->framework;
	struct scores *scores = score_compute(framework, answers);
	struct batch_result_record *record;

	if (gates->record_count == gates->record_room) {
		gates->record_room = gates->record_room ? 2 * gates->record_room : 64;
		gates->records = xreallocarray(gates->records, gates->record_room,
					       sizeof *gates->records);
	}
	record = &gates->records[gates->record_count++];
	*record = (struct batch_result_record){
		.team = xstrdup(answers->team),
		.date = xstrdup(answers->date),
		.overall = scores->overall,
		.stage = scores->stage,
		.domains = xcalloc(framework->domain_count, sizeof *record->domains),
		.assessed = xcalloc(framework->domain_count, sizeof *record->assessed),
	};
	for (size_t index = 0; index < framework->domain_count; index++) {
		record->domains[index] = scores->domains[index];
		record->assessed[index] = scores->domains[index] != SCORE_NOT_ASSESSED;
	}
	score_free(scores);
}

static int
batch_record_compare(const void *left, const void *right)
{
	const struct batch_result_record *a = left, *b = right;
	int order = strcmp(a->team, b->team);

	return order != 0 ? order : strcmp(a->date, b->date);
}

/* The baseline's team of that id, or NULL. */
static struct batch_baseline_team *
batch_baseline_find(struct batch_gates *gates, const char *team)
{
	struct batch_baseline_team key = { .team = (char *)team };

	return gates->baseline_count == 0
		       ? NULL
		       : bsearch(&key, gates->baseline, gates->baseline_count,
				 sizeof *gates->baseline, batch_baseline_compare);
}

/* Each team's newest assessment through the rules, measured from the
 * baseline when there is one, else from the assessment before it.
 * Returns the number of teams judged. */
static size_t
batch_gates_evaluate(struct batch_gates *gates, struct gate_finding **findings, size_t *count,
		     int quiet, struct diag *diag)
{
	size_t teams = 0;

	qsort(gates->records, gates->record_count, sizeof *gates->records, batch_record_compare);
	for (size_t index = 0; index < gates->record_count; index++) {
		const struct batch_result_record *record = &gates->records[index];
		struct gate_subject subject = {
			.team = record->team,
			.overall = record->overall,
			.stage = record->stage,
			.domains = record->domains,
			.assessed = record->assessed,
		};

		if (index + 1 < gates->record_count &&
		    strcmp(gates->records[index + 1].team, record->team) == 0)
			continue;
		if (gates->shard_count > 0 &&
		    batch_shard_of(record->team, gates->shard_count) != gates->shard_index)
			continue;
		if (gates->baseline != NULL) {
			struct batch_baseline_team *before = batch_baseline_find(gates, record->team);

			if (before == NULL) {
				if (!quiet)
					diag_status(diag, "%s: new since the baseline", record->team);
			} else {
				before->seen = 1;
				subject.has_reference = 1;
				subject.reference_overall = before->overall;
				subject.reference_stage = before->stage;
			}
		} else if (index > 0 && strcmp(gates->records[index - 1].team, record->team) == 0) {
			subject.has_reference = 1;
			subject.reference_overall = gates->records[index - 1].overall;
			subject.reference_stage = gates->records[index - 1].stage;
		}
		gate_evaluate(gates->framework, gates->rules, gates->rule_count, &subject, findings,
			      count);
		teams++;
	}
	for (size_t index = 0; index < gates->baseline_count; index++)
		if (!gates->baseline[index].seen && !quiet)
			diag_status(diag, "%s: in the baseline, missing from this run",
				    gates->baseline[index].team);
	return teams;
}

enum batch_result
batch_gates_finish(struct batch_gates *gates, const struct options *options, struct diag *diag)
{
	struct gate_finding *findings = NULL;
	size_t count = 0, breaches = 0, teams = 0;
	enum batch_result result = BATCH_OK;

	teams = batch_gates_evaluate(gates, &findings, &count, options->quiet, diag);
	for (size_t index = 0; index < count; index++) {
		if (!findings[index].breached)
			continue;
		breaches++;
		printf("%s: %s: %s, %s\n", findings[index].team, findings[index].rule,
		       findings[index].value, findings[index].limit);
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		result = BATCH_FAILED;
	if (options->junit_path != NULL &&
	    junit_write(options->junit_path, findings, count, diag) != 0)
		result = BATCH_FAILED;
	if (!options->quiet)
		diag_status(diag, "%zu of %zu results held (%zu teams, %zu rules); %zu breached",
			    count - breaches, count, teams, gates->rule_count, breaches);
	gate_findings_free(findings, count);
	if (result == BATCH_OK && breaches > 0)
		result = BATCH_BREACHED;
	return result;
}

/* check: each accepted answer set's results kept for the rules. */
static void
batch_check_accept(struct batch_pass *pass, const struct answers *answers, const char *path,
		   enum infile_links links)
{
	(void)path;
	(void)links;
	batch_gates_add(pass->context, answers);
}

enum batch_result
batch_check(const struct options *options, struct batch_resources *resources,
	    const struct survey_mapping *mapping, struct diag *diag)
{
	struct batch_gates *gates = batch_gates_new(options, resources->framework, diag);
	struct batch_pass pass = { .options = options, .resources = resources, .mapping = mapping,
				   .diag = diag, .accept = batch_check_accept, .context = gates,
				   .result = BATCH_OK };
	enum batch_result result;

	if (gates == NULL)
		return BATCH_CONFIGURATION;
	batch_read_all(&pass);
	if (interrupt_requested())
		result = BATCH_INTERRUPTED;
	else if (pass.result != BATCH_OK)
		result = pass.result;
	else {
		result = batch_gates_finish(gates, options, diag);
		if (result == BATCH_OK && pass.rejected > 0)
			result = BATCH_REJECTED;
	}
	batch_gates_free(gates);
	return result;
}
