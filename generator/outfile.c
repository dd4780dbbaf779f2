/* Output files written to a temporary name and renamed into place. */
#include "outfile.h"

#include "diag.h"
#include "xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void
outfile_clear(struct outfile *file)
{
	free(file->path);
	free(file->temporary_path);
	file->path = NULL;
	file->temporary_path = NULL;
	file->stream = NULL;
}

int
outfile_open(struct outfile *file, const char *path, struct diag *diag)
{
	const char *slash = strrchr(path, '/');
	size_t folder_length = slash ? (size_t)(slash - path) + 1 : 0;
	const char *base = path + folder_length;
	int descriptor;

	file->path = xstrdup(path);
	file->temporary_path = xasprintf("%.*s.%s.XXXXXX", (int)folder_length, path, base);
	file->stream = NULL;

	descriptor = mkstemp(file->temporary_path);
	if (descriptor < 0) {
		diag_error(diag, path, 0, "cannot create: %s", strerror(errno));
		outfile_clear(file);
		return -1;
	}
	/* mkstemp creates 0600; reports are meant to be shared like any file. */
	mode_t mask = umask(0);
	umask(mask);
	(void)fchmod(descriptor, 0666 & ~mask);

	file->stream = fdopen(descriptor, "wb");
	if (file->stream == NULL) {
		diag_error(diag, path, 0, "cannot open: %s", strerror(errno));
		close(descriptor);
		unlink(file->temporary_path);
		outfile_clear(file);
		return -1;
	}
	return 0;
}

int
outfile_commit(struct outfile *file, struct diag *diag)
{
	int failed = 0;
	int saved_errno = 0;

	if (fflush(file->stream) != 0 || ferror(file->stream)) {
		failed = 1;
		saved_errno = errno;
	}
	if (fclose(file->stream) != 0 && !failed) {
		failed = 1;
		saved_errno = errno;
	}
	file->stream = NULL;
	if (!failed && rename(file->temporary_path, file->path) != 0) {
		failed = 1;
		saved_errno = errno;
	}
	if (failed) {
		diag_error(diag, file->path, 0, "cannot write: %s",
			   strerror(saved_errno ? saved_errno : EIO));
		unlink(file->temporary_path);
	}
	outfile_clear(file);
	return failed ? -1 : 0;
}

void
outfile_abort(struct outfile *file)
{
	if (file->stream != NULL)
		fclose(file->stream);
	if (file->temporary_path != NULL)
		unlink(file->temporary_path);
	outfile_clear(file);
}

int
outfile_write(const char *path, const void *data, size_t length, struct diag *diag)
{
	struct outfile file;

	if (outfile_open(&file, path, diag) != 0)
		return -1;
	if (length > 0 && fwrite(data, 1, length, file.stream) != length) {
		diag_error(diag, path, 0, "cannot write: %s", strerror(errno));
		outfile_abort(&file);
		return -1;
	}
	return outfile_commit(&file, diag);
}

int
outfile_make_folders(const char *path, struct diag *diag)
{
	char *copy;
	struct stat status;

	if (path[0] == '\0') {
		diag_error(diag, NULL, 0, "empty folder name");
		return -1;
	}
	copy = xstrdup(path);
	for (char *cursor = copy + 1;; cursor++) {
		char saved = *cursor;

		if (saved != '/' && saved != '\0')
			continue;
		*cursor = '\0';
		if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
			diag_error(diag, copy, 0, "cannot create folder: %s", strerror(errno));
			free(copy);
			return -1;
		}
		*cursor = saved;
		if (saved == '\0')
			break;
	}
	if (stat(path, &status) != 0 || !S_ISDIR(status.st_mode)) {
		diag_error(diag, path, 0, "not a folder");
		free(copy);
		return -1;
	}
	free(copy);
	return 0;
}
