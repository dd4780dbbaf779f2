/* Collecting answer-set files; see inputs.h. */
#include "inputs.h"

#include "diag.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void
inputs_add(struct inputs *inputs, char *path, enum infile_links links)
{
	inputs->paths = xreallocarray(inputs->paths, inputs->count + 1, sizeof *inputs->paths);
	inputs->links = xreallocarray(inputs->links, inputs->count + 1, sizeof *inputs->links);
	inputs->links[inputs->count] = links;
	inputs->paths[inputs->count++] = path;
}

static int
inputs_compare(const void *left, const void *right)
{
	return strcmp(*(char *const *)left, *(char *const *)right);
}

static int
inputs_has_suffix(const char *name, const char *suffix)
{
	size_t length = strlen(name), suffix_length = strlen(suffix);

	return length > suffix_length && strcmp(name + length - suffix_length, suffix) == 0;
}

/* Adds every *.xml below folder, in name order, depth first.  Hidden
 * entries (temporary files, .git) are passed over; links are not
 * followed into folders, so a loop of links cannot trap the walk. */
static int
inputs_walk(struct inputs *inputs, const char *folder, int depth, struct diag *diag)
{
	DIR *directory;
	struct dirent *entry;
	char **names = NULL;
	size_t count = 0;
	int failed = 0;

	if (depth > 32) {
		diag_error(diag, folder, 0, "folders nested too deep");
		return -1;
	}
	directory = opendir(folder);
	if (directory == NULL) {
		diag_error(diag, folder, 0, "cannot read folder: %s", strerror(errno));
		return -1;
	}
	while ((entry = readdir(directory)) != NULL) {
		if (entry->d_name[0] == '.')
			continue;
		names = xreallocarray(names, count + 1, sizeof *names);
		names[count++] = xstrdup(entry->d_name);
	}
	closedir(directory);
	if (count > 1)
		qsort(names, count, sizeof *names, inputs_compare);

	for (size_t index = 0; index < count; index++) {
		char *path = xasprintf("%s%s%s", folder,
				       inputs_has_suffix(folder, "/") ? "" : "/", names[index]);
		struct stat status;

		if (lstat(path, &status) == 0 && S_ISDIR(status.st_mode)) {
			failed |= inputs_walk(inputs, path, depth + 1, diag) != 0;
			free(path);
		} else if (inputs_has_suffix(names[index], ".xml")) {
			inputs_add(inputs, path, INFILE_NO_LINKS);
		} else {
			free(path);
		}
		free(names[index]);
	}
	free(names);
	return failed ? -1 : 0;
}

size_t
inputs_collect(struct inputs *inputs, char *const *names, size_t name_count, struct diag *diag)
{
	size_t failed = 0;

	inputs->paths = NULL;
	inputs->links = NULL;
	inputs->count = 0;
	for (size_t index = 0; index < name_count; index++) {
		struct stat status;

		if (stat(names[index], &status) != 0) {
			diag_error(diag, names[index], 0, "cannot read: %s", strerror(errno));
			failed++;
		} else if (S_ISDIR(status.st_mode)) {
			failed += inputs_walk(inputs, names[index], 0, diag) != 0;
		} else {
			inputs_add(inputs, xstrdup(names[index]), INFILE_FOLLOW);
		}
	}
	return failed;
}

void
inputs_free(struct inputs *inputs)
{
	for (size_t index = 0; index < inputs->count; index++)
		free(inputs->paths[index]);
	free(inputs->paths);
	free(inputs->links);
	inputs->paths = NULL;
	inputs->links = NULL;
	inputs->count = 0;
}
