/* Building XML with libxml2's tree API: small helpers that add elements,
 * text and attributes in the parent's namespace.  Every value is escaped
 * by libxml2 when the tree is written, so no caller builds markup. */
#ifndef MATURITY_XMLOUT_H
#define MATURITY_XMLOUT_H

#include <libxml/tree.h>

/* A new document whose root element is name in namespace (its default
 * namespace); the root is xmlDocGetRootElement's.  Free with xmlFreeDoc. */
xmlDocPtr xmlout_document(const char *namespace, const char *name);

/* The document as indented UTF-8 text with its XML declaration, ready to
 * be written to a file: a new string (free with xmlFree) of *length
 * bytes, or NULL when it cannot be serialised. */
xmlChar *xmlout_serialize(xmlDocPtr document, size_t *length);

/* A new child element of parent, in parent's namespace. */
xmlNodePtr xmlout_element(xmlNodePtr parent, const char *name);

/* A new child element holding text; nothing (NULL) when text is NULL. */
xmlNodePtr xmlout_text_element(xmlNodePtr parent, const char *name, const char *text);

/* Appends text to node's content; nothing when text is NULL or empty. */
void xmlout_text(xmlNodePtr node, const char *text);

/* Sets attribute name; nothing when value is NULL. */
void xmlout_attribute(xmlNodePtr node, const char *name, const char *value);

/* Sets attribute name to a printf-formatted value (at most 127 bytes). */
void xmlout_attribute_format(xmlNodePtr node, const char *name, const char *format, ...)
	__attribute__((format(printf, 3, 4)));

/* The value of attribute name of node, or NULL: a pointer into the tree,
 * valid while node is.  For reading trees this program built itself. */
const char *xmlout_get(xmlNodePtr node, const char *name);

/* True when node is an element called name. */
int xmlout_is(xmlNodePtr node, const char *name);

#endif
