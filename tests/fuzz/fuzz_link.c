/* libFuzzer target: a share link's JSON payload from bytes, encoded as
 * the site encodes it, then imported and, when something was kept,
 * exported and imported again. */
#include <glib.h>
#include <string.h>

#define FUZZ_NEEDS (FUZZ_PACK)
#include "fuzz.h"
#include "link.h"
#include "xalloc.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	gchar *payload = g_base64_encode(data, size);
	char *link;
	struct diag diag;
	struct answers *answers, *again;

	for (char *cursor = payload; *cursor != '\0'; cursor++)
		*cursor = *cursor == '+' ? '-' : *cursor == '/' ? '_' : *cursor == '=' ? '\0' : *cursor;
	link = xasprintf("https://distilledcs.org/cs-maturity-report/?d=%s", payload);
	diag_init(&diag, NULL);
	answers = link_decode(link, "fuzz", framework, "link", &diag);
	if (answers != NULL) {
		char *exported = link_encode(answers, framework, LINK_DEFAULT_BASE, NULL, &diag);

		/* What was kept is valid, so it goes out and comes back whole. */
		again = link_decode(exported, "fuzz", framework, "link", &diag);
		if (again == NULL ||
		    again->respondents[0].answer_count != answers->respondents[0].answer_count ||
		    again->profile_count != answers->profile_count)
			abort();
		answers_free(again);
		free(exported);
	}
	answers_free(answers);
	free(link);
	g_free(payload);
	return 0;
}
