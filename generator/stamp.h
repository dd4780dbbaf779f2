/* Stamps for incremental rendering: a digest of everything a team's
 * reports depend on, kept beside them.  Equal stamps mean no work. */
#ifndef MATURITY_STAMP_H
#define MATURITY_STAMP_H

#include <stddef.h>

struct diag;
struct outfile_folder;

enum { STAMP_LENGTH = 64 };  /* hex digits of a SHA-256 digest */

/* Adds every regular file below folder (resolved names and bytes, in name
 * order) to the digest being built in text, which holds a hex digest or
 * "".  Files and folders are known by their resolved paths, so the same
 * input named two ways gives the same digest. */
void stamp_add_folder(char digest[STAMP_LENGTH + 1], const char *folder);

/* True when the two paths name the same existing folder. */
int stamp_same_folder(const char *left, const char *right);

/* Adds one file's bytes (nothing when it cannot be read) and a string. */
void stamp_add_file(char digest[STAMP_LENGTH + 1], const char *path);
void stamp_add_text(char digest[STAMP_LENGTH + 1], const char *text);

/* True when the stamp in folder team of out holds exactly digest; false
 * when there is none, or the folder or stamp is a symbolic link. */
int stamp_matches(const struct outfile_folder *out, const char *team,
		  const char digest[STAMP_LENGTH + 1]);

/* Writes digest as folder's stamp, atomically.  Returns 0 or -1
 * (reported). */
int stamp_write(const struct outfile_folder *folder, const char digest[STAMP_LENGTH + 1],
		struct diag *diag);

/* Removes folder's stamp, if any, so that its team renders next time. */
void stamp_remove(const struct outfile_folder *folder);

#endif
