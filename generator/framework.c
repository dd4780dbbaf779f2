/* Questions asked of a content pack in memory; see framework.h.  Loading
 * it is pack.c's work. */
#include "framework.h"

#include <string.h>

enum framework_segment
framework_segment_named(const char *name)
{
	if (name == NULL)
		return SEGMENT_NONE;
	if (strcmp(name, "smb") == 0)
		return SEGMENT_SMB;
	if (strcmp(name, "mid_market") == 0)
		return SEGMENT_MID_MARKET;
	if (strcmp(name, "enterprise") == 0)
		return SEGMENT_ENTERPRISE;
	return SEGMENT_NONE;
}

long
framework_find_question(const struct framework *framework, const char *id)
{
	if (id == NULL)
		return -1;
	for (size_t index = 0; index < framework->question_count; index++)
		if (strcmp(framework->questions[index].id, id) == 0)
			return (long)index;
	return -1;
}

size_t
framework_stage_for(const struct framework *framework, double overall)
{
	size_t stage = 0;

	/* Scores are rounded to two decimals; compare with a tolerance far
	 * below that so 2.00 computed as 1.9999999 still reaches 2.0. */
	for (size_t index = 0; index < framework->stage_count; index++)
		if (overall + 1e-9 >= framework->stages[index].minimum)
			stage = index;
	return stage;
}

int
framework_theme_needs(const struct framework *framework, long a, long b)
{
	if (a < 0 || b < 0 || framework->theme_requires == NULL)
		return 0;
	return framework->theme_requires[(size_t)a * framework->theme_count + (size_t)b];
}

const struct framework_target_value *
framework_target_value(const struct framework *framework, const struct framework_target *target,
		       const long *choices)
{
	for (size_t order = 0; order < framework->target_parameter_count; order++) {
		size_t parameter = framework->target_parameters[order];

		if (choices[parameter] < 0)
			continue;
		for (size_t index = 1; index < target->value_count; index++)
			if (target->values[index].parameter == parameter &&
			    target->values[index].choice ==
				    &framework->parameters[parameter].choices[choices[parameter]])
				return &target->values[index];
	}
	return &target->values[0];
}

long
framework_find_domain(const struct framework *framework, const char *id)
{
	for (size_t index = 0; id != NULL && index < framework->domain_count; index++)
		if (strcmp(framework->domains[index].id, id) == 0)
			return (long)index;
	return -1;
}

const struct framework_section *
framework_stage_section(const struct framework_stage *stage, const char *id)
{
	for (size_t index = 0; index < stage->section_count; index++)
		if (stage->sections[index].id != NULL && strcmp(stage->sections[index].id, id) == 0)
			return &stage->sections[index];
	return NULL;
}
