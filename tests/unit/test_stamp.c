/* Unit tests of stamps: a digest changes with what a report depends on
 * and with nothing else, and a team's stamp is trusted only as written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "outfile.h"
#include "scratch.h"
#include "stamp.h"
#include "xalloc.h"

/* Writes text to scratch/name. */
static void
put(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", scratch, name);
	FILE *stream = fopen(path, "w");

	assert_non_null(stream);
	fputs(text, stream);
	assert_int_equal(fclose(stream), 0);
	free(path);
}

/* The digest of scratch/name as a folder. */
static void
folder_digest(const char *name, char digest[STAMP_LENGTH + 1])
{
	char *path = xasprintf("%s/%s", scratch, name);

	digest[0] = '\0';
	stamp_add_folder(digest, path);
	free(path);
}

static void
test_text_in_order(void **state)
{
	char ab[STAMP_LENGTH + 1] = "", ba[STAMP_LENGTH + 1] = "", again[STAMP_LENGTH + 1] = "";
	char joined[STAMP_LENGTH + 1] = "";

	(void)state;
	stamp_add_text(ab, "a");
	stamp_add_text(ab, "b");
	stamp_add_text(ba, "b");
	stamp_add_text(ba, "a");
	stamp_add_text(again, "a");
	stamp_add_text(again, "b");
	stamp_add_text(joined, "ab");
	assert_int_equal(strlen(ab), STAMP_LENGTH);
	assert_string_equal(ab, again);
	assert_string_not_equal(ab, ba);
	assert_string_not_equal(ab, joined);
}

/* A file is known by its resolved path and its bytes. */
static void
test_file_by_resolved_path(void **state)
{
	char plain[STAMP_LENGTH + 1] = "", dotted[STAMP_LENGTH + 1] = "";
	char changed[STAMP_LENGTH + 1] = "";
	char *path = xasprintf("%s/team.xml", scratch), *other = xasprintf("%s/./team.xml", scratch);

	(void)state;
	put("team.xml", "<assessment/>");
	stamp_add_file(plain, path);
	stamp_add_file(dotted, other);
	assert_string_equal(plain, dotted);
	put("team.xml", "<assessment />");
	stamp_add_file(changed, path);
	assert_string_not_equal(plain, changed);
	free(path);
	free(other);
}

/* A folder's digest changes with what a regular file below it holds, is
 * named or is added, and not with a link added. */
static void
test_folder_changes(void **state)
{
	static const struct {
		const char *name;     /* the file written, or the link made, below pack/ */
		const char *text;     /* NULL: a link to the first file */
		int changes;
	} steps[] = {
		{ "a.md", "# A\n", 1 },
		{ "a.md", "# A\n", 0 },
		{ "a.md", "# A!\n", 1 },
		{ "sub/b.md", "# B\n", 1 },
		{ "link.md", NULL, 0 },
	};
	char before[STAMP_LENGTH + 1], after[STAMP_LENGTH + 1];
	char *folder = xasprintf("%s/pack", scratch), *sub = xasprintf("%s/pack/sub", scratch);

	(void)state;
	mkdir(folder, 0777);
	mkdir(sub, 0777);
	folder_digest("pack", before);
	for (size_t index = 0; index < sizeof steps / sizeof *steps; index++) {
		char *name = xasprintf("pack/%s", steps[index].name);

		if (steps[index].text != NULL) {
			put(name, steps[index].text);
		} else {
			char *link = xasprintf("%s/%s", scratch, name), *target = xasprintf("%s/a.md", folder);

			assert_int_equal(symlink(target, link), 0);
			free(link);
			free(target);
		}
		folder_digest("pack", after);
		if (steps[index].changes)
			assert_string_not_equal(before, after);
		else
			assert_string_equal(before, after);
		memcpy(before, after, sizeof before);
		free(name);
	}
	free(folder);
	free(sub);
}

/* A team's stamp matches the digest written, and only that; none when
 * the stamp or the folder is a link, or gone. */
static void
test_team_stamp(void **state)
{
	char digest[STAMP_LENGTH + 1] = "", other[STAMP_LENGTH + 1] = "";
	char *out_path = xasprintf("%s/out", scratch);
	char *stamp = xasprintf("%s/out/linked/.maturity-stamp", scratch);
	char *real = xasprintf("%s/out/team/.maturity-stamp", scratch);
	struct outfile_folder *out, *team, *linked;
	struct diag diag;

	(void)state;
	stamp_add_text(digest, "inputs");
	stamp_add_text(other, "other inputs");
	diag_init(&diag, stderr);
	out = outfile_folder_open(out_path, &diag);
	assert_false(stamp_matches(out, "team", digest));
	team = outfile_folder_child(out, "team", OUTFILE_CREATE, &diag);
	assert_int_equal(stamp_write(team, digest, &diag), 0);
	assert_true(stamp_matches(out, "team", digest));
	assert_false(stamp_matches(out, "team", other));
	linked = outfile_folder_child(out, "linked", OUTFILE_CREATE, &diag);
	assert_int_equal(symlink(real, stamp), 0);
	assert_false(stamp_matches(out, "linked", digest));
	stamp_remove(team);
	assert_false(stamp_matches(out, "team", digest));
	outfile_folder_close(linked);
	outfile_folder_close(team);
	outfile_folder_close(out);
	free(out_path);
	free(stamp);
	free(real);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_in_order),
		cmocka_unit_test(test_file_by_resolved_path),
		cmocka_unit_test(test_folder_changes),
		cmocka_unit_test(test_team_stamp),
	};

	return cmocka_run_group_tests_name("stamp", tests, scratch_setup, scratch_teardown);
}
