/* The list of answer-set files named on the command line: files as given,
 * folders expanded to every *.xml below them in name order. */
#ifndef MATURITY_INPUTS_H
#define MATURITY_INPUTS_H

#include <stddef.h>

struct diag;

struct inputs {
	char **paths;
	size_t count;
};

/* Expands each of names into inputs.  Names that do not exist are
 * reported.  Returns 0, or -1 if any name could not be read (the others
 * are still listed).  Free with inputs_free. */
int inputs_collect(struct inputs *inputs, char *const *names, size_t name_count,
		   struct diag *diag);

void inputs_free(struct inputs *inputs);

#endif
