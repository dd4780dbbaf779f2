/* libFuzzer target: a stage file of a content pack from bytes, checked
 * against the default pack's sections and domains, its actions read out
 * and its sections rendered to XML as the HTML template would get them. */
#include "content.h"
#define FUZZ_NEEDS (FUZZ_PACK)
#include "fuzz.h"
#include "markdown.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct framework_stage stage = { .id = "walk", .label = "Walk", .path = "walk.md" };
	struct diag diag;
	xmlDocPtr document;
	xmlNodePtr root;

	diag_init(&diag, NULL);
	if (content_parse_stage(framework, &stage, (const char *)data, size, &diag) == 0) {
		document = xmlNewDoc((const xmlChar *)"1.0");
		root = xmlNewDocNode(document, NULL, (const xmlChar *)"stage", NULL);
		xmlDocSetRootElement(document, root);
		for (size_t index = 0; index < stage.section_count; index++)
			markdown_append_xml(root, stage.sections[index].markdown);
		xmlFreeDoc(document);
	}
	content_free_stage(&stage);
	return 0;
}
