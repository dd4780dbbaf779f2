/* The prologue every fuzz target shares: libFuzzer's entry points, what
 * a target loads once before its first input (the default pack, the
 * answer schema), and the promise the import targets check.  Targets run
 * from the repository's root.
 *
 * A target defines FUZZ_NEEDS (FUZZ_PACK, FUZZ_SCHEMA, both or 0) before
 * including this file, and FUZZ_SETUP when it has a setup of its own: a
 * function run once after the shared one.  This file then defines
 * LLVMFuzzerInitialize; the target defines LLVMFuzzerTestOneInput. */
#ifndef MATURITY_FUZZ_H
#define MATURITY_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "answers.h"
#include "diag.h"
#include "framework.h"
#include "pack.h"
#include "validate.h"
#include "xmlinput.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What a target asks the prologue for, as bits. */
enum { FUZZ_PACK = 1 << 0, FUZZ_SCHEMA = 1 << 1 };

/* The default pack, with FUZZ_PACK; the answer schema, with FUZZ_SCHEMA.
 * A target that asks for neither leaves them unused. */
__attribute__((unused)) static struct framework *framework;
__attribute__((unused)) static xmlRelaxNGPtr schema;

/* Loads what needs asks for; aborts when it cannot be loaded, saying why
 * on stderr. */
static inline void
fuzz_prologue(unsigned needs)
{
	struct diag diag;

	diag_init(&diag, stderr);
	if (needs & FUZZ_PACK)
		framework = pack_load("content/crawl-walk-run", "content/schema", &diag);
	if (needs & FUZZ_SCHEMA)
		schema = xmlinput_schema_load("content/schema/answers.rng", &diag);
	if (((needs & FUZZ_PACK) && framework == NULL) || ((needs & FUZZ_SCHEMA) && schema == NULL))
		abort();
}

#ifdef FUZZ_SETUP
static void FUZZ_SETUP(void);
#endif

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_prologue(FUZZ_NEEDS);
#ifdef FUZZ_SETUP
	FUZZ_SETUP();
#endif
	return 0;
}

/* What import promises, checked on every answer set an importer returns:
 * it is valid, and its XML comes back, read as render reads it, valid
 * again (validate_as_written).  Anything else aborts, which libFuzzer
 * reports as a finding, after saying why on stderr. */
static inline void
fuzz_check_imported(const struct answers *answers)
{
	struct diag diag;
	size_t length;
	char *xml;

	diag_init(&diag, NULL);
	xml = validate_as_written(answers, framework, schema, "imported.xml", &length, &diag);
	if (xml == NULL) {
		diag_init(&diag, stderr);
		validate_as_written(answers, framework, schema, "imported.xml", &length, &diag);
		abort();
	}
	free(xml);
}

#endif
