/* libFuzzer target: a survey CSV from bytes, as `import csv` reads it:
 * split by libcsv, mapped to answer sets, validated, and each set that
 * passes written as XML and read back as render would (import.h). */
#define _GNU_SOURCE /* memfd_create */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "answers.h"
#include "diag.h"
#include "framework.h"
#include "import.h"
#include "survey.h"
#include "xmlinput.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct framework *framework;
static xmlRelaxNGPtr schema;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	import_load(&framework, &schema);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The bytes as a file that lives in memory: the reader opens it by
	 * name, as it opens any survey. */
	int descriptor = memfd_create("survey.csv", MFD_CLOEXEC);
	struct answers **sets = NULL;
	struct diag diag;
	char path[64];
	size_t problems;
	long count;

	if (descriptor < 0 || write(descriptor, data, size) != (ssize_t)size)
		abort();
	snprintf(path, sizeof path, "/proc/self/fd/%d", descriptor);
	diag_init(&diag, NULL);
	count = survey_read(path, framework, NULL, &sets, &problems, &diag);
	for (long index = 0; index < count; index++) {
		import_check_round_trip(sets[index], framework, schema);
		answers_free(sets[index]);
	}
	free(sets);
	close(descriptor);
	return 0;
}
