/* The priority-action roadmap: what a team does next and in what order,
 * composed from its answers, its stage, its profile and its previous
 * assessment.  Pure and deterministic: the same inputs give the same
 * roadmap. */
#ifndef MATURITY_ROADMAP_H
#define MATURITY_ROADMAP_H

#include <stddef.h>

struct answers;
struct framework;
struct framework_fit;
struct framework_marks;
struct scores;

/* How many question-derived actions a roadmap aims for. */
#define ROADMAP_TARGET 8
/* No domain gets more actions than this. */
#define ROADMAP_PER_DOMAIN 3
/* A domain whose respondents lie this far apart gets an alignment action. */
#define ROADMAP_ALIGNMENT_SPREAD 1.5
/* A domain that fell this far since the last assessment (score points)
 * has regressed, and gets an action of its own. */
#define ROADMAP_REGRESSION 0.25
/* At most this many regression actions, the largest falls first. */
#define ROADMAP_REGRESSIONS 3
/* An action the profile emphasises ranks as if its domain were this much
 * weaker (score points). */
#define ROADMAP_EMPHASIS 0.5

enum roadmap_source {
	ROADMAP_FROM_ANSWER,      /* the next step of the option a team chose */
	ROADMAP_FROM_STAGE,       /* one of the stage's priority actions */
	ROADMAP_FROM_ALIGNMENT,   /* respondents disagree on the domain */
	ROADMAP_FROM_REGRESSION,  /* the domain fell since the last assessment */
};

struct roadmap_action {
	size_t order;             /* 1, 2, ... */
	size_t phase;             /* index into framework.phases */
	size_t domain;            /* index into framework.domains */
	double domain_score;      /* the domain's current score, 1.00-4.00 */
	double previous_score;    /* ROADMAP_FROM_REGRESSION: the score before, 1.00-4.00 */
	enum roadmap_source source;
	int foundation;           /* the domain is below the current stage's threshold */
	size_t question;          /* ROADMAP_FROM_ANSWER: index into framework.questions */
	int option;               /* ROADMAP_FROM_ANSWER: the option (1-4) behind the action */
	const char *title;        /* never empty */
	char *filled_title;       /* alignment and regression: the title owned here */
	const char *lead;         /* the insight that led to it; NULL but for answers */
	char *text;               /* the advice, placeholders filled in; never empty */
	const char *markdown;     /* ROADMAP_FROM_STAGE: the advice as Markdown, else NULL */
	const struct framework_marks *marks; /* tags, theme, owner, effort; never NULL */
	const struct framework_fit *fit; /* the profile choice that ranked it up, or NULL */
	size_t *needs;            /* the orders of earlier actions it builds on, ascending */
	size_t need_count;
};

/* A next step or a stage action the team's profile left out. */
struct roadmap_omission {
	enum roadmap_source source;       /* ROADMAP_FROM_ANSWER or ROADMAP_FROM_STAGE */
	size_t domain;
	const char *title;
	const struct framework_fit *fit;  /* the profile choice that left it out */
};

struct roadmap {
	struct roadmap_action *actions;
	size_t action_count;
	struct roadmap_omission *omissions; /* in the framework's order of questions, then stage actions */
	size_t omission_count;
	int months_low;           /* estimated time to the next stage, in months */
	int months_high;
	int months_estimate;      /* the point estimate within low..high; 0 at the top stage */
};

/* Whether a domain that scored previous (1.00-4.00) before and score now
 * has regressed: fallen ROADMAP_REGRESSION points or more. */
int roadmap_regressed(double score, double previous);

/* Composes the roadmap of a validated, scored answer set, with the scores
 * of the team's previous assessment when previous is not NULL.  Fills
 * roadmap; free its contents with roadmap_free. */
void roadmap_build(struct roadmap *roadmap, const struct framework *framework,
		   const struct answers *answers, const struct scores *scores,
		   const struct scores *previous);

void roadmap_free(struct roadmap *roadmap);

#endif
