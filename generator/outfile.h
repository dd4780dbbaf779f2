/* Output files that appear whole or not at all: each is written under a
 * temporary name in its own folder and renamed into place on commit. */
#ifndef MATURITY_OUTFILE_H
#define MATURITY_OUTFILE_H

#include <stddef.h>
#include <stdio.h>

struct diag;

struct outfile {
	char *path;            /* final name */
	char *temporary_path;  /* ".NAME.XXXXXX" beside it while open */
	FILE *stream;          /* open for writing until commit or abort */
};

/* Opens a temporary file beside path.  Returns 0, or -1 after reporting
 * the problem to diag (nothing is left on disk). */
int outfile_open(struct outfile *file, const char *path, struct diag *diag);

/* Flushes, checks for write errors, closes and renames into place.
 * Returns 0, or -1 after reporting; on failure the temporary file is
 * removed and the final name is untouched.  Frees the struct's strings
 * either way. */
int outfile_commit(struct outfile *file, struct diag *diag);

/* Closes and removes the temporary file; the final name is untouched. */
void outfile_abort(struct outfile *file);

/* Writes length bytes to path atomically.  Returns 0 or -1 (reported). */
int outfile_write(const char *path, const void *data, size_t length,
		  struct diag *diag);

/* Creates path and its parents as folders (mode 0777 before umask).
 * Returns 0 or -1 (reported). */
int outfile_make_folders(const char *path, struct diag *diag);

#endif
