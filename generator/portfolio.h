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

struct brand;
struct diag;
struct framework;
struct html_template;
struct outfile_folder;
struct summary;

/* The figures of a population of teams, one assessment each. */
struct portfolio_figures {
	size_t teams;
	size_t stage_count;
	size_t *stages;           /* per framework stage: how many teams are at it */
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

/* Adds one team: its stage and its domain scores (< 0: not assessed). */
void portfolio_figures_add(struct portfolio_figures *figures, size_t stage, const double *domains);

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

/* Reads team index (in team order) again: its description into summary
 * (release it with summary_release) and its folder relative to the index
 * folder into *link (free it).  Returns 0, or -1 after reporting. */
int portfolio_team(const struct portfolio *portfolio, size_t index, struct summary *summary,
		   char **link, struct diag *diag);

void portfolio_free(struct portfolio *portfolio);

/* Writes the portfolio into folder, the index folder open, dated
 * generated (YYYY-MM-DD): summary.csv and summary.json, and index.html
 * unless template is NULL.  One team is held at a time, so memory does
 * not grow with the portfolio.  Returns 0, or -1 after reporting
 * (portfolio_write.c). */
int portfolio_write(const struct portfolio *portfolio, const struct outfile_folder *folder,
		    const struct framework *framework, const struct brand *brand,
		    const struct html_template *template, const char *generated,
		    struct diag *diag);

/* portfolio_read then portfolio_write, as render and index do.  Returns
 * 0, or -1 after reporting. */
int portfolio_build(char *const *folders, size_t folder_count, const char *index_folder,
		    const struct framework *framework, const struct brand *brand,
		    const struct html_template *template, const char *generated,
		    struct diag *diag);

#endif
