/* The portfolio: every team's results side by side.  Each rendered team
 * leaves a summary.json (summary.h); the portfolio reads them back from
 * one or more output folders (the shards of a CI run) and works out its
 * figures here, and its writers (portfolio_write.c) write index.html,
 * summary.csv and summary.json.  The figures of a population (stage
 * counts, each domain's sorted scores and median) are computed in this
 * one place, for the portfolio page and for `render --benchmark` alike. */
#ifndef MATURITY_PORTFOLIO_H
#define MATURITY_PORTFOLIO_H

#include <stddef.h>
#include <stdint.h>

struct brand;
struct diag;
struct framework;
struct portfolio_page;
struct outfile_folder;
struct summary;

/* The figures of a population of teams, one assessment each. */
struct portfolio_figures {
	size_t teams;
	size_t stage_count;
	size_t *stages;           /* per framework stage: how many teams are at it */
	double *overalls;         /* the teams' overall scores (1.00-4.00), ascending once finished */
	size_t overall_count;
	size_t overall_room;
	double overall_median;    /* the median of overalls, or -1 when none was given */
	size_t domain_count;
	double **scores;          /* per domain: the assessed teams' scores, ascending once finished */
	size_t *assessed;         /* per domain: how many teams were assessed in it */
	size_t *room;             /* per domain: the room in scores */
	double *medians;          /* per domain: the median (score_median), or -1 when nobody was assessed */
	size_t *weakest;          /* domain indexes, lowest median first, unassessed last */
};

/* Empty figures for framework's stages and domains; release with
 * portfolio_figures_release. */
void portfolio_figures_init(struct portfolio_figures *figures, const struct framework *framework);

/* Adds one team: its stage, its overall score (< 0: not known, left out
 * of the overall median) and its domain scores (< 0: not assessed). */
void portfolio_figures_add(struct portfolio_figures *figures, size_t stage, double overall,
			   const double *domains);

/* Adds every team with a summary.json in folder (an output folder) whose
 * id is not among skip (count ids, sorted by strcmp), reading each
 * quietly: what cannot be read is left out. */
void portfolio_figures_add_folder(struct portfolio_figures *figures, const char *folder,
				  const struct framework *framework, char *const *skip,
				  size_t skip_count);

/* Sorts each domain's scores (qsort), then works out the medians and the
 * weakest order.  Call once, after the last addition. */
void portfolio_figures_finish(struct portfolio_figures *figures);

void portfolio_figures_release(struct portfolio_figures *figures);

/* A unit of the portfolio: every team whose unit path is its path or
 * begins with its path and a '/', so that "EMEA" holds "EMEA/Enterprise". */
struct portfolio_unit {
	char *path;               /* "EMEA/Enterprise" */
	size_t depth;             /* its segments: 1 for a unit at the top */
	struct portfolio_figures figures;
};

/* The units of a population, built as teams are added (portfolio_units.c). */
struct portfolio_units;

/* No units yet, for framework's stages and domains; free with
 * portfolio_units_free. */
struct portfolio_units *portfolio_units_new(const struct framework *framework);

/* Adds a team of unit (a valid unit path; NULL: none, nothing is done) to
 * the unit and every unit above it, as portfolio_figures_add. */
void portfolio_units_add(struct portfolio_units *units, const char *unit, size_t stage,
			 double overall, const double *domains);

/* Puts the units in path order, each parent before its own units, and
 * finishes each one's figures.  Call once, after the last addition. */
void portfolio_units_finish(struct portfolio_units *units);

size_t portfolio_units_count(const struct portfolio_units *units);

/* The unit at index in path order, once finished. */
const struct portfolio_unit *portfolio_units_at(const struct portfolio_units *units, size_t index);

void portfolio_units_free(struct portfolio_units *units);

/* One assessment of a team, as the quarters need it: the calendar quarter
 * it was made in (year * 4 + quarter - 1) and its stage. */
struct portfolio_point {
	int32_t quarter;
	uint32_t stage;           /* index into framework.stages */
};

/* A team's assessments: points[first] onwards, count of them, oldest first. */
struct portfolio_track {
	size_t first;
	size_t count;
};

/* The stages at the end of a calendar quarter. */
struct portfolio_quarter {
	int32_t quarter;          /* year * 4 + quarter - 1 */
	char label[16];           /* "2026-Q3" */
	char end[11];             /* its last day, YYYY-MM-DD */
	size_t teams;             /* teams assessed by its end */
	size_t *stages;           /* per stage: teams whose latest assessment by its end is at it */
	size_t up, down;          /* teams a stage higher, lower than at the end of the quarter before */
};

/* A team whose stage at the end of the last quarter differs from its
 * stage at the end of the quarter before. */
struct portfolio_mover {
	size_t team;              /* index of its track, in team order */
	size_t from, to;          /* indexes into framework.stages */
};

enum { PORTFOLIO_QUARTERS = 8 };  /* the most quarters shown: the latest ones */

struct portfolio_quarters {
	struct portfolio_quarter *quarters;  /* oldest first */
	size_t count;
	struct portfolio_mover *movers;      /* in team order */
	size_t mover_count;
};

/* The quarter of a day written YYYY-MM-DD: year * 4 + quarter - 1. */
int32_t portfolio_quarter_of(const char *day);

/* Works out quarters from team_count tracks over points (portfolio_quarters.c):
 * every quarter from the one of the oldest assessment to the one of the
 * newest, at most the last PORTFOLIO_QUARTERS of them, each with the
 * stages of the teams whose latest assessment by its end is at each stage;
 * and the movers between the last two.  Release with
 * portfolio_quarters_release. */
void portfolio_quarters_compute(struct portfolio_quarters *quarters,
				const struct portfolio_point *points,
				const struct portfolio_track *tracks, size_t team_count,
				size_t stage_count);

void portfolio_quarters_release(struct portfolio_quarters *quarters);

/* The teams found in output folders, in team order, with their figures. */
struct portfolio;

/* Reads every OUT/<team>/summary.json in folders once, for the order and
 * the figures; links are made relative to index_folder, where the
 * portfolio goes.  Only a few numbers a team are held.  A team folder or
 * summary that is a symbolic link is left out.  Returns the portfolio
 * (free with portfolio_free), or NULL after reporting a folder that
 * cannot be read. */
struct portfolio *portfolio_read(char *const *folders, size_t folder_count,
				 const char *index_folder, const struct framework *framework,
				 struct diag *diag);

size_t portfolio_team_count(const struct portfolio *portfolio);

const struct portfolio_figures *portfolio_figures_of(const struct portfolio *portfolio);

/* The portfolio's units, in path order, and its quarters. */
const struct portfolio_units *portfolio_units_of(const struct portfolio *portfolio);
const struct portfolio_quarters *portfolio_quarters_of(const struct portfolio *portfolio);

/* The dates of the oldest and the newest of the teams' latest
 * assessments (YYYY-MM-DD, held by the portfolio); false when there is no
 * team. */
int portfolio_dates(const struct portfolio *portfolio, const char **first, const char **last);

/* The id of team index, in team order. */
const char *portfolio_team_id(const struct portfolio *portfolio, size_t index);

/* Reads team index (in team order) again: its description into summary
 * (release it with summary_release) and its folder relative to the index
 * folder into *link (free it).  Returns 0, or -1 after reporting. */
int portfolio_team(const struct portfolio *portfolio, size_t index, struct summary *summary,
		   char **link, struct diag *diag);

void portfolio_free(struct portfolio *portfolio);

/* What index.html is made of, loaded before the first team
 * (portfolio_page.c): the index template of templates_folder and the
 * script that sorts its tables (templates_folder/index.js), with the
 * script's SHA-256 for the page's content-security policy.  Returns it
 * (free with portfolio_page_free), or NULL after reporting. */
struct portfolio_page *portfolio_page_load(const char *templates_folder, struct diag *diag);

void portfolio_page_free(struct portfolio_page *page);

/* Writes index.html into folder, the index folder open: the portfolio's
 * figures, units and quarters, then its teams 256 at a time, each read
 * again, so that memory does not grow with the portfolio.  Returns 0, or
 * -1 after reporting (portfolio_page.c). */
int portfolio_page_write(const struct outfile_folder *folder, const struct portfolio *portfolio,
			 const struct framework *framework, const struct brand *brand,
			 const struct portfolio_page *page, const char *generated,
			 struct diag *diag);

/* Writes the portfolio into folder, the index folder open, dated
 * generated (YYYY-MM-DD): summary.csv and summary.json, and index.html
 * unless page is NULL.  One team is held at a time, so memory does not
 * grow with the portfolio.  Returns 0, or -1 after reporting
 * (portfolio_write.c). */
int portfolio_write(const struct portfolio *portfolio, const struct outfile_folder *folder,
		    const struct framework *framework, const struct brand *brand,
		    const struct portfolio_page *page, const char *generated,
		    struct diag *diag);

/* portfolio_read then portfolio_write, as render and index do.  Returns
 * 0, or -1 after reporting. */
int portfolio_build(char *const *folders, size_t folder_count, const char *index_folder,
		    const struct framework *framework, const struct brand *brand,
		    const struct portfolio_page *page, const char *generated,
		    struct diag *diag);

#endif
