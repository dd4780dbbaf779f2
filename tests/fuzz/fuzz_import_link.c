/* libFuzzer target: a share link from bytes, as `import link` reads it:
 * the d= payload found, base64url and JSON decoded, the answer set
 * validated and, when it passes, written as XML and read back as render
 * would (fuzz.h), then encoded as a link again. */
#include <string.h>

#define FUZZ_NEEDS (FUZZ_PACK | FUZZ_SCHEMA)
#include "fuzz.h"
#include "link.h"
#include "xalloc.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *link;
	struct answers *answers;
	struct diag diag;

	/* A command-line argument holds no NUL. */
	if (memchr(data, '\0', size) != NULL)
		return 0;
	link = xstrndup((const char *)data, size);
	diag_init(&diag, NULL);
	answers = link_decode(link, "fuzz-team", framework, "link", &diag);
	if (answers != NULL) {
		char *again;

		fuzz_check_imported(answers);
		again = link_encode(answers, framework, LINK_DEFAULT_BASE, NULL, &diag);
		free(again);
		answers_free(answers);
	}
	free(link);
	return 0;
}
