/* Digests for incremental rendering; see stamp.h.  Each addition hashes
 * the digest so far with the new bytes, so the order of additions counts. */
#include "stamp.h"

#include "diag.h"
#include "infile.h"
#include "outfile.h"
#include "xalloc.h"

#include <dirent.h>
#include <fcntl.h>
#include <glib.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The largest file a stamp reads: more than any input the tool accepts. */
enum { STAMP_MAX_FILE = 256 * 1024 * 1024 };

static void
stamp_add_bytes(char digest[STAMP_LENGTH + 1], const void *data, size_t length)
{
	GChecksum *checksum = g_checksum_new(G_CHECKSUM_SHA256);

	g_checksum_update(checksum, (const guchar *)digest, (gssize)strlen(digest));
	g_checksum_update(checksum, data, (gssize)length);
	snprintf(digest, STAMP_LENGTH + 1, "%s", g_checksum_get_string(checksum));
	g_checksum_free(checksum);
}

void
stamp_add_text(char digest[STAMP_LENGTH + 1], const char *text)
{
	stamp_add_bytes(digest, text, strlen(text) + 1);
}

/* A file's bytes, as read through descriptor (closed here); nothing when
 * it cannot be read. */
static void
stamp_add_descriptor(char digest[STAMP_LENGTH + 1], int descriptor, const char *path)
{
	struct diag quiet;
	size_t length = 0;
	char *data;

	diag_init(&quiet, NULL);
	data = descriptor >= 0
		       ? infile_read_descriptor(descriptor, path, STAMP_MAX_FILE, &length, &quiet)
		       : NULL;
	if (data != NULL)
		stamp_add_bytes(digest, data, length);
	free(data);
}

/* A file is known by its resolved path, so "s300" and "./s300" are the
 * same input. */
void
stamp_add_file(char digest[STAMP_LENGTH + 1], const char *path)
{
	char resolved[PATH_MAX];
	struct diag quiet;

	diag_init(&quiet, NULL);
	stamp_add_text(digest, realpath(path, resolved) != NULL ? resolved : path);
	stamp_add_descriptor(digest, infile_open(path, INFILE_FOLLOW, &quiet), path);
}

static int
stamp_compare(const void *left, const void *right)
{
	return strcmp(*(char *const *)left, *(char *const *)right);
}

/* Every regular file below the folder open as descriptor (taken over),
 * whose resolved path is folder: entries are opened relative to it, never
 * through a link, so their paths need no resolving. */
static void
stamp_add_resolved_folder(char digest[STAMP_LENGTH + 1], int descriptor, const char *folder)
{
	DIR *directory = descriptor >= 0 ? fdopendir(descriptor) : NULL;
	struct dirent *entry;
	char **names = NULL;
	size_t count = 0;
	struct diag quiet;

	if (directory == NULL) {
		if (descriptor >= 0)
			close(descriptor);
		return;
	}
	diag_init(&quiet, NULL);
	while ((entry = readdir(directory)) != NULL) {
		if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
			continue;
		names = xreallocarray(names, count + 1, sizeof *names);
		names[count++] = xstrdup(entry->d_name);
	}
	if (count > 1)
		qsort(names, count, sizeof *names, stamp_compare);
	for (size_t index = 0; index < count; index++) {
		char *path = xasprintf("%s/%s", folder, names[index]);
		struct stat status;
		int known = fstatat(dirfd(directory), names[index], &status, AT_SYMLINK_NOFOLLOW) == 0;

		if (known && S_ISDIR(status.st_mode)) {
			stamp_add_resolved_folder(digest,
						  openat(dirfd(directory), names[index],
							 O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
								 O_CLOEXEC),
						  path);
		} else if (known && S_ISREG(status.st_mode)) {
			stamp_add_text(digest, path);
			stamp_add_descriptor(digest,
					     infile_open_at(dirfd(directory), names[index], path,
							    INFILE_NO_LINKS, &quiet),
					     path);
		}
		free(path);
		free(names[index]);
	}
	free(names);
	closedir(directory);
}

void
stamp_add_folder(char digest[STAMP_LENGTH + 1], const char *folder)
{
	char resolved[PATH_MAX];

	if (realpath(folder, resolved) != NULL)
		stamp_add_resolved_folder(digest,
					  open(resolved, O_RDONLY | O_DIRECTORY | O_CLOEXEC),
					  resolved);
}

int
stamp_same_folder(const char *left, const char *right)
{
	struct stat left_status, right_status;

	return stat(left, &left_status) == 0 && stat(right, &right_status) == 0 &&
	       left_status.st_dev == right_status.st_dev && left_status.st_ino == right_status.st_ino;
}

int
stamp_matches(const struct outfile_folder *out, const char *team,
	      const char digest[STAMP_LENGTH + 1])
{
	struct outfile_folder *folder = outfile_folder_child(out, team, OUTFILE_EXISTING, NULL);
	char stored[STAMP_LENGTH + 1] = "";
	struct diag quiet;
	size_t length = 0;
	char *data = NULL;
	int descriptor;

	if (folder == NULL)
		return 0;
	diag_init(&quiet, NULL);
	descriptor = infile_open_at(folder->descriptor, ".maturity-stamp", ".maturity-stamp",
				    INFILE_NO_LINKS, &quiet);
	if (descriptor >= 0)
		data = infile_read_descriptor(descriptor, ".maturity-stamp", STAMP_LENGTH, &length,
					      &quiet);
	outfile_folder_close(folder);
	if (data != NULL && length == STAMP_LENGTH)
		memcpy(stored, data, STAMP_LENGTH);
	free(data);
	return length == STAMP_LENGTH && memcmp(stored, digest, STAMP_LENGTH) == 0;
}

int
stamp_write(const struct outfile_folder *folder, const char digest[STAMP_LENGTH + 1],
	    struct diag *diag)
{
	return outfile_write(folder, ".maturity-stamp", digest, STAMP_LENGTH, diag);
}

void
stamp_remove(const struct outfile_folder *folder)
{
	unlinkat(folder->descriptor, ".maturity-stamp", 0);
}
