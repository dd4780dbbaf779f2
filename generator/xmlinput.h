/* Reading XML input safely: a size limit before parsing, no network, no
 * DTD or external entity, and every libxml2 complaint as FILE:LINE. */
#ifndef MATURITY_XMLINPUT_H
#define MATURITY_XMLINPUT_H

#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <stddef.h>

struct diag;

/* Loads a RELAX NG schema.  Returns NULL after reporting a problem.
 * Free with xmlRelaxNGFree. */
xmlRelaxNGPtr xmlinput_schema_load(const char *path, struct diag *diag);

/* Parses path, a file the tool found itself (in a pack, among the
 * templates: a symbolic link is refused), refusing files over max_bytes,
 * any DOCTYPE and malformed or non-UTF-8 text, then validates against
 * schema when it is not NULL.
 * Returns the document (free with xmlFreeDoc) or NULL after reporting
 * every problem found. */
xmlDocPtr xmlinput_read(const char *path, size_t max_bytes, xmlRelaxNGPtr schema,
			struct diag *diag);

/* Same, from memory; name is used in messages. */
xmlDocPtr xmlinput_parse(const char *name, const char *data, size_t length,
			 xmlRelaxNGPtr schema, struct diag *diag);

/* Validates document against schema.  Returns 0, or -1 after reporting
 * each mismatch as name:LINE. */
int xmlinput_validate(const char *name, xmlDocPtr document, xmlRelaxNGPtr schema,
		      struct diag *diag);

/* Reads a whole file the tool found itself into memory, as infile_read
 * with INFILE_NO_LINKS, refusing files over max_bytes.  Returns a
 * NUL-terminated buffer (free with free) and its length, or NULL after
 * reporting. */
char *xmlinput_slurp(const char *path, size_t max_bytes, size_t *length,
		     struct diag *diag);

/* The text content of node with surrounding white space removed, or NULL
 * when empty.  Free with free. */
char *xmlinput_text(xmlNodePtr node);

/* The value of attribute name of node, or NULL.  Free with free. */
char *xmlinput_attribute(xmlNodePtr node, const char *name);

/* The next element sibling at or after node, or NULL. */
xmlNodePtr xmlinput_element(xmlNodePtr node);

/* True when node is an element called name. */
int xmlinput_is(xmlNodePtr node, const char *name);

/* The line node starts on, for messages; 0 for no node. */
long xmlinput_line(xmlNodePtr node);

#endif
