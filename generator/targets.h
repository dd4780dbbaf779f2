/* Metric targets: a value per metric that a team can check itself
 * against, by profile choice where it differs, read from pack.xml's
 * <targets>; and the value that applies to one team.  The data is in
 * framework.h. */
#ifndef MATURITY_TARGETS_H
#define MATURITY_TARGETS_H

#include <libxml/tree.h>

struct diag;
struct framework;

/* Reads pack.xml's <targets> (node, found in path) into framework; the
 * profile parameters must be read.  Returns 0, or -1 after reporting each
 * unknown parameter or choice, a value given twice or a missing default as
 * path:LINE. */
int targets_read(struct framework *framework, xmlNodePtr node, const char *path,
		 struct diag *diag);

/* Gives every stage metric its target, once the stages and targets are
 * read.  When the pack has targets, each metric must have an id with a
 * target and each target a metric.  Returns 0, or -1 after reporting. */
int targets_link(struct framework *framework, const char *path, struct diag *diag);

/* Frees what targets_read stored in framework. */
void targets_free(struct framework *framework);

#endif
