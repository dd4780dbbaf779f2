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
	int has_target;           /* its domain has a target */
	double target;            /* that target, 1.00-4.00 */
	double gap;               /* target - domain_score when below it, rounded; else 0 */
	size_t *needs;            /* the orders of earlier actions it builds on, ascending */
	size_t need_count;
};

/* How the time to the next stage was estimated. */
enum roadmap_estimate {
	ROADMAP_ESTIMATE_NONE,    /* at the top stage: there is no next stage */
	ROADMAP_ESTIMATE_RANGE,   /* placed in the pack's range by the distance still to go */
	ROADMAP_ESTIMATE_PACE,    /* the team's own pace, kept within the pack's range */
	ROADMAP_ESTIMATE_STALLED, /* by the distance: the team's pace is not upward */
};

/* What the roadmap weighs besides the answer set. */
struct roadmap_basis {
	const struct scores *previous; /* the previous assessment's scores, or NULL */
	int has_pace;                  /* the team's own pace is known */
	double pace;                   /* overall score points a month */
	const double *targets;         /* per framework domain: its target, 1.00-4.00, or < 0
					  where none; NULL when no domain has a target */
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
	int months_low;           /* the pack's time to the next stage, in months */
	int months_high;
	int months_estimate;      /* the point estimate within low..high; 0 at the top stage */
	enum roadmap_estimate estimate; /* how months_estimate was made */
	int months_by_pace;       /* ROADMAP_ESTIMATE_PACE: months at the pace, before the
				     range bounds it (at most ROADMAP_PACE_MONTHS_MAX) */
};

/* A pace slower than this many months to the next stage is said as this. */
#define ROADMAP_PACE_MONTHS_MAX 999

/* Whether a domain that scored previous (1.00-4.00) before and score now
 * has regressed: fallen ROADMAP_REGRESSION points or more. */
int roadmap_regressed(double score, double previous);

/* Composes the roadmap of a validated, scored answer set, with what basis
 * gives (NULL: nothing more).  Fills roadmap; free its contents with
 * roadmap_free. */
void roadmap_build(struct roadmap *roadmap, const struct framework *framework,
		   const struct answers *answers, const struct scores *scores,
		   const struct roadmap_basis *basis);

void roadmap_free(struct roadmap *roadmap);

#endif
