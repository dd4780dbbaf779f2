/* Unit tests of opening input: never blocking, regular files only, links
 * followed only where allowed, and nothing read outside a folder. */
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
#include "infile.h"
#include "scratch.h"

static char path[512];

static const char *
at(const char *name)
{
	snprintf(path, sizeof path, "%s/%s", scratch, name);
	return path;
}

static int
setup(void **state)
{
	FILE *stream;

	(void)state;
	if (scratch_make() != 0 || mkdir(at("logos"), 0777) != 0)
		return -1;
	stream = fopen(at("logos/logo.png"), "w");
	if (stream == NULL)
		return -1;
	fputs("png", stream);
	fclose(stream);
	if (mkfifo(at("pipe.xml"), 0666) != 0 || symlink("logos/logo.png", at("link.png")) != 0 ||
	    symlink("logos", at("linked")) != 0)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	return scratch_remove();
}

static void
test_regular_file_is_read(void **state)
{
	struct diag diag;
	size_t length = 0;
	char *data;

	(void)state;
	diag_init(&diag, NULL);
	data = infile_read(at("logos/logo.png"), INFILE_NO_LINKS, 16, &length, &diag);
	assert_non_null(data);
	assert_int_equal(length, 3);
	assert_string_equal(data, "png");
	free(data);
	assert_null(infile_read(at("logos/logo.png"), INFILE_FOLLOW, 2, &length, &diag));
	assert_int_equal(diag.errors, 1);
}

static void
test_fifo_is_refused_without_blocking(void **state)
{
	struct diag diag;

	(void)state;
	diag_init(&diag, NULL);
	/* No writer holds the pipe: a blocking open would never return. */
	assert_int_equal(infile_open(at("pipe.xml"), INFILE_FOLLOW, &diag), -1);
	assert_int_equal(diag.errors, 1);
	assert_int_equal(infile_open(scratch, INFILE_FOLLOW, &diag), -1);
	assert_int_equal(diag.errors, 2);
}

static void
test_links_only_where_allowed(void **state)
{
	struct diag diag;
	int descriptor;

	(void)state;
	diag_init(&diag, NULL);
	descriptor = infile_open(at("link.png"), INFILE_FOLLOW, &diag);
	assert_true(descriptor >= 0);
	close(descriptor);
	assert_int_equal(infile_open(at("link.png"), INFILE_NO_LINKS, &diag), -1);
	assert_int_equal(diag.errors, 1);
}

static void
test_beneath_stays_inside(void **state)
{
	struct diag diag;
	int descriptor;

	(void)state;
	diag_init(&diag, NULL);
	descriptor = infile_open_beneath(scratch, "logos/logo.png", &diag);
	assert_true(descriptor >= 0);
	close(descriptor);
	assert_int_equal(infile_open_beneath(at("logos"), "../logos/logo.png", &diag),
			 INFILE_OUTSIDE);
	assert_int_equal(infile_open_beneath(scratch, "/etc/passwd", &diag), INFILE_OUTSIDE);
	assert_int_equal(infile_open_beneath(scratch, "link.png", &diag), INFILE_OUTSIDE);
	assert_int_equal(infile_open_beneath(scratch, "linked/logo.png", &diag), INFILE_OUTSIDE);
	/* Leading out is the caller's to say; a missing file is said here. */
	assert_int_equal(diag.errors, 0);
	assert_int_equal(infile_open_beneath(scratch, "logos/none.png", &diag), -1);
	assert_int_equal(diag.errors, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_regular_file_is_read),
		cmocka_unit_test(test_fifo_is_refused_without_blocking),
		cmocka_unit_test(test_links_only_where_allowed),
		cmocka_unit_test(test_beneath_stays_inside),
	};

	return cmocka_run_group_tests_name("infile", tests, setup, teardown);
}
