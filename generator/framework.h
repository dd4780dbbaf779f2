/* A content pack in memory: the domains and questions an assessment asks,
 * what each answer means, the stages with their score bands and the
 * Markdown prose the reports render, and the questions asked of it.
 * Plain data: no library types.  pack.h loads and frees one. */
#ifndef MATURITY_FRAMEWORK_H
#define MATURITY_FRAMEWORK_H

#include <stddef.h>
#include <stdint.h>

enum { FRAMEWORK_OPTIONS = 4 };          /* answer options per question, scored 1-4 */
enum { FRAMEWORK_MAX_BYTES = 4 * 1024 * 1024 }; /* the largest pack or domain file read */

enum framework_segment {
	SEGMENT_NONE,                     /* general advice, or a profile with no segment */
	SEGMENT_SMB,
	SEGMENT_MID_MARKET,
	SEGMENT_ENTERPRISE,
	SEGMENT_COUNT,
};

/* How much work an action is, in order of magnitude. */
enum framework_effort {
	EFFORT_NONE,                      /* not given */
	EFFORT_SMALL,                     /* days */
	EFFORT_MEDIUM,                    /* weeks */
	EFFORT_LARGE,                     /* a quarter or more */
};

/* At most this many tags in a pack: a set of them is one 64-bit word. */
enum { FRAMEWORK_MAX_TAGS = 64 };

/* What marks an item of advice besides its words (advice.c reads them). */
struct framework_marks {
	uint64_t tags;                    /* bit i set: framework.tags[i] */
	long theme;                       /* index into framework.themes, or -1 */
	long owner;                       /* index into framework.roles, or -1 */
	enum framework_effort effort;
};

/* Marks that say nothing: no tag, theme, owner or effort. */
#define FRAMEWORK_NO_MARKS ((struct framework_marks){ 0, -1, -1, EFFORT_NONE })

struct framework_next_step {
	enum framework_segment segment;
	char *title;                      /* short imperative */
	char *text;                       /* two or three sentences */
	struct framework_marks marks;     /* a segment's step takes the general one's owner and effort */
};

struct framework_option {
	int score;                        /* 1-4 */
	char *text;                       /* the practice as respondents read it */
	char *insight;                    /* what choosing it reveals */
	char *strength;                   /* options 3 and 4: why the practice matters; may be NULL */
	struct framework_next_step steps[SEGMENT_COUNT]; /* title NULL where absent; [SEGMENT_NONE] always set */
};

struct framework_question {
	char *id;                         /* e.g. "sc_q1" */
	char *text;
	size_t domain;                    /* index into framework.domains */
	struct framework_option options[FRAMEWORK_OPTIONS]; /* options[s - 1] scores s */
};

/* A Markdown section: its heading and its source text. */
struct framework_section {
	char *id;                         /* "summary", "actions", ... for stages; NULL for domain pages */
	char *heading;
	char *markdown;                   /* the section's body, without its heading */
	long line;                        /* of the heading, for messages */
	long body_line;                   /* where markdown starts in the file */
};

/* One item of a stage's priority-actions list. */
struct framework_action {
	size_t domain;                    /* index into framework.domains */
	char *title;
	char *markdown;                   /* the advice after the title */
	char *text;                       /* the same as plain text */
	long line;                        /* of the item in the stage file */
	struct framework_marks marks;     /* from the stage guide */
};

struct framework_domain {
	char *id;
	char *label;
	char *description;
	double weight;                    /* > 0, default 1 */
	size_t first_question;            /* index into framework.questions */
	size_t question_count;
	struct framework_section *sections; /* the domain page */
	size_t section_count;
	char *page_path;
};

enum framework_metric_tier { METRIC_MUST, METRIC_WORTH, METRIC_NOT_YET };

struct framework_metric {
	enum framework_metric_tier tier;
	char *id;                         /* names its target; NULL when the pack gives none */
	char *name;
	char *definition;
	long line;
	const struct framework_target *target; /* NULL when the pack has no targets */
};

/* A metric's target for one profile choice, or its default (choice NULL). */
struct framework_target_value {
	const struct framework_choice *choice;
	size_t parameter;                 /* the choice's parameter, when choice is set */
	char *text;                       /* "90% or more", as a team checks itself */
};

/* Every target value of one metric (targets.c reads them). */
struct framework_target {
	char *metric;                     /* the metric id */
	struct framework_target_value *values; /* the default first */
	size_t value_count;
	long line;
};

/* A playbook: a named, repeatable motion, from a stage guide. */
struct framework_playbook {
	char *id;
	size_t stage;                     /* index into framework.stages */
	size_t domain;                    /* index into framework.domains */
	char *name;
	char *when;                       /* when to use it */
	char **steps;
	size_t step_count;
	char *metric;                     /* the name of the metric it moves */
	char *duration;                   /* how long it takes */
	struct framework_marks marks;     /* its tags and owner */
};

/* One shift of a transition: the way of working left and the one taken up. */
struct framework_shift {
	char *from;
	char *to;
};

struct framework_risk {
	char *title;
	char *text;
};

/* The move from one stage to the next, from the first's stage guide. */
struct framework_transition {
	char **signals;                   /* signs the team is ready */
	size_t signal_count;
	struct framework_shift *shifts;
	size_t shift_count;
	char **capabilities;              /* what the team gains */
	size_t capability_count;
	struct framework_risk *risks;     /* what can go wrong on the way */
	size_t risk_count;
};

struct framework_stage {
	char *id;
	char *label;
	char *tagline;
	double minimum;                   /* 1.0-4.0: the lowest overall score at this stage */
	struct framework_metric *metrics;
	size_t metric_count;
	struct framework_section *sections; /* as listed in the pack's stage-sections */
	size_t section_count;
	struct framework_action *actions;
	size_t action_count;
	char *path;                       /* the stage file */
	/* The stage guide (stages/<id>.xml, guide.c), all optional. */
	char *journey;                    /* a sentence on what the stage establishes */
	char *profile_segments[SEGMENT_COUNT]; /* its typical team by segment; [SEGMENT_NONE] unused */
	struct framework_playbook *playbooks;
	size_t playbook_count;
	struct framework_transition *transition; /* to the next stage; NULL at the last */
};

/* One option of a profile parameter. */
struct framework_choice {
	char *id;                         /* the Distilled CS option id, e.g. "seg_midmarket" */
	char *label;                      /* the pack's own words for it */
	char **former_ids;                /* ids earlier versions of the pack used for it */
	size_t former_count;
	enum framework_segment segment;   /* whose next steps apply; SEGMENT_NONE for most */
	const struct framework_fit *fit;  /* how it changes the advice; NULL when it does not */
};

/* A profile parameter: one thing asked about a team besides its answers
 * (its ARR, its customers' segment, ...), with its options in order. */
struct framework_parameter {
	char *id;                         /* the Distilled CS parameter id, e.g. "customer_segment" */
	char *label;
	char **former_names;              /* attribute, column or key names earlier versions used */
	size_t former_count;
	struct framework_choice *choices;
	size_t choice_count;              /* >= 1 */
};

/* A name advice is marked with (a tag, or a role that owns work) and its
 * label. */
struct framework_word {
	char *id;
	char *label;
};

/* A theme: one piece of advice that several next steps or stage actions
 * may give; a roadmap holds one action per theme at most.  Its needs are
 * themes whose actions must come before its own. */
struct framework_theme {
	char *id;
	char *label;
	size_t *needs;                    /* indexes into framework.themes */
	size_t need_count;
	long line;
};

/* How one profile choice changes the advice: tags it ranks up and tags it
 * leaves out. */
struct framework_fit {
	size_t parameter;                 /* index into framework.parameters */
	size_t choice;                    /* index into its choices */
	char *name;                       /* the choice as a phrase: "an SMB book" */
	char *why;                        /* one line for a card it ranks up */
	uint64_t emphasise;               /* tag bits */
	uint64_t avoid;
};

struct framework_phase {
	int from_day;
	int to_day;
	char *label;
};

struct framework_charter {
	char *id;
	char *label;
	char *description;
	size_t *questions;                /* indexes into framework.questions */
	size_t question_count;
};

struct framework {
	char *folder;
	char *domain_folder;                     /* where the domain files came from */
	char *id;
	char *version;
	char *title;
	char *description;
	struct framework_domain *domains;
	size_t domain_count;
	struct framework_question *questions;   /* grouped by domain, in order */
	size_t question_count;
	struct framework_stage *stages;          /* ascending minimum */
	size_t stage_count;
	struct framework_parameter *parameters;  /* the profile, in the pack's order */
	size_t parameter_count;
	char *profile_folder;                    /* the pack the parameters came from, when not this one */
	struct framework_phase *phases;
	size_t phase_count;
	struct framework_charter *charters;
	size_t charter_count;
	int transition_min_months;
	int transition_max_months;
	char *alignment_title;                   /* with {domain}, {spread}, {low}, {high} */
	char *alignment_text;
	struct framework_marks alignment_marks;
	char *regression_title;                  /* with {domain}, {previous}, {score}, {change} */
	char *regression_text;
	struct framework_marks regression_marks;
	/* The advice vocabulary (advice.xml, advice.c). */
	char *advice_path;                       /* the advice.xml read, or NULL when none */
	struct framework_word *roles;
	size_t role_count;
	struct framework_word *tags;             /* at most FRAMEWORK_MAX_TAGS */
	size_t tag_count;
	struct framework_theme *themes;
	size_t theme_count;
	unsigned char *theme_requires;           /* [a * theme_count + b]: a needs b, directly or not */
	struct framework_fit *fits;
	size_t fit_count;
	/* Metric targets (targets.c). */
	size_t *target_parameters;               /* the parameters that set targets, first first */
	size_t target_parameter_count;
	struct framework_target *targets;
	size_t target_count;
	char **stage_section_headings;           /* the pack's stage-sections */
	char **stage_section_ids;
	size_t stage_section_count;
};

/* Index of the question with id, or -1. */
long framework_find_question(const struct framework *framework, const char *id);

/* The segment named "smb", "mid_market" or "enterprise" in a pack, or
 * SEGMENT_NONE for NULL or any other name. */
enum framework_segment framework_segment_named(const char *name);

/* Index of the stage an overall score (1.0-4.0) reaches. */
size_t framework_stage_for(const struct framework *framework, double overall);

/* Whether theme a needs theme b, directly or through other themes (never
 * when either is -1). */
int framework_theme_needs(const struct framework *framework, long a, long b);

/* The value of target for a team whose choice for parameter p is
 * choices[p] (-1 when not given): the value for the first of the targets'
 * parameters that has one for the team's choice, else the default. */
const struct framework_target_value *framework_target_value(const struct framework *framework,
							    const struct framework_target *target,
							    const long *choices);

/* Index of the domain with id, or -1. */
long framework_find_domain(const struct framework *framework, const char *id);

/* The stage's section with id, or NULL. */
const struct framework_section *framework_stage_section(const struct framework_stage *stage,
							const char *id);

#endif
