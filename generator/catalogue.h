/* The report's words: a message catalogue read from XML.  Messages have
 * named placeholders ({team}), inline emphasis and plural forms chosen by
 * the language's CLDR rules (ICU).  A second catalogue may override some
 * messages, as a partial translation; the rest come from the default. */
#ifndef MATURITY_CATALOGUE_H
#define MATURITY_CATALOGUE_H

#include <libxml/tree.h>
#include <stddef.h>

struct diag;

/* A message the program uses, and the placeholders it fills in
 * ("team stage score"); every catalogue is checked against the list. */
struct catalogue_message {
	const char *id;
	const char *placeholders;
};

/* One filled-in placeholder: its text, or a fragment of document nodes to
 * copy (nodes, with text NULL), and the number a plural form is chosen by
 * (only read when the message has <plural on="name">). */
struct catalogue_argument {
	const char *name;
	const char *text;
	xmlNodePtr nodes;
	double number;
};

struct catalogue;

/* Reads the default catalogue at path and, when override_path is not
 * NULL, the messages it overrides.  Each file must conform to
 * schema_path (catalogue.rng); every message in either file must be one of
 * messages[] and use only its placeholders, and every one of messages[]
 * must be in the default.  Returns the catalogue (free with
 * catalogue_free) or NULL after reporting each problem as FILE:LINE. */
struct catalogue *catalogue_load(const char *path, const char *override_path,
				 const char *schema_path, const struct catalogue_message *messages,
				 size_t message_count, struct diag *diag);

void catalogue_free(struct catalogue *catalogue);

/* The language of the catalogue's text (BCP 47, "en" by default). */
const char *catalogue_language(const struct catalogue *catalogue);

/* Appends message id, its placeholders filled from arguments, to parent:
 * text, and <strong> and <em> elements in parent's namespace.  A
 * placeholder without an argument stays as written.  id must be one of
 * the messages the catalogue was loaded with. */
void catalogue_append(const struct catalogue *catalogue, const char *id, xmlNodePtr parent,
		      const struct catalogue_argument *arguments, size_t count);

/* The same as plain text, emphasis dropped.  Free with free. */
char *catalogue_text(const struct catalogue *catalogue, const char *id,
		     const struct catalogue_argument *arguments, size_t count);

#endif
