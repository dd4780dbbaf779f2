/* libFuzzer target: an answer set from bytes, through the whole pipeline
 * up to the report model and its XML: parse, validate, score, model. */
#define FUZZ_NEEDS (FUZZ_PACK | FUZZ_SCHEMA)
#include "fuzz.h"
#include "model.h"
#include "report_xml.h"
#include "score.h"

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
		/* The set is its own history too: three assessments of one day. */
		scores = score_compute(framework, answers);
		struct model_earlier earlier[2] = { { answers, scores }, { answers, scores } };

		model = model_build(framework, answers, scores, earlier, 2, NULL, "2026-01-01");
		xmlFreeDoc(report_xml_build(model));
		model_free(model);
		score_free(scores);
	}
	answers_free(answers);
	return 0;
}
