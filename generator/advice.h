/* The advice vocabulary of a content pack (advice.xml): the roles that own
 * work, the tags advice is marked with, the themes that say which pieces
 * of advice overlap and which come first, and how profile choices change
 * the advice; and the marks (tags, theme, owner, effort) that next steps,
 * stage actions and playbooks carry.  The data is in framework.h. */
#ifndef MATURITY_ADVICE_H
#define MATURITY_ADVICE_H

#include <libxml/tree.h>
#include <stdint.h>

#include "framework.h"

struct diag;

enum { ADVICE_MAX_BYTES = 1024 * 1024 }; /* the largest advice.xml read */

/* Reads the vocabulary into framework: the advice.xml of the pack that
 * node (pack.xml's <advice from="PACK">, found in pack_path) names, or
 * with node NULL this pack's own advice.xml when there is one (none is an
 * empty vocabulary).  The profile parameters must be read first.
 * schema_folder holds advice.rng.  Returns 0, or -1 after reporting every
 * problem as FILE:LINE: an unknown tag, theme or choice, a name declared
 * twice, themes that need each other in a circle. */
int advice_read(struct framework *framework, xmlNodePtr node, const char *pack_path,
		const char *schema_folder, struct diag *diag);

/* Frees what advice_read stored in framework. */
void advice_free(struct framework *framework);

/* Adds the marks of node (its tags, theme, owner and effort attributes,
 * each optional) to marks: tags to those already there, the others where
 * node gives them.  Returns 0, or -1 after reporting each name the
 * vocabulary does not declare as path:LINE. */
int advice_marks(const struct framework *framework, xmlNodePtr node, const char *path,
		 struct framework_marks *marks, struct diag *diag);

/* Reads node's attribute name, a list of tag names, into *tags.  Returns
 * 0, or -1 after reporting each unknown tag as path:LINE. */
int advice_tags(const struct framework *framework, xmlNodePtr node, const char *name,
		const char *path, uint64_t *tags, struct diag *diag);

/* The index of the role with id, or -1. */
long advice_find_role(const struct framework *framework, const char *id);

#endif
