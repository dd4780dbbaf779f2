/* The roadmap as files of its own: roadmap.md to read and roadmap.csv to
 * import into a task tracker. */
#ifndef MATURITY_ROADMAP_FILES_H
#define MATURITY_ROADMAP_FILES_H

struct diag;
struct model;

/* Writes folder/roadmap.md and folder/roadmap.csv atomically.  Returns 0,
 * or -1 after reporting. */
int roadmap_files_write(const char *folder, const struct model *model, struct diag *diag);

#endif
