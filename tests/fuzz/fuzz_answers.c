/* libFuzzer target: an answer set from bytes, through the whole pipeline
 * up to the report model and its XML: parse, validate, score, model. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "answers.h"
#include "diag.h"
#include "framework.h"
#include "pack.h"
#include "model.h"
#include "report_xml.h"
#include "score.h"
#include "validate.h"
#include "xmlinput.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct framework *framework;
static xmlRelaxNGPtr schema;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag diag;

	(void)argc;
	(void)argv;
	diag_init(&diag, stderr);
	framework = pack_load("content/crawl-walk-run", "content/schema", &diag);
	schema = xmlinput_schema_load("content/schema/answers.rng", &diag);
	if (framework == NULL || schema == NULL)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag diag;
	struct answers *answers;
	struct scores *scores;
	struct model *model;

	diag_init(&diag, NULL);
	answers = answers_parse("fuzz.xml", (const char *)data, size, schema, &diag);
	if (answers == NULL)
		return 0;
	if (validate_answers(answers, framework, &diag) == 0) {
		scores = score_compute(framework, answers);
		model = model_build(framework, answers, scores, answers, scores, "2026-01-01");
		xmlFreeDoc(report_xml_build(model));
		model_free(model);
		score_free(scores);
	}
	answers_free(answers);
	return 0;
}
