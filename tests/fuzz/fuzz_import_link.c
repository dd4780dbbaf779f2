/* libFuzzer target: a share link from bytes, as `import link` reads it:
 * the d= payload found, base64url and JSON decoded, the answer set
 * validated and, when it passes, written as XML and read back as render
 * would (import.h), then encoded as a link again. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "diag.h"
#include "framework.h"
#include "import.h"
#include "link.h"
#include "xalloc.h"
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

		import_check_round_trip(answers, framework, schema);
		again = link_encode(answers, framework, LINK_DEFAULT_BASE, NULL, &diag);
		free(again);
		answers_free(answers);
	}
	free(link);
	return 0;
}
