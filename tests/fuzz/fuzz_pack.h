/* Shared by fuzz targets: libFuzzer's entry points, and the default
 * content pack loaded once before the first input. */
#ifndef MATURITY_FUZZ_PACK_H
#define MATURITY_FUZZ_PACK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "framework.h"
#include "pack.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct framework *framework;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag diag;

	(void)argc;
	(void)argv;
	diag_init(&diag, stderr);
	framework = pack_load("content/crawl-walk-run", "content/schema", &diag);
	if (framework == NULL)
		abort();
	return 0;
}

#endif
