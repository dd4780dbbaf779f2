/* The portfolio: every team's headline results side by side.  Each
 * rendered team leaves a summary.json; the portfolio reads them back from
 * one or more output folders (the shards of a CI run) and writes
 * index.html, summary.csv and summary.json. */
#ifndef MATURITY_PORTFOLIO_H
#define MATURITY_PORTFOLIO_H

#include <stddef.h>

struct brand;
struct diag;
struct framework;
struct html_template;
struct model;
struct outfile_folder;

/* Writes summary.json for the team of model into folder, its team
 * folder.  Returns 0, or -1 after reporting. */
int portfolio_write_team(const struct outfile_folder *folder, const struct model *model,
			 struct diag *diag);

/* Reads every OUT/<team>/summary.json in folders and writes the portfolio
 * into index_folder, dated generated (YYYY-MM-DD).  template may be NULL
 * (no index.html).  The summaries are read in two passes and one team is
 * held at a time, so memory does not grow with the number of teams
 * beyond a few numbers each.  A team folder or summary that is a
 * symbolic link is left out.  Returns 0, or -1 after reporting. */
int portfolio_build(char *const *folders, size_t folder_count, const char *index_folder,
		    const struct framework *framework, const struct brand *brand,
		    const struct html_template *template, const char *generated,
		    struct diag *diag);

#endif
