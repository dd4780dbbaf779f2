/* JUnit XML, built with libxml2's tree so every name and message is
 * escaped. */
#include "junit.h"

#include "diag.h"
#include "gates.h"
#include "outfile.h"
#include "xalloc.h"
#include "xmlout.h"

#include <glib.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

/* Sets the tests and failures counts of a suite or of the whole. */
static void
junit_counts(xmlNodePtr node, size_t tests, size_t failures)
{
	xmlout_attribute_format(node, "tests", "%zu", tests);
	xmlout_attribute_format(node, "failures", "%zu", failures);
	xmlout_attribute(node, "errors", "0");
	xmlout_attribute(node, "skipped", "0");
}

static void
junit_case(xmlNodePtr suite, const struct gate_finding *finding)
{
	xmlNodePtr test = xmlout_element(suite, "testcase");
	char *classname = xasprintf("maturity.%s", finding->team);

	xmlout_attribute(test, "name", finding->rule);
	xmlout_attribute(test, "classname", classname);
	xmlout_attribute(test, "time", "0");
	if (finding->breached) {
		char *line = xasprintf("%s: %s: %s, %s", finding->team, finding->rule, finding->value,
				       finding->limit);
		char *message = xasprintf("%s, limit %s", finding->value, finding->limit);
		xmlNodePtr failure = xmlout_text_element(test, "failure", line);

		xmlout_attribute(failure, "message", message);
		xmlout_attribute(failure, "type", finding->rule);
		free(line);
		free(message);
	}
	free(classname);
}

/* The document of the findings; free with xmlFreeDoc. */
static xmlDocPtr
junit_document(const struct gate_finding *findings, size_t count)
{
	xmlDocPtr document = xlibrary(xmlNewDoc((const xmlChar *)"1.0"));
	xmlNodePtr root = xlibrary(xmlNewDocNode(document, NULL, (const xmlChar *)"testsuites", NULL));
	size_t failures = 0;

	xmlDocSetRootElement(document, root);
	xmlout_attribute(root, "name", "maturity check");
	for (size_t first = 0; first < count;) {
		xmlNodePtr suite = xmlout_element(root, "testsuite");
		size_t end = first, suite_failures = 0;

		while (end < count && strcmp(findings[end].team, findings[first].team) == 0) {
			junit_case(suite, &findings[end]);
			suite_failures += findings[end].breached != 0;
			end++;
		}
		xmlout_attribute(suite, "name", findings[first].team);
		junit_counts(suite, end - first, suite_failures);
		xmlout_attribute(suite, "time", "0");
		failures += suite_failures;
		first = end;
	}
	junit_counts(root, count, failures);
	return document;
}

int
junit_write(const char *path, const struct gate_finding *findings, size_t count,
	    struct diag *diag)
{
	xmlDocPtr document = junit_document(findings, count);
	gchar *folder_path = g_path_get_dirname(path), *name = g_path_get_basename(path);
	struct outfile_folder *folder = outfile_folder_open(folder_path, diag);
	xmlChar *text = NULL;
	int length = 0, result = -1;

	xmlDocDumpFormatMemoryEnc(document, &text, &length, "UTF-8", 1);
	if (folder != NULL && text != NULL)
		result = outfile_write(folder, name, text, (size_t)length, diag);
	else if (text == NULL)
		diag_error(diag, path, 0, "cannot serialise the JUnit report");
	if (folder != NULL)
		outfile_folder_close(folder);
	xmlFree(text);
	xmlFreeDoc(document);
	g_free(folder_path);
	g_free(name);
	return result;
}
