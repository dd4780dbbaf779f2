/* Shared by the import fuzz targets: what import promises, checked on
 * every answer set it would write.  An imported set that validates must
 * come back from its own XML and validate again, exactly as render reads
 * it; anything else aborts, which libFuzzer reports as a finding. */
#ifndef MATURITY_FUZZ_IMPORT_H
#define MATURITY_FUZZ_IMPORT_H

#include <stdlib.h>

#include "answers.h"
#include "diag.h"
#include "framework.h"
#include "pack.h"
#include "validate.h"
#include "xmlinput.h"

/* The default pack and the answer schema, loaded once; aborts when they
 * cannot be (the target is run from the repository's root). */
static inline void
import_load(struct framework **framework, xmlRelaxNGPtr *schema)
{
	struct diag diag;

	diag_init(&diag, stderr);
	*framework = pack_load("content/crawl-walk-run", "content/schema", &diag);
	*schema = xmlinput_schema_load("content/schema/answers.rng", &diag);
	if (*framework == NULL || *schema == NULL)
		abort();
}

static inline void
import_check_round_trip(struct answers *answers, const struct framework *framework,
			xmlRelaxNGPtr schema)
{
	struct diag diag;
	struct answers *again;
	size_t length;
	char *xml;

	diag_init(&diag, NULL);
	if (answers->problems > 0 || validate_answers(answers, framework, &diag) != 0)
		return;
	xml = answers_to_xml(answers, &length);
	again = answers_parse("imported.xml", xml, length, schema, &diag);
	if (again == NULL || validate_answers(again, framework, &diag) != 0) {
		diag_init(&diag, stderr);
		answers_parse("imported.xml", xml, length, schema, &diag);
		abort();
	}
	answers_free(again);
	free(xml);
}

#endif
