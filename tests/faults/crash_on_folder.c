/* A fault for the tests to inject, never built into maturity: preloaded
 * (LD_PRELOAD), it makes the process abort as it is about to make the
 * folder named by CRASH_ON_FOLDER.  Only a render worker makes a team's
 * folder, so `CRASH_ON_FOLDER=fernwick maturity render ...` crashes the
 * worker rendering that team, and the test sees the batch go on. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int mkdirat(int folder, const char *name, mode_t mode);

int
mkdirat(int folder, const char *name, mode_t mode)
{
	static int (*next)(int, const char *, mode_t);
	const char *crash = getenv("CRASH_ON_FOLDER");

	if (crash != NULL && strcmp(crash, name) == 0)
		abort();
	if (next == NULL)
		*(void **)&next = dlsym(RTLD_NEXT, "mkdirat");
	return next(folder, name, mode);
}
