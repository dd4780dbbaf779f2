/* Opening input files safely; see infile.h. */
#include "infile.h"

#include "diag.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What a file that is not a regular file is, for the message. */
static const char *
infile_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a folder";
	if (S_ISFIFO(mode))
		return "a named pipe";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	return "not a plain file";
}

/* Keeps descriptor only if it is a regular file, and makes it blocking
 * again (O_NONBLOCK was for the open).  Returns it, or -1 after closing
 * and reporting. */
static int
infile_check(int descriptor, const char *display, struct diag *diag)
{
	struct stat status;
	int flags;

	if (fstat(descriptor, &status) != 0) {
		diag_error(diag, display, 0, "cannot read: %s", strerror(errno));
		close(descriptor);
		return -1;
	}
	if (!S_ISREG(status.st_mode)) {
		diag_error(diag, display, 0, "not a regular file (%s)", infile_kind(status.st_mode));
		close(descriptor);
		return -1;
	}
	flags = fcntl(descriptor, F_GETFL);
	if (flags < 0 || fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) != 0) {
		diag_error(diag, display, 0, "cannot read: %s", strerror(errno));
		close(descriptor);
		return -1;
	}
	return descriptor;
}

static void
infile_report_open(const char *display, int error, enum infile_links links, struct diag *diag)
{
	if (error == ELOOP && links == INFILE_NO_LINKS)
		diag_error(diag, display, 0, "is a symbolic link, which is not followed here");
	else
		diag_error(diag, display, 0, "cannot open: %s", strerror(error));
}

int
infile_open_at(int folder_descriptor, const char *name, const char *display,
	       enum infile_links links, struct diag *diag)
{
	int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;
	int descriptor;

	if (links == INFILE_NO_LINKS)
		flags |= O_NOFOLLOW;
	descriptor = openat(folder_descriptor, name, flags);
	if (descriptor < 0) {
		infile_report_open(display, errno, links, diag);
		return -1;
	}
	return infile_check(descriptor, display, diag);
}

int
infile_open(const char *path, enum infile_links links, struct diag *diag)
{
	return infile_open_at(AT_FDCWD, path, path, links, diag);
}

int
infile_open_beneath(const char *folder, const char *name, struct diag *diag)
{
	char *display = xasprintf("%s/%s", folder, name);
	char *parts = xstrdup(name), *state = NULL;
	int current = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int result = -1;

	if (current < 0) {
		diag_error(diag, folder, 0, "cannot open folder: %s", strerror(errno));
		goto done;
	}
	if (name[0] == '/') {
		result = INFILE_OUTSIDE;
		goto done;
	}
	/* Every part but the last is a folder; none is a link or "..". */
	for (char *part = strtok_r(parts, "/", &state); part != NULL;) {
		char *next = strtok_r(NULL, "/", &state);
		int opened;

		if (strcmp(part, "..") == 0) {
			result = INFILE_OUTSIDE;
			goto done;
		}
		if (next == NULL) {
			struct stat status;

			if (fstatat(current, part, &status, AT_SYMLINK_NOFOLLOW) == 0 &&
			    S_ISLNK(status.st_mode)) {
				result = INFILE_OUTSIDE;
			} else {
				result = infile_open_at(current, part, display, INFILE_NO_LINKS, diag);
			}
			goto done;
		}
		opened = openat(current, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (opened < 0) {
			if (errno == ELOOP || errno == ENOTDIR)
				result = INFILE_OUTSIDE;
			else
				diag_error(diag, display, 0, "cannot open: %s", strerror(errno));
			goto done;
		}
		close(current);
		current = opened;
		part = next;
	}
	diag_error(diag, display, 0, "names no file");
done:
	if (current >= 0)
		close(current);
	free(parts);
	free(display);
	return result;
}

char *
infile_read_descriptor(int descriptor, const char *name, size_t max_bytes, size_t *length,
		       struct diag *diag)
{
	struct stat status;
	size_t size, got = 0;
	char *data;

	if (fstat(descriptor, &status) != 0) {
		diag_error(diag, name, 0, "cannot read: %s", strerror(errno));
		close(descriptor);
		return NULL;
	}
	if ((unsigned long long)status.st_size > max_bytes) {
		diag_error(diag, name, 0, "file is %lld bytes, over the limit of %zu bytes",
			   (long long)status.st_size, max_bytes);
		close(descriptor);
		return NULL;
	}
	size = (size_t)status.st_size;
	data = xmalloc(size + 1);
	while (got < size) {
		ssize_t count = read(descriptor, data + got, size - got);

		if (count < 0 && errno == EINTR)
			continue;
		if (count <= 0)
			break;
		got += (size_t)count;
	}
	/* A file that shrank after fstat is an error; one that grew is read
	 * only up to the size checked against the limit. */
	if (got != size) {
		diag_error(diag, name, 0, "cannot read: the file changed while it was read");
		close(descriptor);
		free(data);
		return NULL;
	}
	close(descriptor);
	data[size] = '\0';
	*length = size;
	return data;
}

char *
infile_read(const char *path, enum infile_links links, size_t max_bytes, size_t *length,
	    struct diag *diag)
{
	int descriptor = infile_open(path, links, diag);

	if (descriptor < 0)
		return NULL;
	return infile_read_descriptor(descriptor, path, max_bytes, length, diag);
}
