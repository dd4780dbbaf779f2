/* Rendering one team's outputs; see render.h. */
#include "render.h"

#include "answers.h"
#include "diag.h"
#include "model.h"
#include "options.h"
#include "outfile.h"
#include "report_xml.h"
#include "roadmap_files.h"
#include "xalloc.h"

#include <libxml/xmlsave.h>
#include <stdlib.h>

struct render_resources {
	int unused;
};

struct render_resources *
render_resources_load(const struct options *options, struct diag *diag)
{
	(void)options;
	(void)diag;
	return xcalloc(1, sizeof(struct render_resources));
}

void
render_resources_free(struct render_resources *resources)
{
	free(resources);
}

/* Serializes document to path atomically, indented, UTF-8. */
static int
render_write_xml(const char *path, xmlDocPtr document, struct diag *diag)
{
	xmlChar *text = NULL;
	int length = 0;
	int result;

	xmlDocDumpFormatMemoryEnc(document, &text, &length, "UTF-8", 1);
	if (text == NULL) {
		diag_error(diag, path, 0, "cannot serialize the report model");
		return -1;
	}
	result = outfile_write(path, text, (size_t)length, diag);
	xmlFree(text);
	return result;
}

int
render_team(const struct render_resources *resources, const struct options *options,
	    const struct model *model, struct diag *diag)
{
	char *folder = xasprintf("%s/%s", options->out_folder, model->answers->team);
	int failed = 0;

	(void)resources;
	if (outfile_make_folders(folder, diag) != 0) {
		free(folder);
		return -1;
	}
	if (options->write_model) {
		xmlDocPtr document = report_xml_build(model);
		char *path = xasprintf("%s/report.xml", folder);

		failed |= render_write_xml(path, document, diag) != 0;
		free(path);
		xmlFreeDoc(document);
	}
	if (options->formats & FORMAT_ROADMAP)
		failed |= roadmap_files_write(folder, model, diag) != 0;
	free(folder);
	return failed ? -1 : 0;
}
