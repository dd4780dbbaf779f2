/* libFuzzer target: Markdown from bytes laid out into the PDF report, as
 * the current stage's prose of an example team's report, through the
 * report document as render builds it. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define FUZZ_NEEDS FUZZ_PACK
#define FUZZ_SETUP pdf_setup
#include "brand.h"
#include "fuzz.h"
#include "fonts.h"
#include "model.h"
#include "outfile.h"
#include "pdf.h"
#include "report.h"
#include "score.h"
#include "xalloc.h"

static struct answers *answers;
static struct scores *scores;
static struct brand *brand;
static struct pdf_cache *cache;
static struct outfile_folder *folder;
static char name[64];

/* An example team, its scores, the default brand and a place to write. */
static void
pdf_setup(void)
{
	struct diag diag;

	diag_init(&diag, stderr);
	answers = answers_load("examples/answers/fernwick-2026-11-03.xml", INFILE_FOLLOW, 1 << 20,
			       NULL, &diag);
	brand = brand_load("templates/brand.xml", "content/schema", 0, &diag);
	if (answers == NULL || brand == NULL ||
	    fonts_configure("fonts", (const char *const[]){ brand->heading_font, brand->body_font },
			    2, &diag) != 0 ||
	    validate_answers(answers, framework, &diag) != 0)
		abort();
	scores = score_compute(framework, answers);
	cache = pdf_cache_new();
	folder = outfile_folder_open("/tmp", &diag);
	if (folder == NULL)
		abort();
	snprintf(name, sizeof name, "maturity-fuzz-%ld.pdf", (long)getpid());
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct framework_stage *stage = &framework->stages[scores->stage];
	char *markdown = xstrndup((const char *)data, size);
	char *saved = stage->sections[0].markdown;
	struct diag diag;
	struct report_resources *resources;
	struct model *model;
	xmlDocPtr document;

	/* Keep inputs small: layout cost grows with length, not coverage. */
	if (size > 4096 || memchr(data, '\0', size) != NULL) {
		free(markdown);
		return 0;
	}
	diag_init(&diag, NULL);
	stage->sections[0].markdown = markdown;
	/* The resources parse the stage Markdown, so they are loaded anew. */
	resources = report_resources_load(".", NULL, NULL, framework, &diag);
	if (resources != NULL) {
		model = model_build(framework, answers, scores, NULL, 0, NULL, "2026-01-01");
		document = report_build(resources, model, brand);
		pdf_render(folder, name, document, brand, cache, &diag);
		xmlFreeDoc(document);
		model_free(model);
		report_resources_free(resources);
	}
	stage->sections[0].markdown = saved;
	free(markdown);
	unlinkat(folder->descriptor, name, 0);
	return 0;
}
