/* Gates for CI: rules every team must hold (a lowest stage, overall or
 * domain score, a largest fall), evaluated over each team's results.
 * Knows nothing of files: the check command fills the subjects from the
 * answer sets and a baseline, and prints or writes the findings. */
#ifndef MATURITY_GATES_H
#define MATURITY_GATES_H

#include <stddef.h>

struct framework;

enum gate_kind {
	GATE_MIN_STAGE,    /* the team's stage is at least stage */
	GATE_MIN_OVERALL,  /* its overall score is at least limit */
	GATE_MIN_DOMAIN,   /* domain's score is at least limit (an unassessed domain fails) */
	GATE_MAX_DROP,     /* its overall score fell by at most limit since its reference */
	GATE_STAGE_HELD,   /* its stage is not below its reference's (with a baseline) */
};

struct gate_rule {
	enum gate_kind kind;
	size_t stage;      /* GATE_MIN_STAGE: index into framework.stages */
	size_t domain;     /* GATE_MIN_DOMAIN: index into framework.domains */
	double limit;      /* scores on the 1-4 scale */
};

/* Parses a rule given on the command line, against framework: "walk" for
 * --min-stage (a stage id or label, any case), "health_risk=2.5" for
 * --min-domain (a domain id, then a score from 1 to 4), "2.5" for
 * --min-overall (1 to 4) and --max-drop (0 to 3).  Returns 0, or -1
 * with *error set to a message naming what is wrong (free with free). */
int gate_parse(const struct framework *framework, enum gate_kind kind, const char *text,
	       struct gate_rule *rule, char **error);

/* One team's results, as the rules read them. */
struct gate_subject {
	const char *team;
	double overall;            /* 1.00-4.00 */
	size_t stage;
	const double *domains;     /* a score per framework domain */
	const int *assessed;       /* per framework domain: whether it has a score */
	int has_reference;         /* an earlier result to measure a fall from */
	double reference_overall;
	size_t reference_stage;
};

/* What one rule found for one team. */
struct gate_finding {
	char *team;
	char *rule;                /* "min-stage", "min-domain health_risk", ... */
	char *value;               /* what the team has: "Crawl", "2.10" */
	char *limit;               /* what the rule asks: "Walk", "2.50" */
	int breached;
};

/* Evaluates each of rules on subject and appends a finding per rule that
 * applies (a fall needs a reference) to *findings, growing it.  Returns
 * the number of breaches added. */
size_t gate_evaluate(const struct framework *framework, const struct gate_rule *rules,
		     size_t rule_count, const struct gate_subject *subject,
		     struct gate_finding **findings, size_t *finding_count);

void gate_findings_free(struct gate_finding *findings, size_t count);

#endif
