/* Loading a content pack from its folder into struct framework: the one
 * place that ties the pack's files and their readers together. */
#ifndef MATURITY_PACK_H
#define MATURITY_PACK_H

struct diag;
struct framework;

/* Loads and checks the pack in folder: pack.xml, its domain files, all
 * Markdown and the stage guides.  schema_folder holds the pack's schemas
 * (pack.rng, domain.rng, ...).  Returns the pack (free with pack_free) or
 * NULL after reporting every problem. */
struct framework *pack_load(const char *folder, const char *schema_folder, struct diag *diag);

void pack_free(struct framework *framework);

#endif
