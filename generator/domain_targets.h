/* Domain targets: the score, on the 1-4 scale, a team aims for in each
 * domain.  They come from the team's answer set, from the portfolio's
 * targets file (--targets) or from a stage's threshold (--target-stage),
 * in that order of precedence, and rank the roadmap by the gap to them.
 * Not the content pack's metric targets (targets.h): those are values
 * of the metrics a stage tracks. */
#ifndef MATURITY_DOMAIN_TARGETS_H
#define MATURITY_DOMAIN_TARGETS_H

#include <stddef.h>

struct answers;
struct diag;
struct framework;

/* Where a domain's target comes from, the weakest first. */
enum domain_target_source {
	DOMAIN_TARGET_NONE,
	DOMAIN_TARGET_STAGE,   /* --target-stage: the stage's threshold */
	DOMAIN_TARGET_FILE,    /* the portfolio's targets file */
	DOMAIN_TARGET_ANSWERS, /* the team's answer set */
};

/* Targets by domain, in the framework's order. */
struct domain_targets {
	size_t domain_count;
	double *scores;                       /* 1.00-4.00, or < 0 where there is none */
	enum domain_target_source *sources;   /* DOMAIN_TARGET_NONE where there is none */
	size_t stage;                         /* the stage of DOMAIN_TARGET_STAGE targets */
};

/* A targets file is at most this large. */
enum { DOMAIN_TARGETS_MAX_BYTES = 64 * 1024 };

/* The portfolio's targets: the file at path (NULL: none), checked against
 * schema_folder's targets.rng and framework, over the threshold of the
 * stage whose id is stage_id (NULL: none).  Returns them (free with
 * domain_targets_free; every domain without a target when both are NULL)
 * or NULL after reporting each problem as FILE:LINE. */
struct domain_targets *domain_targets_load(const char *path, const char *stage_id,
					   const struct framework *framework,
					   const char *schema_folder, struct diag *diag);

void domain_targets_free(struct domain_targets *targets);

/* Checks an answer set's own targets against framework: known domains,
 * each domain and "every domain" at most once, scores from 1 to 4 with at
 * most two decimals; sets each target's domain and score.  Returns 0, or
 * -1 after reporting each problem as FILE:LINE. */
int domain_targets_validate(struct answers *answers, const struct framework *framework,
			    struct diag *diag);

/* A team's targets into resolved (domain_count of each): its answer set's
 * (validated) over portfolio's (NULL: none); within one source a domain's
 * own target over the one for every domain. */
void domain_targets_resolve(const struct domain_targets *portfolio, const struct answers *answers,
			    size_t domain_count, double *scores, enum domain_target_source *sources);

#endif
