/* libFuzzer target: a survey CSV from bytes, as `import csv` reads it:
 * split by libcsv, mapped to answer sets, validated, and each set that
 * passes written as XML and read back as render would (fuzz.h). */
#define _GNU_SOURCE /* memfd_create */
#include <sys/mman.h>
#include <unistd.h>

#define FUZZ_NEEDS (FUZZ_PACK | FUZZ_SCHEMA)
#include "fuzz.h"
#include "survey.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The bytes as a file that lives in memory: the reader opens it by
	 * name, as it opens any survey. */
	int descriptor = memfd_create("survey.csv", MFD_CLOEXEC);
	struct answers **sets = NULL;
	struct diag diag;
	char path[64];
	size_t rejected;
	long count;

	if (descriptor < 0 || write(descriptor, data, size) != (ssize_t)size)
		abort();
	snprintf(path, sizeof path, "/proc/self/fd/%d", descriptor);
	diag_init(&diag, NULL);
	count = survey_read(path, framework, NULL, &sets, &rejected, &diag);
	for (long index = 0; index < count; index++) {
		fuzz_check_imported(sets[index]);
		answers_free(sets[index]);
	}
	free(sets);
	close(descriptor);
	return 0;
}
