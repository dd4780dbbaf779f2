/* XML-building helpers; see xmlout.h. */
#include "xmlout.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

xmlDocPtr
xmlout_document(const char *namespace, const char *name)
{
	xmlDocPtr document = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = xmlNewDocNode(document, NULL, (const xmlChar *)name, NULL);

	xmlDocSetRootElement(document, root);
	xmlSetNs(root, xmlNewNs(root, (const xmlChar *)namespace, NULL));
	return document;
}

xmlChar *
xmlout_serialize(xmlDocPtr document, size_t *length)
{
	xmlChar *text = NULL;
	int size = 0;

	xmlDocDumpFormatMemoryEnc(document, &text, &size, "UTF-8", 1);
	*length = text != NULL && size > 0 ? (size_t)size : 0;
	if (*length == 0) {
		xmlFree(text);
		return NULL;
	}
	return text;
}

xmlNodePtr
xmlout_element(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, parent->ns, (const xmlChar *)name, NULL);
}

xmlNodePtr
xmlout_text_element(xmlNodePtr parent, const char *name, const char *text)
{
	if (text == NULL)
		return NULL;
	return xmlNewTextChild(parent, parent->ns, (const xmlChar *)name, (const xmlChar *)text);
}

void
xmlout_text(xmlNodePtr node, const char *text)
{
	if (text != NULL && text[0] != '\0')
		xmlNodeAddContent(node, (const xmlChar *)text);
}

void
xmlout_attribute(xmlNodePtr node, const char *name, const char *value)
{
	if (value != NULL)
		xmlSetProp(node, (const xmlChar *)name, (const xmlChar *)value);
}

void
xmlout_attribute_format(xmlNodePtr node, const char *name, const char *format, ...)
{
	char value[128];
	va_list arguments;

	va_start(arguments, format);
	vsnprintf(value, sizeof value, format, arguments);
	va_end(arguments);
	xmlout_attribute(node, name, value);
}

const char *
xmlout_get(xmlNodePtr node, const char *name)
{
	xmlAttrPtr attribute;

	if (node == NULL || node->type != XML_ELEMENT_NODE)
		return NULL;
	for (attribute = node->properties; attribute != NULL; attribute = attribute->next)
		if (strcmp((const char *)attribute->name, name) == 0 && attribute->children != NULL &&
		    attribute->children->type == XML_TEXT_NODE)
			return (const char *)attribute->children->content;
	return NULL;
}

int
xmlout_is(xmlNodePtr node, const char *name)
{
	return node != NULL && node->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)node->name, name) == 0;
}
