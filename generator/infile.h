/* Opening input files: the one way every reader opens what it reads
 * (answer sets, survey CSV, mappings, brands and logos, packs, templates).
 * An open never blocks, only a regular file is read, and the type is
 * checked on the open descriptor, so what is checked is what is read. */
#ifndef MATURITY_INFILE_H
#define MATURITY_INFILE_H

#include <stddef.h>

struct diag;

/* Whether a symbolic link as the last part of a name is followed: yes for
 * a file the user named, no for one the tool found itself (in a folder
 * walk, inside a pack). */
enum infile_links {
	INFILE_FOLLOW,
	INFILE_NO_LINKS,
};

/* Opens path for reading with O_NONBLOCK (a FIFO or a device cannot hang
 * the open) and O_NOFOLLOW when links is INFILE_NO_LINKS, then keeps it
 * only if fstat says it is a regular file.  Returns a blocking descriptor
 * (close it), or -1 after reporting "path: error: ...". */
int infile_open(const char *path, enum infile_links links, struct diag *diag);

/* The same for name in the folder open as folder_descriptor; display is
 * the path used in messages. */
int infile_open_at(int folder_descriptor, const char *name, const char *display,
		   enum infile_links links, struct diag *diag);

/* Opens name, a relative path below folder, one part at a time relative
 * to the part before it: no part may be "..", absolute or a symbolic
 * link, so the file is inside folder whatever the names hold.  Returns a
 * descriptor; INFILE_OUTSIDE, unreported, when name would lead out of
 * folder (the caller says why the file was wanted there); or -1 after
 * reporting any other problem. */
enum { INFILE_OUTSIDE = -2 };
int infile_open_beneath(const char *folder, const char *name, struct diag *diag);

/* Reads all of descriptor (which it closes) into a NUL-terminated buffer
 * of at most max_bytes bytes; name is used in messages.  Returns the
 * buffer (free with free) and its length, or NULL after reporting. */
char *infile_read_descriptor(int descriptor, const char *name, size_t max_bytes, size_t *length,
			     struct diag *diag);

/* infile_open then infile_read_descriptor. */
char *infile_read(const char *path, enum infile_links links, size_t max_bytes, size_t *length,
		  struct diag *diag);

#endif
