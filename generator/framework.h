/* A content pack in memory: the domains and questions an assessment asks,
 * what each answer means, the stages with their score bands and the
 * Markdown prose the reports render.  Plain data: no library types. */
#ifndef MATURITY_FRAMEWORK_H
#define MATURITY_FRAMEWORK_H

#include <stddef.h>

struct diag;

enum { FRAMEWORK_OPTIONS = 4 };          /* answer options per question, scored 1-4 */
enum { FRAMEWORK_MAX_BYTES = 4 * 1024 * 1024 }; /* the largest pack or domain file read */

enum framework_segment {
	SEGMENT_NONE,                     /* general advice, or a profile with no segment */
	SEGMENT_SMB,
	SEGMENT_MID_MARKET,
	SEGMENT_ENTERPRISE,
	SEGMENT_COUNT,
};

struct framework_next_step {
	enum framework_segment segment;
	char *title;                      /* short imperative */
	char *text;                       /* two or three sentences */
};

struct framework_option {
	int score;                        /* 1-4 */
	char *text;                       /* the practice as respondents read it */
	char *insight;                    /* what choosing it reveals */
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
	char *name;
	char *definition;
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
};

/* One option of a profile parameter. */
struct framework_choice {
	char *id;                         /* the Distilled CS option id, e.g. "seg_midmarket" */
	char *label;                      /* the pack's own words for it */
	char **former_ids;                /* ids earlier versions of the pack used for it */
	size_t former_count;
	enum framework_segment segment;   /* whose next steps apply; SEGMENT_NONE for most */
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
	char **stage_section_headings;           /* the pack's stage-sections */
	char **stage_section_ids;
	size_t stage_section_count;
};

/* Loads and checks the pack in folder: pack.xml, its domain files and all
 * Markdown.  schema_folder holds pack.rng and domain.rng.  Returns the pack
 * (free with framework_free) or NULL after reporting every problem. */
struct framework *framework_load(const char *folder, const char *schema_folder,
				 struct diag *diag);

void framework_free(struct framework *framework);

/* Index of the question with id, or -1. */
long framework_find_question(const struct framework *framework, const char *id);

/* The segment named "smb", "mid_market" or "enterprise" in a pack, or
 * SEGMENT_NONE for NULL or any other name. */
enum framework_segment framework_segment_named(const char *name);

/* Index of the stage an overall score (1.0-4.0) reaches. */
size_t framework_stage_for(const struct framework *framework, double overall);

/* The stage's section with id, or NULL. */
const struct framework_section *framework_stage_section(const struct framework_stage *stage,
							const char *id);

#endif
