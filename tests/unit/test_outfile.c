/* Unit tests of atomic output: a file appears whole or not at all, and
 * only inside the folder named. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "outfile.h"
#include "scratch.h"

static struct outfile_folder *out;

static int
setup(void **state)
{
	struct diag diag;

	(void)state;
	diag_init(&diag, stderr);
	if (scratch_make() != 0)
		return -1;
	out = outfile_folder_open(scratch, &diag);
	return out == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	outfile_folder_close(out);
	return scratch_remove();
}

static size_t
entries(const char *path)
{
	DIR *directory = opendir(path);
	struct dirent *entry;
	size_t count = 0;

	assert_non_null(directory);
	while ((entry = readdir(directory)) != NULL)
		if (strcmp(entry->d_name, ".") != 0 && strcmp(entry->d_name, "..") != 0)
			count++;
	closedir(directory);
	return count;
}

static void
test_commit_renames_into_place(void **state)
{
	struct diag diag;
	struct outfile file;
	char path[256], text[32] = "";
	FILE *stream;

	(void)state;
	diag_init(&diag, NULL);
	snprintf(path, sizeof path, "%s/report.txt", scratch);
	assert_int_equal(outfile_open(&file, out, "report.txt", &diag), 0);
	fputs("hello", file.stream);
	/* Until commit, only the temporary name exists. */
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(outfile_commit(&file, &diag), 0);
	stream = fopen(path, "r");
	assert_non_null(stream);
	assert_non_null(fgets(text, sizeof text, stream));
	fclose(stream);
	assert_string_equal(text, "hello");
	assert_int_equal(entries(scratch), 1);
	unlink(path);
}

static void
test_abort_leaves_nothing(void **state)
{
	struct diag diag;
	struct outfile file;

	(void)state;
	diag_init(&diag, NULL);
	assert_int_equal(outfile_open(&file, out, "partial.pdf", &diag), 0);
	fputs("half a report", file.stream);
	outfile_abort(&file);
	assert_int_equal(entries(scratch), 0);
}

static void
test_unwritable_folder_is_reported(void **state)
{
	struct diag diag;

	(void)state;
	diag_init(&diag, NULL);
	assert_null(outfile_folder_open("/proc/nonexistent-folder", &diag));
	assert_int_equal(diag.errors, 1);
}

/* A file-size limit of 4 KiB fails writes the way a full disk does; the
 * limit before it is kept in saved. */
static void
limit_file_size(struct rlimit *saved)
{
	struct rlimit limit;

	assert_int_equal(getrlimit(RLIMIT_FSIZE, saved), 0);
	limit = *saved;
	limit.rlim_cur = 4096;
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &limit), 0);
}

static void
test_full_disk_leaves_nothing(void **state)
{
	struct diag diag;
	struct outfile file;
	struct rlimit saved;
	char big[65536];

	(void)state;
	/* A file-size limit fails writes the way a full disk does. */
	diag_init(&diag, NULL);
	memset(big, 'x', sizeof big);
	limit_file_size(&saved);
	assert_int_equal(outfile_open(&file, out, "big.pdf", &diag), 0);
	fwrite(big, 1, sizeof big, file.stream);
	assert_int_equal(outfile_commit(&file, &diag), -1);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &saved), 0);
	assert_int_equal(diag.errors, 1);
	assert_int_equal(entries(scratch), 0);
}

/* A write through outfile_put that fails is kept, later writes are
 * skipped, and the commit reports the cause once and leaves nothing. */
static void
test_failed_put_is_reported_at_commit(void **state)
{
	struct diag diag;
	struct outfile file;
	struct rlimit saved;
	char big[65536], *text = NULL;
	size_t size = 0;
	FILE *messages = open_memstream(&text, &size);

	(void)state;
	assert_non_null(messages);
	diag_init(&diag, messages);
	memset(big, 'x', sizeof big);
	limit_file_size(&saved);
	assert_int_equal(outfile_open(&file, out, "put.html", &diag), 0);
	assert_int_equal(outfile_put(&file, "<p>", 3), 0);
	assert_int_equal(outfile_put(&file, big, sizeof big), -1);
	assert_int_equal(file.error, EFBIG);
	assert_int_equal(outfile_put(&file, "</p>", 4), -1);
	assert_int_equal(outfile_commit(&file, &diag), -1);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &saved), 0);
	fclose(messages);
	assert_int_equal(diag.errors, 1);
	assert_non_null(strstr(text, "put.html: error: cannot write: File too large"));
	free(text);
	assert_int_equal(entries(scratch), 0);
}

static void
test_make_folders(void **state)
{
	struct diag diag;
	struct outfile_folder *made;
	char path[256];
	struct stat status;

	(void)state;
	diag_init(&diag, NULL);
	snprintf(path, sizeof path, "%s/a/b/c", scratch);
	made = outfile_folder_open(path, &diag);
	assert_non_null(made);
	outfile_folder_close(made);
	assert_int_equal(stat(path, &status), 0);
	assert_true(S_ISDIR(status.st_mode));
	made = outfile_folder_open(path, &diag);
	assert_non_null(made);
	outfile_folder_close(made);
	assert_null(outfile_folder_open("", &diag));
	snprintf(path, sizeof path, "rm -rf '%s/a'", scratch);
	assert_int_equal(system(path), 0);
}

/* A folder below the one named that is a link elsewhere is refused, and
 * nothing is written where it points. */
static void
test_linked_folder_is_refused(void **state)
{
	struct diag diag;
	char elsewhere[] = "/tmp/maturity-elsewhere-XXXXXX", link[256];

	(void)state;
	diag_init(&diag, NULL);
	assert_non_null(mkdtemp(elsewhere));
	snprintf(link, sizeof link, "%s/team", scratch);
	assert_int_equal(symlink(elsewhere, link), 0);
	assert_null(outfile_folder_child(out, "team", OUTFILE_CREATE, &diag));
	assert_int_equal(diag.errors, 1);
	assert_null(outfile_folder_child(out, "team", OUTFILE_EXISTING, &diag));
	assert_int_equal(entries(elsewhere), 0);
	unlink(link);
	rmdir(elsewhere);
}

/* A child folder holds files written through its own descriptor. */
static void
test_child_folder_writes(void **state)
{
	struct diag diag;
	struct outfile_folder *team;
	char path[256];

	(void)state;
	diag_init(&diag, NULL);
	team = outfile_folder_child(out, "team", OUTFILE_CREATE, &diag);
	assert_non_null(team);
	assert_int_equal(outfile_write(team, "roadmap.md", "# plan\n", 7, &diag), 0);
	outfile_folder_close(team);
	snprintf(path, sizeof path, "%s/team/roadmap.md", scratch);
	assert_int_equal(access(path, F_OK), 0);
	snprintf(path, sizeof path, "rm -rf '%s/team'", scratch);
	assert_int_equal(system(path), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_commit_renames_into_place),
		cmocka_unit_test(test_abort_leaves_nothing),
		cmocka_unit_test(test_unwritable_folder_is_reported),
		cmocka_unit_test(test_full_disk_leaves_nothing),
		cmocka_unit_test(test_failed_put_is_reported_at_commit),
		cmocka_unit_test(test_make_folders),
		cmocka_unit_test(test_linked_folder_is_refused),
		cmocka_unit_test(test_child_folder_writes),
	};

	return cmocka_run_group_tests_name("outfile", tests, setup, teardown);
}
