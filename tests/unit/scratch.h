/* Shared by unit tests that work on files: a scratch folder of their own,
 * made before a test file's tests and removed with all it holds after. */
#ifndef MATURITY_TEST_SCRATCH_H
#define MATURITY_TEST_SCRATCH_H

#include <stdio.h>
#include <stdlib.h>

/* Unused by a test file that includes this only through fixture.h. */
__attribute__((unused)) static char scratch[] = "/tmp/maturity-test-XXXXXX";

/* Makes the folder; 0, or -1 when it cannot be made. */
__attribute__((unused)) static inline int
scratch_make(void)
{
	return mkdtemp(scratch) == NULL ? -1 : 0;
}

/* Removes the folder and everything below it; 0, or -1. */
static inline int
scratch_remove(void)
{
	char command[sizeof scratch + 16];

	snprintf(command, sizeof command, "rm -rf '%s'", scratch);
	return system(command) == 0 ? 0 : -1;
}

/* As a cmocka group's setup and teardown, for a test file that needs no
 * more than the folder. */
__attribute__((unused)) static int
scratch_setup(void **state)
{
	(void)state;
	return scratch_make();
}

__attribute__((unused)) static int
scratch_teardown(void **state)
{
	(void)state;
	return scratch_remove();
}

#endif
