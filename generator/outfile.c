/* Output files written relative to folder descriptors; see outfile.h. */
#include "outfile.h"

#include "diag.h"
#include "xalloc.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

enum { OUTFILE_SUFFIX = 6 };

static struct outfile_folder *
outfile_folder_new(int descriptor, const char *path)
{
	struct outfile_folder *folder = xcalloc(1, sizeof *folder);

	folder->descriptor = descriptor;
	folder->path = xstrdup(path);
	return folder;
}

struct outfile_folder *
outfile_folder_open(const char *path, struct diag *diag)
{
	char *copy;
	int descriptor;

	if (path[0] == '\0') {
		diag_error(diag, NULL, 0, "empty folder name");
		return NULL;
	}
	/* Each leading part in turn, as mkdir -p does. */
	copy = xstrdup(path);
	for (char *cursor = copy + 1;; cursor++) {
		char saved = *cursor;

		if (saved != '/' && saved != '\0')
			continue;
		*cursor = '\0';
		if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
			diag_error(diag, copy, 0, "cannot create folder: %s", strerror(errno));
			free(copy);
			return NULL;
		}
		*cursor = saved;
		if (saved == '\0')
			break;
	}
	free(copy);
	descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (descriptor < 0) {
		diag_error(diag, path, 0, "%s", errno == ENOTDIR ? "not a folder" : strerror(errno));
		return NULL;
	}
	return outfile_folder_new(descriptor, path);
}

struct outfile_folder *
outfile_folder_child(const struct outfile_folder *parent, const char *name,
		     enum outfile_create create, struct diag *diag)
{
	char *path = xasprintf("%s/%s", parent->path, name);
	struct outfile_folder *folder = NULL;
	struct stat status;
	int descriptor;

	if (create == OUTFILE_CREATE && mkdirat(parent->descriptor, name, 0777) != 0 &&
	    errno != EEXIST) {
		diag_error(diag, path, 0, "cannot create folder: %s", strerror(errno));
		free(path);
		return NULL;
	}
	descriptor = openat(parent->descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (descriptor >= 0) {
		folder = outfile_folder_new(descriptor, path);
	} else if (create == OUTFILE_CREATE) {
		int error = errno;

		if (fstatat(parent->descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISLNK(status.st_mode))
			diag_error(diag, path, 0,
				   "is a symbolic link; nothing is written through a link below the "
				   "output folder");
		else if (error == ENOTDIR)
			diag_error(diag, path, 0, "not a folder");
		else
			diag_error(diag, path, 0, "cannot open folder: %s", strerror(error));
	}
	free(path);
	return folder;
}

void
outfile_folder_close(struct outfile_folder *folder)
{
	if (folder == NULL)
		return;
	close(folder->descriptor);
	free(folder->path);
	free(folder);
}

static void
outfile_clear(struct outfile *file)
{
	free(file->name);
	free(file->temporary_name);
	free(file->path);
	free(file->buffer);
	file->name = NULL;
	file->temporary_name = NULL;
	file->path = NULL;
	file->stream = NULL;
	file->buffer = NULL;
	file->error = 0;
}

/* The state of the names' sequence: 0 until seeded, and again in a child
 * after fork, so that two workers forked from one parent draw different
 * names. */
static uint64_t outfile_state;

static void
outfile_forget_state(void)
{
	outfile_state = 0;
}

/* Six letters and digits, as mkstemp's XXXXXX: a sequence seeded once per
 * process from getrandom, so that a worker pays one system call for all
 * its files.  O_EXCL, not the name, keeps a file ours. */
static void
outfile_suffix(char suffix[OUTFILE_SUFFIX + 1])
{
	static const char alphabet[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	static int registered;
	uint64_t value;

	if (!registered)
		registered = pthread_atfork(NULL, NULL, outfile_forget_state) == 0;
	if (outfile_state == 0) {
		uint64_t seed = 0;

		if (getrandom(&seed, sizeof seed, 0) != (ssize_t)sizeof seed)
			seed = (uint64_t)(uintptr_t)&seed ^ (uint64_t)getpid() << 32;
		outfile_state = seed | 1;
	}
	/* xorshift64*, one step a name. */
	outfile_state ^= outfile_state >> 12;
	outfile_state ^= outfile_state << 25;
	outfile_state ^= outfile_state >> 27;
	value = outfile_state * 0x2545F4914F6CDD1Du;
	for (size_t index = 0; index < OUTFILE_SUFFIX; index++, value >>= 8)
		suffix[index] = alphabet[(value & 0xff) % (sizeof alphabet - 1)];
	suffix[OUTFILE_SUFFIX] = '\0';
}

int
outfile_open(struct outfile *file, const struct outfile_folder *folder, const char *name,
	     struct diag *diag)
{
	int descriptor = -1;

	*file = (struct outfile){ .folder = folder };
	file->name = xstrdup(name);
	file->path = xasprintf("%s/%s", folder->path, name);
	/* O_EXCL and O_NOFOLLOW: a new file of ours, never one planted there. */
	for (int attempt = 0; attempt < 100 && descriptor < 0; attempt++) {
		char suffix[OUTFILE_SUFFIX + 1];

		outfile_suffix(suffix);
		free(file->temporary_name);
		file->temporary_name = xasprintf(".%s.%s", name, suffix);
		descriptor = openat(folder->descriptor, file->temporary_name,
				    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (descriptor < 0 && errno != EEXIST)
			break;
	}
	if (descriptor < 0) {
		diag_error(diag, file->path, 0, "cannot create: %s", strerror(errno));
		outfile_clear(file);
		return -1;
	}
	/* A buffer of our own: large writes, and no fstat to size one. */
	file->stream = fdopen(descriptor, "wb");
	file->buffer = xmalloc(OUTFILE_BUFFER);
	if (file->stream == NULL || setvbuf(file->stream, file->buffer, _IOFBF, OUTFILE_BUFFER) != 0) {
		diag_error(diag, file->path, 0, "cannot open: %s", strerror(errno));
		if (file->stream != NULL)
			fclose(file->stream);
		else
			close(descriptor);
		unlinkat(folder->descriptor, file->temporary_name, 0);
		outfile_clear(file);
		return -1;
	}
	return 0;
}

int
outfile_put(struct outfile *file, const void *data, size_t length)
{
	if (file->error != 0)
		return -1;
	if (length > 0 && fwrite(data, 1, length, file->stream) != length) {
		file->error = errno != 0 ? errno : EIO;
		return -1;
	}
	return 0;
}

int
outfile_commit(struct outfile *file, struct diag *diag)
{
	int failed = file->error != 0;
	int saved_errno = file->error;

	if (!failed && (fflush(file->stream) != 0 || ferror(file->stream))) {
		failed = 1;
		saved_errno = errno;
	}
	if (fclose(file->stream) != 0 && !failed) {
		failed = 1;
		saved_errno = errno;
	}
	file->stream = NULL;
	/* Renaming replaces a link at the final name, never what it points to. */
	if (!failed && renameat(file->folder->descriptor, file->temporary_name,
				file->folder->descriptor, file->name) != 0) {
		failed = 1;
		saved_errno = errno;
	}
	if (failed) {
		diag_error(diag, file->path, 0, "cannot write: %s",
			   strerror(saved_errno ? saved_errno : EIO));
		unlinkat(file->folder->descriptor, file->temporary_name, 0);
	}
	outfile_clear(file);
	return failed ? -1 : 0;
}

void
outfile_abort(struct outfile *file)
{
	if (file->stream != NULL)
		fclose(file->stream);
	if (file->temporary_name != NULL)
		unlinkat(file->folder->descriptor, file->temporary_name, 0);
	outfile_clear(file);
}

int
outfile_write(const struct outfile_folder *folder, const char *name, const void *data,
	      size_t length, struct diag *diag)
{
	struct outfile file;

	if (outfile_open(&file, folder, name, diag) != 0)
		return -1;
	outfile_put(&file, data, length);
	return outfile_commit(&file, diag);
}

int
outfile_is_temporary(const char *name)
{
	size_t length = strlen(name);

	return name[0] == '.' && length > OUTFILE_SUFFIX + 2 &&
	       name[length - OUTFILE_SUFFIX - 1] == '.';
}
