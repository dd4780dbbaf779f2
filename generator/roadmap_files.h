/* The roadmap as files of its own: roadmap.md to read, roadmap.csv to
 * import into a task tracker, and playbooks.md with the playbooks chosen
 * for the team, linked both ways. */
#ifndef MATURITY_ROADMAP_FILES_H
#define MATURITY_ROADMAP_FILES_H

struct diag;
struct model;
struct outfile_folder;

/* Writes roadmap.md, roadmap.csv and playbooks.md into folder
 * atomically.  Returns 0,
 * or -1 after reporting. */
int roadmap_files_write(const struct outfile_folder *folder, const struct model *model,
			struct diag *diag);

#endif
