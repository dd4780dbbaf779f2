/* Domain targets; see domain_targets.h. */
#include "domain_targets.h"

#include "answers.h"
#include "diag.h"
#include "framework.h"
#include "infile.h"
#include "xalloc.h"
#include "xmlinput.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

/* A score written as a number from 1 to 4 with at most two decimals
 * ("3", "2.5", "3.25"), read without the locale.  Returns 0 and sets
 * *score, or -1. */
static int
domain_targets_score(const char *text, double *score)
{
	long whole = 0, hundredths = 0;
	const char *cursor = text;
	int digits = 0;

	if (text == NULL || !g_ascii_isdigit(*cursor))
		return -1;
	while (g_ascii_isdigit(*cursor) && whole < 10)
		whole = whole * 10 + (*cursor++ - '0');
	if (*cursor == '.') {
		cursor++;
		while (g_ascii_isdigit(*cursor) && digits < 2) {
			hundredths = hundredths * 10 + (*cursor++ - '0');
			digits++;
		}
		if (digits == 0)
			return -1;
		hundredths *= digits == 1 ? 10 : 1;
	}
	if (*cursor != '\0' || whole * 100 + hundredths < 100 || whole * 100 + hundredths > 400)
		return -1;
	*score = (double)(whole * 100 + hundredths) / 100;
	return 0;
}

/* Checks targets (count of them, read from path) against framework and
 * sets each one's domain and score.  Returns 0, or -1 after reporting. */
static int
domain_targets_check(const char *path, struct answers_target *targets, size_t count,
		     const struct framework *framework, struct diag *diag)
{
	/* The line of each domain's target, the last for every domain. */
	long *seen = xcalloc(framework->domain_count + 1, sizeof *seen);
	int failed = 0;

	for (size_t index = 0; index < count; index++) {
		struct answers_target *target = &targets[index];
		long domain = -1;
		size_t slot;

		if (target->domain_id != NULL) {
			domain = framework_find_domain(framework, target->domain_id);
			if (domain < 0) {
				diag_error(diag, path, target->line,
					   "target for domain \"%.80s\": content pack %s has no such domain",
					   target->domain_id, framework->id);
				failed = 1;
				continue;
			}
		}
		target->domain = domain;
		if (domain_targets_score(target->score_text, &target->score) != 0) {
			diag_error(diag, path, target->line,
				   "target score \"%.40s\" must be a number from 1 to 4, with at most "
				   "two decimals",
				   target->score_text != NULL ? target->score_text : "");
			failed = 1;
		}
		slot = domain < 0 ? framework->domain_count : (size_t)domain;
		if (seen[slot] != 0) {
			if (domain < 0)
				diag_error(diag, path, target->line,
					   "a target for every domain is given twice (first on line %ld)",
					   seen[slot]);
			else
				diag_error(diag, path, target->line,
					   "target for domain \"%s\" is given twice (first on line %ld)",
					   target->domain_id, seen[slot]);
			failed = 1;
		}
		seen[slot] = target->line > 0 ? target->line : 1;
	}
	free(seen);
	return failed ? -1 : 0;
}

/* Sets, where not set from a stronger source, each domain's target from
 * targets (count, checked): a domain's own over the one for every domain. */
static void
domain_targets_apply(const struct answers_target *targets, size_t count,
		     enum domain_target_source source, size_t domain_count, double *scores,
		     enum domain_target_source *sources)
{
	for (int specific = 1; specific >= 0; specific--)
		for (size_t index = 0; index < count; index++) {
			const struct answers_target *target = &targets[index];

			if ((target->domain >= 0) != specific)
				continue;
			for (size_t domain = 0; domain < domain_count; domain++) {
				if (target->domain >= 0 && (size_t)target->domain != domain)
					continue;
				if (sources[domain] >= source)
					continue;
				scores[domain] = target->score;
				sources[domain] = source;
			}
		}
}

/* The targets file: its <target> elements, checked.  Returns 0, or -1
 * after reporting. */
static int
domain_targets_read(struct domain_targets *targets, const char *path,
		    const struct framework *framework, const char *schema_folder,
		    struct diag *diag)
{
	char *schema_path = xasprintf("%s/targets.rng", schema_folder);
	xmlRelaxNGPtr schema = xmlinput_schema_load(schema_path, diag);
	size_t length = 0, count = 0;
	char *data = schema != NULL ? infile_read(path, INFILE_FOLLOW, DOMAIN_TARGETS_MAX_BYTES,
						  &length, diag)
				    : NULL;
	xmlDocPtr document = data != NULL ? xmlinput_parse(path, data, length, schema, diag) : NULL;
	struct answers_target *read = NULL;
	int failed = document == NULL;

	for (xmlNodePtr node = document ? xmlinput_element(xmlDocGetRootElement(document)->children)
					: NULL;
	     node != NULL; node = xmlinput_element(node->next)) {
		read = xreallocarray(read, count + 1, sizeof *read);
		read[count++] = (struct answers_target){ xmlinput_attribute(node, "domain"),
							 xmlinput_attribute(node, "score"),
							 xmlGetLineNo(node), -1, 0 };
	}
	if (!failed && domain_targets_check(path, read, count, framework, diag) != 0)
		failed = 1;
	if (!failed)
		domain_targets_apply(read, count, DOMAIN_TARGET_FILE, targets->domain_count,
				     targets->scores, targets->sources);
	for (size_t index = 0; index < count; index++) {
		free(read[index].domain_id);
		free(read[index].score_text);
	}
	free(read);
	xmlFreeDoc(document);
	free(data);
	if (schema != NULL)
		xmlRelaxNGFree(schema);
	free(schema_path);
	return failed ? -1 : 0;
}

struct domain_targets *
domain_targets_load(const char *path, const char *stage_id, const struct framework *framework,
		    const char *schema_folder, struct diag *diag)
{
	struct domain_targets *targets = xcalloc(1, sizeof *targets);
	size_t count = framework->domain_count;
	int failed = 0;

	targets->domain_count = count;
	targets->scores = xcalloc(count ? count : 1, sizeof *targets->scores);
	targets->sources = xcalloc(count ? count : 1, sizeof *targets->sources);
	for (size_t domain = 0; domain < count; domain++)
		targets->scores[domain] = -1;
	if (path != NULL)
		failed |= domain_targets_read(targets, path, framework, schema_folder, diag) != 0;
	if (stage_id != NULL) {
		long stage = -1;

		for (size_t index = 0; index < framework->stage_count; index++)
			if (strcmp(framework->stages[index].id, stage_id) == 0)
				stage = (long)index;
		if (stage < 0) {
			GString *ids = g_string_new(NULL);

			for (size_t index = 0; index < framework->stage_count; index++)
				g_string_append_printf(ids, "%s%s", index ? ", " : "",
						       framework->stages[index].id);
			diag_error(diag, NULL, 0,
				   "--target-stage \"%.40s\": content pack %s has no such stage (%s)",
				   stage_id, framework->id, ids->str);
			g_string_free(ids, TRUE);
			failed = 1;
		} else {
			targets->stage = (size_t)stage;
			for (size_t domain = 0; domain < count; domain++)
				if (targets->sources[domain] == DOMAIN_TARGET_NONE) {
					targets->scores[domain] = framework->stages[stage].minimum;
					targets->sources[domain] = DOMAIN_TARGET_STAGE;
				}
		}
	}
	if (failed) {
		domain_targets_free(targets);
		return NULL;
	}
	return targets;
}

void
domain_targets_free(struct domain_targets *targets)
{
	if (targets == NULL)
		return;
	free(targets->scores);
	free(targets->sources);
	free(targets);
}

int
domain_targets_validate(struct answers *answers, const struct framework *framework,
			struct diag *diag)
{
	return domain_targets_check(answers->path, answers->targets, answers->target_count,
				    framework, diag);
}

void
domain_targets_resolve(const struct domain_targets *portfolio, const struct answers *answers,
		       size_t domain_count, double *scores, enum domain_target_source *sources)
{
	for (size_t domain = 0; domain < domain_count; domain++) {
		int given = portfolio != NULL && domain < portfolio->domain_count;

		scores[domain] = given ? portfolio->scores[domain] : -1;
		sources[domain] = given ? portfolio->sources[domain] : DOMAIN_TARGET_NONE;
	}
	/* The answer set's own targets win over the portfolio's. */
	domain_targets_apply(answers->targets, answers->target_count, DOMAIN_TARGET_ANSWERS,
			     domain_count, scores, sources);
}
