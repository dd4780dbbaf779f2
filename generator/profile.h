/* Profile parameters: reading what a content pack declares about a team
 * besides its answers, and finding a parameter or an option by its id or
 * by an id that earlier versions used.  The data is in framework.h. */
#ifndef MATURITY_PROFILE_H
#define MATURITY_PROFILE_H

#include <libxml/relaxng.h>
#include <libxml/tree.h>

struct diag;
struct framework;
struct framework_parameter;

/* How a name or an id was found. */
enum profile_match {
	PROFILE_UNKNOWN,          /* not at all */
	PROFILE_CURRENT,          /* as the pack's id */
	PROFILE_FORMER,           /* as an id earlier versions used: read, but say so */
};

/* Reads the pack's <profiles> element, node, found in path, into
 * framework->parameters; with from="PACK", reads that pack's pack.xml
 * (checked against schema) instead and sets framework->profile_folder.
 * Returns 0, or -1 after reporting every problem as path:LINE. */
int profile_read(struct framework *framework, xmlNodePtr node, xmlRelaxNGPtr schema,
		 const char *path, struct diag *diag);

/* Frees framework->parameters and profile_folder. */
void profile_free(struct framework *framework);

/* The index of the parameter whose id or former name is name, or -1;
 * *match says which (it may be NULL). */
long profile_find_parameter(const struct framework *framework, const char *name,
			    enum profile_match *match);

/* The index of the parameter's option whose id or former id is id, or
 * -1; *match says which (it may be NULL). */
long profile_find_choice(const struct framework_parameter *parameter, const char *id,
			 enum profile_match *match);

/* The parameter's option ids, "a, b, c", for messages.  Free with free. */
char *profile_choice_list(const struct framework_parameter *parameter);

#endif
