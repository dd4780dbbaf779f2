/* Metric targets; see targets.h. */
#include "targets.h"

#include "diag.h"
#include "framework.h"
#include "profile.h"
#include "xalloc.h"
#include "xmlinput.h"

#include <stdlib.h>
#include <string.h>

/* The parameters of by="...", in order.  Returns 0 or -1 after reporting. */
static int
targets_read_order(struct framework *framework, xmlNodePtr node, const char *path,
		   struct diag *diag)
{
	char *list = xmlinput_attribute(node, "by"), *state = NULL;
	int failed = 0;

	for (char *word = strtok_r(list, " \t\r\n", &state); word != NULL;
	     word = strtok_r(NULL, " \t\r\n", &state)) {
		long parameter = -1;

		for (size_t index = 0; index < framework->parameter_count; index++)
			if (strcmp(framework->parameters[index].id, word) == 0)
				parameter = (long)index;
		if (parameter < 0) {
			diag_error(diag, path, xmlGetLineNo(node),
				   "targets by \"%s\": no profile parameter has that id", word);
			failed = 1;
			continue;
		}
		framework->target_parameters = xreallocarray(framework->target_parameters,
							     framework->target_parameter_count + 1,
							     sizeof *framework->target_parameters);
		framework->target_parameters[framework->target_parameter_count++] = (size_t)parameter;
	}
	free(list);
	return failed ? -1 : 0;
}

/* The choice id names among the targets' parameters: 0, or -1. */
static int
targets_find_choice(const struct framework *framework, const char *id,
		    struct framework_target_value *value)
{
	for (size_t index = 0; index < framework->target_parameter_count; index++) {
		const struct framework_parameter *parameter =
			&framework->parameters[framework->target_parameters[index]];
		long choice = profile_find_choice(parameter, id, NULL);

		if (choice >= 0 && strcmp(parameter->choices[choice].id, id) == 0) {
			value->parameter = framework->target_parameters[index];
			value->choice = &parameter->choices[choice];
			return 0;
		}
	}
	return -1;
}

/* Reads one <value> into target; the default goes first. */
static int
targets_read_value(struct framework *framework, struct framework_target *target, xmlNodePtr node,
		   const char *path, struct diag *diag)
{
	struct framework_target_value value = { NULL, 0, xmlinput_text(node) };
	char *choice = xmlinput_attribute(node, "for");
	int failed = 0;

	if (choice != NULL && targets_find_choice(framework, choice, &value) != 0) {
		diag_error(diag, path, xmlGetLineNo(node),
			   "target for %s: \"%s\" is not a choice of the parameters targets are by",
			   target->metric, choice);
		failed = 1;
	}
	for (size_t index = 0; !failed && index < target->value_count; index++)
		if (target->values[index].choice == value.choice) {
			diag_error(diag, path, xmlGetLineNo(node), "target for %s: %s is given twice",
				   target->metric, choice != NULL ? choice : "the default");
			failed = 1;
		}
	free(choice);
	if (failed) {
		free(value.text);
		return -1;
	}
	target->values = xreallocarray(target->values, target->value_count + 1,
				       sizeof *target->values);
	if (value.choice == NULL) {
		memmove(target->values + 1, target->values, target->value_count * sizeof *target->values);
		target->values[0] = value;
	} else {
		target->values[target->value_count] = value;
	}
	target->value_count++;
	return 0;
}

int
targets_read(struct framework *framework, xmlNodePtr node, const char *path, struct diag *diag)
{
	int failed = targets_read_order(framework, node, path, diag) != 0;

	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		struct framework_target *target;
		char *metric = xmlinput_attribute(child, "metric");

		for (size_t index = 0; index < framework->target_count; index++)
			if (strcmp(framework->targets[index].metric, metric) == 0) {
				diag_error(diag, path, xmlGetLineNo(child),
					   "metric %s has two targets", metric);
				failed = 1;
			}
		framework->targets = xreallocarray(framework->targets, framework->target_count + 1,
						   sizeof *framework->targets);
		target = &framework->targets[framework->target_count++];
		memset(target, 0, sizeof *target);
		target->metric = metric;
		target->line = xmlGetLineNo(child);
		for (xmlNodePtr value = xmlinput_element(child->children); value != NULL;
		     value = xmlinput_element(value->next))
			failed |= targets_read_value(framework, target, value, path, diag) != 0;
		if (target->value_count == 0 || target->values[0].choice != NULL) {
			diag_error(diag, path, target->line,
				   "target for %s has no default (a <value> without for)", metric);
			failed = 1;
		}
	}
	return failed ? -1 : 0;
}

static struct framework_target *
targets_find(struct framework *framework, const char *metric)
{
	for (size_t index = 0; metric != NULL && index < framework->target_count; index++)
		if (strcmp(framework->targets[index].metric, metric) == 0)
			return &framework->targets[index];
	return NULL;
}

int
targets_link(struct framework *framework, const char *path, struct diag *diag)
{
	int failed = 0;

	if (framework->target_count == 0)
		return 0;
	for (size_t stage = 0; stage < framework->stage_count; stage++) {
		for (size_t index = 0; index < framework->stages[stage].metric_count; index++) {
			struct framework_metric *metric = &framework->stages[stage].metrics[index];

			metric->target = targets_find(framework, metric->id);
			if (metric->target == NULL) {
				diag_error(diag, path, metric->line,
					   metric->id != NULL ? "metric %s has no target"
							      : "metric \"%s\" has no id, so no target",
					   metric->id != NULL ? metric->id : metric->name);
				failed = 1;
			}
		}
	}
	for (size_t index = 0; index < framework->target_count; index++) {
		int used = 0;

		for (size_t stage = 0; stage < framework->stage_count; stage++)
			for (size_t metric = 0; metric < framework->stages[stage].metric_count; metric++)
				used |= framework->stages[stage].metrics[metric].target ==
					&framework->targets[index];
		if (!used) {
			diag_error(diag, path, framework->targets[index].line,
				   "target for %s: no stage has a metric with that id",
				   framework->targets[index].metric);
			failed = 1;
		}
	}
	return failed ? -1 : 0;
}

void
targets_free(struct framework *framework)
{
	for (size_t index = 0; index < framework->target_count; index++) {
		struct framework_target *target = &framework->targets[index];

		for (size_t value = 0; value < target->value_count; value++)
			free(target->values[value].text);
		free(target->values);
		free(target->metric);
	}
	free(framework->targets);
	free(framework->target_parameters);
}
