/* Profile parameters from a pack's <profiles>; see profile.h. */
#include "profile.h"

#include "diag.h"
#include "framework.h"
#include "xalloc.h"
#include "xmlinput.h"

#include <stdlib.h>
#include <string.h>

/* The words of node's space-separated former="..." list, added to *words. */
static void
profile_read_formers(xmlNodePtr node, char ***words, size_t *count)
{
	char *list = xmlinput_attribute(node, "former"), *state = NULL;

	if (list == NULL)
		return;
	for (char *word = strtok_r(list, " \t\r\n", &state); word != NULL;
	     word = strtok_r(NULL, " \t\r\n", &state)) {
		*words = xreallocarray(*words, *count + 1, sizeof **words);
		(*words)[(*count)++] = xstrdup(word);
	}
	free(list);
}

/* Reads one <choice> into parameter; its id and former ids must be new
 * within the parameter.  Returns 0 or -1 after reporting. */
static int
profile_read_choice(struct framework_parameter *parameter, xmlNodePtr node, const char *path,
		    struct diag *diag)
{
	struct framework_choice choice = { 0 };
	char *segment = xmlinput_attribute(node, "segment");
	int failed = 0;

	choice.id = xmlinput_attribute(node, "id");
	choice.label = xmlinput_text(node);
	choice.segment = framework_segment_named(segment);
	free(segment);
	profile_read_formers(node, &choice.former_ids, &choice.former_count);
	for (size_t index = 0; index <= choice.former_count; index++) {
		const char *id = index == 0 ? choice.id : choice.former_ids[index - 1];
		long other = profile_find_choice(parameter, id, NULL);

		if (other >= 0) {
			diag_error(diag, path, xmlGetLineNo(node),
				   "profile %s: option %s reuses the id %s of option %s", parameter->id,
				   choice.id, id, parameter->choices[other].id);
			failed = 1;
		}
	}
	parameter->choices = xreallocarray(parameter->choices, parameter->choice_count + 1,
					   sizeof *parameter->choices);
	parameter->choices[parameter->choice_count++] = choice;
	return failed ? -1 : 0;
}

/* Reads one <parameter>: its label and options.  Its id and former names
 * must be new within the pack.  Returns 0 or -1 after reporting. */
static int
profile_read_parameter(struct framework *framework, xmlNodePtr node, const char *path,
		       struct diag *diag)
{
	struct framework_parameter parameter = { 0 };
	int failed = 0;

	parameter.id = xmlinput_attribute(node, "id");
	profile_read_formers(node, &parameter.former_names, &parameter.former_count);
	for (size_t index = 0; index <= parameter.former_count; index++) {
		const char *name = index == 0 ? parameter.id : parameter.former_names[index - 1];
		long other = profile_find_parameter(framework, name, NULL);

		if (other >= 0) {
			diag_error(diag, path, xmlGetLineNo(node),
				   "profile parameter %s reuses the name %s of parameter %s", parameter.id,
				   name, framework->parameters[other].id);
			failed = 1;
		}
	}
	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		if (xmlinput_is(child, "label"))
			parameter.label = xmlinput_text(child);
		else if (xmlinput_is(child, "choice") &&
			 profile_read_choice(&parameter, child, path, diag) != 0)
			failed = 1;
	}
	framework->parameters = xreallocarray(framework->parameters, framework->parameter_count + 1,
					      sizeof *framework->parameters);
	framework->parameters[framework->parameter_count++] = parameter;
	return failed ? -1 : 0;
}

static int
profile_read_parameters(struct framework *framework, xmlNodePtr node, const char *path,
			struct diag *diag)
{
	int failed = 0;

	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next))
		if (xmlinput_is(child, "parameter") &&
		    profile_read_parameter(framework, child, path, diag) != 0)
			failed = 1;
	return failed ? -1 : 0;
}

/* <profiles from="PACK"/>: the parameters of another pack, which must
 * declare them itself. */
static int
profile_read_from(struct framework *framework, const char *from, xmlNodePtr node,
		  xmlRelaxNGPtr schema, const char *path, struct diag *diag)
{
	char *folder = from[0] == '/' ? xstrdup(from) : xasprintf("%s/%s", framework->folder, from);
	char *other_path = xasprintf("%s/pack.xml", folder);
	xmlDocPtr document = xmlinput_read(other_path, FRAMEWORK_MAX_BYTES, schema, diag);
	xmlNodePtr profiles = NULL;
	int failed = 0;

	if (document == NULL) {
		diag_error(diag, path, xmlGetLineNo(node), "profiles from %s: %s cannot be read",
			   from, other_path);
		failed = 1;
	} else {
		for (xmlNodePtr child = xmlinput_element(xmlDocGetRootElement(document)->children);
		     child != NULL && profiles == NULL; child = xmlinput_element(child->next))
			if (xmlinput_is(child, "profiles"))
				profiles = child;
		if (profiles == NULL || xmlHasProp(profiles, (const xmlChar *)"from") != NULL) {
			diag_error(diag, path, xmlGetLineNo(node),
				   "profiles from %s: that pack takes its profiles from another one; "
				   "name the pack that declares them",
				   from);
			failed = 1;
		} else {
			failed = profile_read_parameters(framework, profiles, other_path, diag) != 0;
		}
	}
	xmlFreeDoc(document);
	free(other_path);
	framework->profile_folder = folder;
	return failed ? -1 : 0;
}

int
profile_read(struct framework *framework, xmlNodePtr node, xmlRelaxNGPtr schema,
	     const char *path, struct diag *diag)
{
	char *from = xmlinput_attribute(node, "from");
	int result;

	if (from == NULL)
		return profile_read_parameters(framework, node, path, diag);
	result = profile_read_from(framework, from, node, schema, path, diag);
	free(from);
	return result;
}

void
profile_free(struct framework *framework)
{
	for (size_t index = 0; index < framework->parameter_count; index++) {
		struct framework_parameter *parameter = &framework->parameters[index];

		for (size_t choice = 0; choice < parameter->choice_count; choice++) {
			free(parameter->choices[choice].id);
			free(parameter->choices[choice].label);
			xfree_strings(parameter->choices[choice].former_ids,
				      parameter->choices[choice].former_count);
		}
		free(parameter->choices);
		free(parameter->id);
		free(parameter->label);
		xfree_strings(parameter->former_names, parameter->former_count);
	}
	free(framework->parameters);
	free(framework->profile_folder);
}

/* Whether text is current or among count former words. */
static enum profile_match
profile_match_of(const char *text, const char *current, char *const *former, size_t count)
{
	if (strcmp(text, current) == 0)
		return PROFILE_CURRENT;
	for (size_t index = 0; index < count; index++)
		if (strcmp(text, former[index]) == 0)
			return PROFILE_FORMER;
	return PROFILE_UNKNOWN;
}

long
profile_find_parameter(const struct framework *framework, const char *name,
		       enum profile_match *match)
{
	for (size_t index = 0; name != NULL && index < framework->parameter_count; index++) {
		const struct framework_parameter *parameter = &framework->parameters[index];
		enum profile_match found = profile_match_of(name, parameter->id, parameter->former_names,
							    parameter->former_count);

		if (found != PROFILE_UNKNOWN) {
			if (match != NULL)
				*match = found;
			return (long)index;
		}
	}
	if (match != NULL)
		*match = PROFILE_UNKNOWN;
	return -1;
}

long
profile_find_choice(const struct framework_parameter *parameter, const char *id,
		    enum profile_match *match)
{
	for (size_t index = 0; id != NULL && index < parameter->choice_count; index++) {
		const struct framework_choice *choice = &parameter->choices[index];
		enum profile_match found = profile_match_of(id, choice->id, choice->former_ids,
							    choice->former_count);

		if (found != PROFILE_UNKNOWN) {
			if (match != NULL)
				*match = found;
			return (long)index;
		}
	}
	if (match != NULL)
		*match = PROFILE_UNKNOWN;
	return -1;
}

char *
profile_choice_list(const struct framework_parameter *parameter)
{
	size_t length = 1;
	char *list;

	for (size_t index = 0; index < parameter->choice_count; index++)
		length += strlen(parameter->choices[index].id) + 2;
	list = xcalloc(1, length);
	for (size_t index = 0; index < parameter->choice_count; index++) {
		if (index > 0)
			strcat(list, ", ");
		strcat(list, parameter->choices[index].id);
	}
	return list;
}
