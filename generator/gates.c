/* Gates for CI: parsing rules and evaluating them. */
#include "gates.h"

#include "framework.h"
#include "xalloc.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Scores are compared as the reports show them, to two decimals, so that
 * a team shown at 2.50 passes a limit of 2.5. */
static double
gate_round(double score)
{
	return round(score * 100.0) / 100.0;
}

/* A number from low to high, the whole of text.  Returns 0 or -1. */
static int
gate_number(const char *text, double low, double high, double *value)
{
	char *end;

	if (text == NULL || *text == '\0')
		return -1;
	*value = strtod(text, &end);
	return *end == '\0' && isfinite(*value) && *value >= low && *value <= high ? 0 : -1;
}

static long
gate_find_stage(const struct framework *framework, const char *text)
{
	for (size_t index = 0; index < framework->stage_count; index++)
		if (g_ascii_strcasecmp(framework->stages[index].id, text) == 0 ||
		    g_ascii_strcasecmp(framework->stages[index].label, text) == 0)
			return (long)index;
	return -1;
}

static long
gate_find_domain(const struct framework *framework, const char *text, size_t length)
{
	for (size_t index = 0; index < framework->domain_count; index++)
		if (strlen(framework->domains[index].id) == length &&
		    strncmp(framework->domains[index].id, text, length) == 0)
			return (long)index;
	return -1;
}

/* The ids of the stages or domains, "crawl, walk, run", for messages. */
static char *
gate_ids(const struct framework *framework, int stages)
{
	GString *text = g_string_new(NULL);
	size_t count = stages ? framework->stage_count : framework->domain_count;
	char *result;

	for (size_t index = 0; index < count; index++)
		g_string_append_printf(text, "%s%s", index ? ", " : "",
				       stages ? framework->stages[index].id
					      : framework->domains[index].id);
	result = xstrdup(text->str);
	g_string_free(text, TRUE);
	return result;
}

int
gate_parse(const struct framework *framework, enum gate_kind kind, const char *text,
	   struct gate_rule *rule, char **error)
{
	const char *equals;
	char *ids;
	long found;

	*rule = (struct gate_rule){ .kind = kind };
	*error = NULL;
	switch (kind) {
	case GATE_MIN_STAGE:
		found = gate_find_stage(framework, text);
		if (found < 0) {
			ids = gate_ids(framework, 1);
			*error = xasprintf("--min-stage takes a stage of content pack %s (%s), "
					   "not \"%s\"",
					   framework->id, ids, text);
			free(ids);
			return -1;
		}
		rule->stage = (size_t)found;
		return 0;
	case GATE_MIN_DOMAIN:
		equals = strchr(text, '=');
		found = equals == NULL ? -1 : gate_find_domain(framework, text, (size_t)(equals - text));
		if (found < 0) {
			ids = gate_ids(framework, 0);
			*error = xasprintf("--min-domain takes ID=SCORE with ID a domain of content "
					   "pack %s (%s), not \"%s\"",
					   framework->id, ids, text);
			free(ids);
			return -1;
		}
		rule->domain = (size_t)found;
		if (gate_number(equals + 1, 1.0, 4.0, &rule->limit) != 0) {
			*error = xasprintf("--min-domain takes a score from 1 to 4 after the '=', "
					   "not \"%s\"",
					   equals + 1);
			return -1;
		}
		return 0;
	case GATE_MIN_OVERALL:
		if (gate_number(text, 1.0, 4.0, &rule->limit) != 0) {
			*error = xasprintf("--min-overall takes a score from 1 to 4, not \"%s\"", text);
			return -1;
		}
		return 0;
	case GATE_MAX_DROP:
		if (gate_number(text, 0.0, 3.0, &rule->limit) != 0) {
			*error = xasprintf("--max-drop takes a fall in score from 0 to 3, not \"%s\"",
					   text);
			return -1;
		}
		return 0;
	case GATE_STAGE_HELD:
		return 0;
	}
	return 0;
}

static void
gate_add(struct gate_finding **findings, size_t *count, const char *team, char *rule,
	 char *value, char *limit, int breached)
{
	*findings = xreallocarray(*findings, *count + 1, sizeof **findings);
	(*findings)[(*count)++] = (struct gate_finding){
		.team = xstrdup(team),
		.rule = rule,
		.value = value,
		.limit = limit,
		.breached = breached,
	};
}

size_t
gate_evaluate(const struct framework *framework, const struct gate_rule *rules,
	      size_t rule_count, const struct gate_subject *subject,
	      struct gate_finding **findings, size_t *finding_count)
{
	size_t breaches = 0;

	for (size_t index = 0; index < rule_count; index++) {
		const struct gate_rule *rule = &rules[index];
		const char *domain_id;
		double drop;
		int breached = 0;

		switch (rule->kind) {
		case GATE_MIN_STAGE:
			breached = subject->stage < rule->stage;
			gate_add(findings, finding_count, subject->team, xstrdup("min-stage"),
				 xstrdup(framework->stages[subject->stage].label),
				 xstrdup(framework->stages[rule->stage].label), breached);
			break;
		case GATE_MIN_OVERALL:
			breached = gate_round(subject->overall) < gate_round(rule->limit);
			gate_add(findings, finding_count, subject->team, xstrdup("min-overall"),
				 xasprintf("%.2f", subject->overall), xasprintf("%.2f", rule->limit),
				 breached);
			break;
		case GATE_MIN_DOMAIN:
			domain_id = framework->domains[rule->domain].id;
			breached = !subject->assessed[rule->domain] ||
				   gate_round(subject->domains[rule->domain]) < gate_round(rule->limit);
			gate_add(findings, finding_count, subject->team,
				 xasprintf("min-domain %s", domain_id),
				 subject->assessed[rule->domain]
					 ? xasprintf("%.2f", subject->domains[rule->domain])
					 : xstrdup("not assessed"),
				 xasprintf("%.2f", rule->limit), breached);
			break;
		case GATE_MAX_DROP:
			if (!subject->has_reference)
				continue;
			drop = gate_round(subject->reference_overall) - gate_round(subject->overall);
			breached = gate_round(drop) > gate_round(rule->limit);
			gate_add(findings, finding_count, subject->team, xstrdup("max-drop"),
				 xasprintf("%.2f", drop > 0 ? drop : 0.0), xasprintf("%.2f", rule->limit),
				 breached);
			break;
		case GATE_STAGE_HELD:
			if (!subject->has_reference)
				continue;
			breached = subject->stage < subject->reference_stage;
			gate_add(findings, finding_count, subject->team, xstrdup("stage-held"),
				 xstrdup(framework->stages[subject->stage].label),
				 xstrdup(framework->stages[subject->reference_stage].label), breached);
			break;
		}
		breaches += breached != 0;
	}
	return breaches;
}

void
gate_findings_free(struct gate_finding *findings, size_t count)
{
	for (size_t index = 0; index < count; index++) {
		free(findings[index].team);
		free(findings[index].rule);
		free(findings[index].value);
		free(findings[index].limit);
	}
	free(findings);
}
