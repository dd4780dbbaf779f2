/* libFuzzer target: a brand file from bytes, with its logo.  The bytes
 * before a line "--logo--" are the brand file; those after it, when there
 * is such a line, are the file logo.png beside it, so the logo's header
 * check, size limit and decoding are fuzzed too.  Both are written into a
 * folder of their own, since a brand names its logo by path. */
#define _GNU_SOURCE /* memmem */
#include <string.h>
#include <unistd.h>

#include "brand.h"
#define FUZZ_NEEDS 0
#define FUZZ_SETUP brand_setup
#include "fuzz.h"

static char folder[] = "/tmp/maturity-fuzz-brand-XXXXXX";
static char brand_path[128], logo_path[128];

static void
remove_folder(void)
{
	unlink(brand_path);
	unlink(logo_path);
	rmdir(folder);
}

/* A folder of its own for the brand file and its logo. */
static void
brand_setup(void)
{
	if (mkdtemp(folder) == NULL)
		abort();
	atexit(remove_folder);
	snprintf(brand_path, sizeof brand_path, "%s/brand.xml", folder);
	snprintf(logo_path, sizeof logo_path, "%s/logo.png", folder);
}

static void
write_file(const char *path, const uint8_t *data, size_t size)
{
	FILE *stream = fopen(path, "wb");

	if (stream == NULL || fwrite(data, 1, size, stream) != size || fclose(stream) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char separator[] = "\n--logo--\n";
	const uint8_t *logo = memmem(data, size, separator, sizeof separator - 1);
	size_t brand_size = logo != NULL ? (size_t)(logo - data) : size;
	struct diag diag;
	struct brand *brand;

	write_file(brand_path, data, brand_size);
	unlink(logo_path);
	if (logo != NULL) {
		logo += sizeof separator - 1;
		write_file(logo_path, logo, size - (size_t)(logo - data));
	}
	diag_init(&diag, NULL);
	brand = brand_load(brand_path, "content/schema", 0, &diag);
	brand_free(brand);
	return 0;
}
