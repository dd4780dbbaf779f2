/* Safe XML input on top of libxml2; see xmlinput.h. */
#include "xmlinput.h"

#include "diag.h"
#include "infile.h"
#include "xalloc.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

/* What the libxml2 callbacks need to report where a problem is. */
struct xmlinput_report {
	struct diag *diag;
	const char *name;
	int doctype_seen;
};

static void
xmlinput_report_error(void *data, xmlErrorPtr error)
{
	struct xmlinput_report *report = data;
	size_t length;
	char *message;

	if (error == NULL || error->level == XML_ERR_NONE)
		return;
	message = xstrdup(error->message ? error->message : "malformed XML");
	/* One problem, one line: libxml2 sometimes adds a second line of bytes. */
	for (char *cursor = message; *cursor != '\0'; cursor++)
		if (*cursor == '\n')
			*cursor = ' ';
	length = strlen(message);
	while (length > 0 && (message[length - 1] == '\n' || message[length - 1] == ' '))
		message[--length] = '\0';
	if (error->code == XML_ERR_INVALID_ENCODING || strstr(message, "not proper UTF-8"))
		diag_error(report->diag, report->name, error->line,
			   "not valid UTF-8 text (save the file as UTF-8)");
	else if (error->level == XML_ERR_WARNING)
		diag_warning(report->diag, report->name, error->line, "%s", message);
	else
		diag_error(report->diag, report->name, error->line, "%s", message);
	free(message);
}

/* The parser's structured-error hook gets the parser context as its data;
 * the report rides in its _private field. */
static void
xmlinput_parser_error(void *data, xmlErrorPtr error)
{
	xmlParserCtxtPtr context = data;

	xmlinput_report_error(context->_private, error);
}

/* A DOCTYPE is where entity bombs and external entities live; answer sets,
 * packs and brands never need one, so parsing stops at its first byte. */
static void
xmlinput_refuse_doctype(void *data, const xmlChar *name, const xmlChar *external_id,
			const xmlChar *system_id)
{
	xmlParserCtxtPtr context = data;
	struct xmlinput_report *report = context->_private;

	(void)name;
	(void)external_id;
	(void)system_id;
	report->doctype_seen = 1;
	diag_error(report->diag, report->name, xmlSAX2GetLineNumber(context),
		   "a DOCTYPE is not allowed (no DTDs or entities)");
	xmlStopParser(context);
}

xmlRelaxNGPtr
xmlinput_schema_load(const char *path, struct diag *diag)
{
	struct xmlinput_report report = { diag, path, 0 };
	xmlRelaxNGParserCtxtPtr parser;
	xmlRelaxNGPtr schema;
	unsigned errors_before = diag->errors;

	parser = xmlRelaxNGNewParserCtxt(path);
	if (parser == NULL) {
		diag_error(diag, path, 0, "cannot read schema");
		return NULL;
	}
	xmlRelaxNGSetParserStructuredErrors(parser, xmlinput_report_error, &report);
	schema = xmlRelaxNGParse(parser);
	xmlRelaxNGFreeParserCtxt(parser);
	if (schema == NULL && diag->errors == errors_before)
		diag_error(diag, path, 0, "cannot read schema");
	return schema;
}

char *
xmlinput_slurp(const char *path, size_t max_bytes, size_t *length, struct diag *diag)
{
	return infile_read(path, INFILE_NO_LINKS, max_bytes, length, diag);
}

xmlDocPtr
xmlinput_parse(const char *name, const char *data, size_t length, xmlRelaxNGPtr schema,
	       struct diag *diag)
{
	struct xmlinput_report report = { diag, name, 0 };
	unsigned errors_before = diag->errors;
	xmlParserCtxtPtr context;
	xmlDocPtr document;
	int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS;

	if (length > (size_t)INT_MAX) {
		diag_error(diag, name, 0, "file is too large");
		return NULL;
	}
	context = xmlNewParserCtxt();
	if (context == NULL) {
		diag_error(diag, name, 0, "cannot create an XML parser");
		return NULL;
	}
	context->_private = &report;
	context->sax->serror = xmlinput_parser_error;
	context->sax->internalSubset = xmlinput_refuse_doctype;
	context->sax->externalSubset = NULL;
	context->sax->resolveEntity = NULL;
	context->sax->getEntity = NULL;
	context->sax->entityDecl = NULL;

	document = xmlCtxtReadMemory(context, data, (int)length, NULL, "UTF-8", options);
	if (report.doctype_seen || !context->wellFormed || diag->errors != errors_before) {
		if (diag->errors == errors_before)
			diag_error(diag, name, 0, "malformed XML");
		xmlFreeDoc(document);
		xmlFreeParserCtxt(context);
		return NULL;
	}
	xmlFreeParserCtxt(context);
	if (document == NULL || xmlDocGetRootElement(document) == NULL) {
		diag_error(diag, name, 0, "malformed XML");
		xmlFreeDoc(document);
		return NULL;
	}

	if (schema != NULL && xmlinput_validate(name, document, schema, diag) != 0) {
		xmlFreeDoc(document);
		return NULL;
	}
	return document;
}

int
xmlinput_validate(const char *name, xmlDocPtr document, xmlRelaxNGPtr schema,
		  struct diag *diag)
{
	struct xmlinput_report report = { diag, name, 0 };
	unsigned errors_before = diag->errors;
	xmlRelaxNGValidCtxtPtr validator = xmlRelaxNGNewValidCtxt(schema);
	int result;

	if (validator == NULL) {
		diag_error(diag, name, 0, "cannot create a schema validator");
		return -1;
	}
	xmlRelaxNGSetValidStructuredErrors(validator, xmlinput_report_error, &report);
	result = xmlRelaxNGValidateDoc(validator, document);
	xmlRelaxNGFreeValidCtxt(validator);
	if (result != 0) {
		if (diag->errors == errors_before)
			diag_error(diag, name, 0, "does not match the schema");
		return -1;
	}
	return 0;
}

xmlDocPtr
xmlinput_read(const char *path, size_t max_bytes, xmlRelaxNGPtr schema, struct diag *diag)
{
	size_t length;
	char *data = xmlinput_slurp(path, max_bytes, &length, diag);
	xmlDocPtr document;

	if (data == NULL)
		return NULL;
	document = xmlinput_parse(path, data, length, schema, diag);
	free(data);
	return document;
}

char *
xmlinput_text(xmlNodePtr node)
{
	xmlChar *content = xmlNodeGetContent(node);
	const char *start;
	size_t length;
	char *text = NULL;

	if (content == NULL)
		return NULL;
	start = (const char *)content;
	while (*start == ' ' || *start == '\t' || *start == '\n' || *start == '\r')
		start++;
	length = strlen(start);
	while (length > 0 && strchr(" \t\r\n", start[length - 1]) != NULL)
		length--;
	if (length > 0)
		text = xstrndup(start, length);
	xmlFree(content);
	return text;
}

char *
xmlinput_attribute(xmlNodePtr node, const char *name)
{
	xmlChar *value = xmlGetProp(node, (const xmlChar *)name);
	char *copy;

	if (value == NULL)
		return NULL;
	copy = xstrdup((const char *)value);
	xmlFree(value);
	return copy;
}

xmlNodePtr
xmlinput_element(xmlNodePtr node)
{
	while (node != NULL && node->type != XML_ELEMENT_NODE)
		node = node->next;
	return node;
}

int
xmlinput_is(xmlNodePtr node, const char *name)
{
	return node != NULL && node->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)node->name, name) == 0;
}

long
xmlinput_line(xmlNodePtr node)
{
	return node != NULL ? xmlGetLineNo(node) : 0;
}
