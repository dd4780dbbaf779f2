/* Output files that appear whole or not at all, written only inside the
 * folder the user named.  A folder is held open as a directory
 * descriptor; folders below it are made and opened relative to it without
 * following a symbolic link, and files are created and renamed relative
 * to their folder's descriptor, so nothing below the named folder can
 * redirect a write elsewhere. */
#ifndef MATURITY_OUTFILE_H
#define MATURITY_OUTFILE_H

#include <stddef.h>
#include <stdio.h>

struct diag;

/* An output folder, open. */
struct outfile_folder {
	int descriptor;        /* O_DIRECTORY */
	char *path;            /* as named, for messages */
};

/* Whether outfile_folder_child makes a folder that is missing. */
enum outfile_create {
	OUTFILE_CREATE,        /* make it; report every problem */
	OUTFILE_EXISTING,      /* open it only if it is there; report nothing */
};

struct outfile {
	const struct outfile_folder *folder;  /* borrowed: outlives the file */
	char *name;            /* final name in folder */
	char *temporary_name;  /* ".NAME.XXXXXX" beside it while open */
	char *path;            /* folder/name, for messages */
	FILE *stream;          /* open for writing until commit or abort */
	char *buffer;          /* the stream's buffer, OUTFILE_BUFFER bytes */
	int error;             /* errno of the first outfile_put that failed, else 0 */
};

/* The stream's buffer: a report goes out in two or three writes. */
enum { OUTFILE_BUFFER = 64 * 1024 };

/* Opens the folder path, making it and its parents as needed (mode 0777
 * before umask).  The user named it, so links in path are followed.
 * Returns it (close with outfile_folder_close) or NULL after reporting. */
struct outfile_folder *outfile_folder_open(const char *path, struct diag *diag);

/* Opens folder name (one part, no '/') inside parent, making it when
 * create says so.  A symbolic link or anything but a folder is refused.
 * Returns it or NULL (reported only with OUTFILE_CREATE). */
struct outfile_folder *outfile_folder_child(const struct outfile_folder *parent, const char *name,
					    enum outfile_create create, struct diag *diag);

void outfile_folder_close(struct outfile_folder *folder);

/* Opens a new temporary file beside name in folder.  Returns 0, or -1
 * after reporting the problem to diag (nothing is left on disk). */
int outfile_open(struct outfile *file, const struct outfile_folder *folder, const char *name,
		 struct diag *diag);

/* Writes length bytes to the open file.  The first failure is kept in
 * file->error (later writes are skipped) for outfile_commit to report,
 * so writers called back by a library need not report it themselves.
 * Returns 0 or -1. */
int outfile_put(struct outfile *file, const void *data, size_t length);

/* Flushes, checks for write errors (outfile_put's first), closes and renames into place.
 * Returns 0, or -1 after reporting; on failure the temporary file is
 * removed and the final name is untouched.  Frees the struct's strings
 * either way. */
int outfile_commit(struct outfile *file, struct diag *diag);

/* Closes and removes the temporary file; the final name is untouched. */
void outfile_abort(struct outfile *file);

/* Writes length bytes to name in folder atomically.  Returns 0 or -1
 * (reported). */
int outfile_write(const struct outfile_folder *folder, const char *name, const void *data,
		  size_t length, struct diag *diag);

/* True when name in folder is a temporary name of this module. */
int outfile_is_temporary(const char *name);

#endif
