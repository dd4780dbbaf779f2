/* The priority-action roadmap: what a team does next and in what order,
 * composed from its answers, its stage and its profile.  Pure and
 * deterministic: the same inputs give the same roadmap. */
#ifndef MATURITY_ROADMAP_H
#define MATURITY_ROADMAP_H

#include <stddef.h>

struct answers;
struct framework;
struct scores;

/* How many question-derived actions a roadmap aims for. */
#define ROADMAP_TARGET 8
/* No domain gets more actions than this. */
#define ROADMAP_PER_DOMAIN 3
/* A domain whose respondents lie this far apart gets an alignment action. */
#define ROADMAP_ALIGNMENT_SPREAD 1.5

enum roadmap_source {
	ROADMAP_FROM_ANSWER,      /* the next step of the option a team chose */
	ROADMAP_FROM_STAGE,       /* one of the stage's priority actions */
	ROADMAP_FROM_ALIGNMENT,   /* respondents disagree on the domain */
};

struct roadmap_action {
	size_t order;             /* 1, 2, ... */
	size_t phase;             /* index into framework.phases */
	size_t domain;            /* index into framework.domains */
	double domain_score;      /* the domain's current score, 1.00-4.00 */
	enum roadmap_source source;
	int foundation;           /* the domain is below the current stage's threshold */
	size_t question;          /* ROADMAP_FROM_ANSWER: index into framework.questions */
	int option;               /* ROADMAP_FROM_ANSWER: the option (1-4) behind the action */
	const char *title;        /* never empty */
	char *filled_title;       /* ROADMAP_FROM_ALIGNMENT: the title owned here */
	const char *lead;         /* the insight that led to it; NULL for stage actions */
	char *text;               /* the advice, placeholders filled in; never empty */
	const char *markdown;     /* ROADMAP_FROM_STAGE: the advice as Markdown, else NULL */
};

struct roadmap {
	struct roadmap_action *actions;
	size_t action_count;
	int months_low;           /* estimated time to the next stage, in months */
	int months_high;
	int months_estimate;      /* the point estimate within low..high; 0 at the top stage */
};

/* Composes the roadmap of a validated, scored answer set.  Fills roadmap;
 * free its contents with roadmap_free. */
void roadmap_build(struct roadmap *roadmap, const struct framework *framework,
		   const struct answers *answers, const struct scores *scores);

void roadmap_free(struct roadmap *roadmap);

#endif
