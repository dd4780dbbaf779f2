/* The list of answer-set files named on the command line: files as given,
 * folders expanded to every *.xml below them in name order. */
#ifndef MATURITY_INPUTS_H
#define MATURITY_INPUTS_H

#include <stddef.h>

#include "infile.h"

struct diag;

struct inputs {
	char **paths;
	enum infile_links *links;  /* per path: followed when named, not when found in a folder */
	size_t count;
};

/* Expands each of names into inputs.  Names that cannot be read are
 * reported and left out.  A file named is read through a symbolic link;
 * a file found in a folder is not, and links to folders are not walked.  Returns how many could not be read (0 when all
 * were).  Free with inputs_free. */
size_t inputs_collect(struct inputs *inputs, char *const *names, size_t name_count,
		   struct diag *diag);

void inputs_free(struct inputs *inputs);

#endif
