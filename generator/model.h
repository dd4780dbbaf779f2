/* The report model: everything a report says about one team, computed
 * once from the framework, the answers and their scores.  Renderers read
 * it and never compute; HTML and PDF cannot drift apart.  Plain data. */
#ifndef MATURITY_MODEL_H
#define MATURITY_MODEL_H

#include <stddef.h>

#include "domain_targets.h"
#include "roadmap.h"

struct answers;
struct framework;
struct scores;

/* A domain's respondents are "not aligned" from this spread (score points). */
#define MODEL_DISAGREEMENT 1.0
/* Strongest and weakest domains are named only this far apart. */
#define MODEL_UNEVEN 0.5
/* At most this many strengths, and none unless at least MODEL_STRENGTHS_MIN. */
#define MODEL_STRENGTHS 3
#define MODEL_STRENGTHS_MIN 2
/* Playbooks shown: of the current stage, for the weakest domain, of the
 * next stage. */
#define MODEL_PLAYBOOKS_CURRENT 3
#define MODEL_PLAYBOOKS_WEAKEST 2
#define MODEL_PLAYBOOKS_NEXT 3
/* The radar shows at most this many of the team's assessments, the newest. */
#define MODEL_RADAR_ASSESSMENTS 3
/* The time to the next stage follows the team's own pace from this many
 * earlier assessments. */
#define MODEL_PACE_EARLIER 2

struct model_domain {
	size_t domain;            /* index into framework.domains */
	int assessed;             /* 0 when nobody answered the domain */
	double score;             /* 1.00-4.00 when assessed */
	double fraction;          /* (score - 1) / 3: 0.0-1.0, the bar's length */
	size_t band;              /* index of the stage the score falls in */
	double spread;            /* 0.00-3.00, highest minus lowest respondent */
	int disagreement;         /* spread >= MODEL_DISAGREEMENT with 2+ respondents */
	int has_previous;         /* assessed in the previous assessment too */
	double previous;          /* that score, 1.00-4.00 */
	double change;            /* score - previous, rounded to 0.01 */
	int has_first;            /* assessed in the first assessment of three or more too */
	double first;             /* that score, 1.00-4.00 */
	double first_change;      /* score - first, rounded to 0.01 */
	int has_target;           /* the domain has a target (domain_targets.h) */
	double target;            /* 1.00-4.00 */
	enum domain_target_source target_source;
	double gap;               /* target - score when assessed and below it, rounded; else 0 */
	int has_benchmark;        /* a portfolio median exists for this domain (--benchmark) */
	double benchmark;         /* the portfolio's median score, 1.00-4.00 */
	double percentile;        /* 0-100: share of the portfolio's teams scoring lower; < 0 when not benchmarked */
};

/* One strength: an answer at option 3 or 4, the best of its domain; why
 * it matters is the option's strength text (or its insight). */
struct model_strength {
	size_t domain;
	size_t question;          /* index into framework.questions */
	int option;               /* 3 or 4 */
};

struct model_respondent_answer {
	int score;                /* 1-4, or 0 when this respondent skipped */
	const char *comment;      /* NULL when none */
};

/* One row of the appendix: a question and what was answered. */
struct model_answer {
	size_t question;
	int answered;             /* at least one respondent answered */
	double value;             /* mean score 1.0-4.0 when answered, rounded to 0.01 */
	int option;               /* the option nearest the mean, ties down: 1-4, 0 when unanswered */
	struct model_respondent_answer *respondents; /* one per answers.respondents */
};

/* One line of the team's profile: a parameter of the pack and the option
 * given for it; the labels are framework.parameters[parameter].label and
 * .choices[choice].label. */
struct model_profile {
	size_t parameter;         /* index into framework.parameters */
	size_t choice;            /* index into that parameter's choices */
};

/* Why a playbook is shown. */
enum model_playbook_reason {
	MODEL_PLAYBOOK_CURRENT,   /* one of the current stage's */
	MODEL_PLAYBOOK_WEAKEST,   /* for the weakest domain */
	MODEL_PLAYBOOK_NEXT,      /* one of the next stage's */
};

struct model_playbook {
	const struct framework_playbook *playbook;
	enum model_playbook_reason reason;
	const struct framework_fit *fit;   /* the profile choice that ranked it up, or NULL */
};

/* One assessment of the team's history. */
struct model_assessment {
	const char *date;         /* YYYY-MM-DD */
	double overall;           /* 1.00-4.00 */
	double display;           /* overall on the /10 scale */
	size_t stage;             /* index into framework.stages */
	double change;            /* overall minus the assessment before's, rounded; 0 for the first */
	double months;            /* months since the first assessment (30.44 days each), >= 0 */
	double *domains;          /* per framework domain: 1.00-4.00, or < 0 when not assessed */
};

/* An earlier assessment of the same team, given to model_build. */
struct model_earlier {
	const struct answers *answers;
	const struct scores *scores;
};

struct model_charter {
	size_t charter;           /* index into framework.charters */
	int assessed;
	double score;             /* 1.00-4.00 when assessed */
	double fraction;          /* (score - 1) / 3 */
};

struct model {
	const struct framework *framework;
	const struct answers *answers;
	const struct answers *previous;    /* NULL when there is no earlier assessment */
	const char *generated;             /* YYYY-MM-DD, from SOURCE_DATE_EPOCH or today */

	struct model_profile *profile;     /* the parameters given, in the pack's order */
	size_t profile_count;

	double overall;                    /* 1.00-4.00 */
	double display;                    /* overall on the /10 scale, 0.1 steps */
	double overall_fraction;           /* (overall - 1) / 3 */
	size_t stage;                      /* index into framework.stages */
	int has_next_stage;
	size_t next_stage;                 /* when has_next_stage */
	double to_next_stage;              /* score points still to gain, when has_next_stage */
	int has_previous;
	double previous_overall;
	double overall_change;             /* rounded to 0.01 */
	size_t previous_stage;

	/* Every assessment of the team, oldest first, this one last
	 * (model_history.c). */
	struct model_assessment *history;
	size_t history_count;              /* 1 when there is no earlier assessment */
	int has_first;                     /* two or more earlier assessments: the first is not the previous */
	double first_change;               /* overall minus the first's, rounded to 0.01 */
	int has_pace;                      /* MODEL_PACE_EARLIER earlier assessments, on different days */
	double pace;                       /* overall points a month: the slope of a least-squares line */

	struct model_domain *domains;      /* in framework order, one per domain */
	size_t domain_count;
	size_t *ranking;                   /* domain indexes by score, highest first, unassessed last */
	size_t assessed_count;
	int uneven;                        /* strongest and weakest differ by >= MODEL_UNEVEN */
	size_t strongest;                  /* domain indexes, valid when assessed_count > 0 */
	size_t weakest;
	size_t strongest_count;            /* domains tied at the top: ranking[0 .. count - 1] */
	size_t weakest_count;              /* tied at the bottom: the last count assessed in ranking */
	size_t target_count;               /* domains with a target */
	size_t *disagreements;             /* domain indexes with disagreement, by spread, largest first */
	size_t disagreement_count;

	struct model_strength *strengths;  /* at most MODEL_STRENGTHS, one per domain, best first */
	size_t strength_count;
	size_t *regressions;               /* domains that fell since the previous assessment
					      (roadmap_regressed), largest fall first */
	size_t regression_count;

	/* The advice fitted to the profile (model_advice.c). */
	const struct framework_fit **fits; /* the fits of the profile's choices, in its order */
	size_t fit_count;
	struct model_playbook *playbooks;  /* current stage's, weakest domain's, next stage's */
	size_t playbook_count;
	const struct framework_target_value **metric_targets; /* per current stage metric: the
							 value for the profile, NULL when none */

	struct model_charter *charters;
	size_t charter_count;

	struct model_answer *answer_rows;  /* one per framework question, in order */
	size_t answer_row_count;

	struct roadmap roadmap;
};

/* A portfolio to compare with: per framework domain the median and every
 * team's score, sorted (count may be 0 for a domain nobody answered). */
struct model_benchmark {
	size_t domain_count;
	const double *medians;
	double *const *sorted;
	const size_t *counts;
};

/* Builds the model of answers (validated, scored as scores) with the
 * team's earlier assessments (earlier_count of them, oldest first, dated
 * before it; the last is the previous assessment; earlier may be NULL
 * when the count is 0) and the portfolio's domain targets (NULL: none;
 * the answer set's own win over them).  generated is the report date,
 * YYYY-MM-DD.  The model points into its arguments, which must outlive
 * it.  Never fails; free with model_free. */
struct model *model_build(const struct framework *framework, const struct answers *answers,
			  const struct scores *scores, const struct model_earlier *earlier,
			  size_t earlier_count, const struct domain_targets *targets,
			  const char *generated);

/* Fills the model's history from the team's assessments, the changes
 * since the first and the team's pace (model_history.c; model_build calls
 * it before the roadmap). */
void model_history_build(struct model *model, const struct model_earlier *earlier,
			 size_t earlier_count, const struct scores *scores);

/* Days from one date YYYY-MM-DD to another (negative when earlier); 0
 * when either is not a real date. */
long model_days_between(const char *from, const char *to);

/* Fills model's fits, playbooks and metric targets from its profile,
 * stage and domains (model_advice.c; model_build calls it). */
void model_advice_build(struct model *model);

/* Adds the portfolio median to each assessed domain and where the team's
 * score stands in the portfolio (a percentile, 0-100). */
void model_apply_benchmark(struct model *model, const struct model_benchmark *benchmark);

void model_free(struct model *model);

#endif
