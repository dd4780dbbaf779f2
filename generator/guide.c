/* Stage guides; see guide.h. */
#include "guide.h"

#include "advice.h"
#include "diag.h"
#include "framework.h"
#include "xalloc.h"
#include "xmlinput.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* What the reader carries from one part of a guide to the next. */
struct guide_reader {
	struct framework *framework;
	struct framework_stage *stage;
	size_t stage_index;
	const char *path;
	struct diag *diag;
};

/* Appends the text of node to a list of strings. */
static void
guide_append(char ***list, size_t *count, xmlNodePtr node)
{
	*list = xreallocarray(*list, *count + 1, sizeof **list);
	(*list)[(*count)++] = xmlinput_text(node);
}

static int
guide_read_profile(struct guide_reader *reader, xmlNodePtr node)
{
	struct framework_stage *stage = reader->stage;
	int failed = 0;

	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		char *id = xmlinput_attribute(child, "id");
		enum framework_segment segment = framework_segment_named(id);

		if (stage->profile_segments[segment] != NULL) {
			diag_error(reader->diag, reader->path, xmlinput_line(child),
				   "the typical profile of segment %s is given twice", id);
			failed = 1;
		} else {
			stage->profile_segments[segment] = xmlinput_text(child);
		}
		free(id);
	}
	return failed ? -1 : 0;
}

/* The marks of the stage's priority actions, each found by its title. */
static int
guide_read_actions(struct guide_reader *reader, xmlNodePtr node)
{
	struct framework_stage *stage = reader->stage;
	unsigned char *marked = xcalloc(stage->action_count ? stage->action_count : 1, 1);
	int failed = 0;

	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		char *title = xmlinput_attribute(child, "title");
		size_t index = 0;

		while (index < stage->action_count && strcmp(stage->actions[index].title, title) != 0)
			index++;
		if (index == stage->action_count) {
			diag_error(reader->diag, reader->path, xmlinput_line(child),
				   "no priority action of %s is titled \"%s\"", stage->path, title);
			failed = 1;
		} else if (marked[index]) {
			diag_error(reader->diag, reader->path, xmlinput_line(child),
				   "the action \"%s\" is marked twice", title);
			failed = 1;
		} else {
			marked[index] = 1;
			failed |= advice_marks(reader->framework, child, reader->path,
					       &stage->actions[index].marks, reader->diag) != 0;
		}
		free(title);
	}
	free(marked);
	return failed ? -1 : 0;
}

/* The name of the pack's metric with id, or NULL. */
static const char *
guide_metric_name(const struct framework *framework, const char *id)
{
	for (size_t stage = 0; stage < framework->stage_count; stage++)
		for (size_t index = 0; index < framework->stages[stage].metric_count; index++) {
			const struct framework_metric *metric = &framework->stages[stage].metrics[index];

			if (metric->id != NULL && strcmp(metric->id, id) == 0)
				return metric->name;
		}
	return NULL;
}

/* Whether a playbook of the pack (read so far) has id. */
static int
guide_playbook_exists(const struct framework *framework, const char *id)
{
	for (size_t stage = 0; stage < framework->stage_count; stage++)
		for (size_t index = 0; index < framework->stages[stage].playbook_count; index++)
			if (strcmp(framework->stages[stage].playbooks[index].id, id) == 0)
				return 1;
	return 0;
}

/* The domain, metric and owner of a playbook: its attributes. */
static int
guide_read_playbook_references(struct guide_reader *reader, xmlNodePtr node,
			       struct framework_playbook *playbook)
{
	char *domain = xmlinput_attribute(node, "domain");
	char *metric = xmlinput_attribute(node, "metric");
	long line = xmlinput_line(node), domain_index = framework_find_domain(reader->framework, domain);
	const char *metric_name = guide_metric_name(reader->framework, metric);
	int failed = advice_marks(reader->framework, node, reader->path, &playbook->marks,
				  reader->diag) != 0;

	if (domain_index < 0) {
		diag_error(reader->diag, reader->path, line, "playbook %s: unknown domain \"%s\"",
			   playbook->id, domain);
		failed = 1;
	}
	playbook->domain = domain_index < 0 ? 0 : (size_t)domain_index;
	if (metric_name == NULL) {
		diag_error(reader->diag, reader->path, line,
			   "playbook %s: no metric of the pack has the id \"%s\"", playbook->id, metric);
		failed = 1;
	}
	playbook->metric = xstrdup(metric_name != NULL ? metric_name : metric);
	free(domain);
	free(metric);
	return failed ? -1 : 0;
}

static int
guide_read_playbook(struct guide_reader *reader, xmlNodePtr node)
{
	struct framework_stage *stage = reader->stage;
	struct framework_playbook *playbook;
	char *id = xmlinput_attribute(node, "id");
	int failed = 0;

	if (guide_playbook_exists(reader->framework, id)) {
		diag_error(reader->diag, reader->path, xmlinput_line(node),
			   "playbook id \"%s\" is used twice in the pack", id);
		failed = 1;
	}
	stage->playbooks = xreallocarray(stage->playbooks, stage->playbook_count + 1,
					 sizeof *stage->playbooks);
	playbook = &stage->playbooks[stage->playbook_count++];
	memset(playbook, 0, sizeof *playbook);
	playbook->id = id;
	playbook->stage = reader->stage_index;
	playbook->marks = FRAMEWORK_NO_MARKS;
	failed |= guide_read_playbook_references(reader, node, playbook) != 0;
	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		if (xmlinput_is(child, "name"))
			playbook->name = xmlinput_text(child);
		else if (xmlinput_is(child, "when"))
			playbook->when = xmlinput_text(child);
		else if (xmlinput_is(child, "duration"))
			playbook->duration = xmlinput_text(child);
		else if (xmlinput_is(child, "steps"))
			for (xmlNodePtr step = xmlinput_element(child->children); step != NULL;
			     step = xmlinput_element(step->next))
				guide_append(&playbook->steps, &playbook->step_count, step);
	}
	return failed ? -1 : 0;
}

static int
guide_read_transition(struct guide_reader *reader, xmlNodePtr node)
{
	struct framework_transition *transition = xcalloc(1, sizeof *transition);

	reader->stage->transition = transition;
	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		if (xmlinput_is(child, "signal")) {
			guide_append(&transition->signals, &transition->signal_count, child);
		} else if (xmlinput_is(child, "capability")) {
			guide_append(&transition->capabilities, &transition->capability_count, child);
		} else if (xmlinput_is(child, "shift")) {
			struct framework_shift shift = { NULL, NULL };

			for (xmlNodePtr part = xmlinput_element(child->children); part != NULL;
			     part = xmlinput_element(part->next))
				*(xmlinput_is(part, "from") ? &shift.from : &shift.to) = xmlinput_text(part);
			transition->shifts = xreallocarray(transition->shifts, transition->shift_count + 1,
							   sizeof *transition->shifts);
			transition->shifts[transition->shift_count++] = shift;
		} else if (xmlinput_is(child, "risk")) {
			transition->risks = xreallocarray(transition->risks, transition->risk_count + 1,
							  sizeof *transition->risks);
			transition->risks[transition->risk_count++] = (struct framework_risk){
				xmlinput_attribute(child, "title"), xmlinput_text(child)
			};
		}
	}
	if (reader->stage_index + 1 == reader->framework->stage_count) {
		diag_error(reader->diag, reader->path, xmlinput_line(node),
			   "stage %s is the last: there is no next stage to move to",
			   reader->stage->id);
		return -1;
	}
	return 0;
}

/* The guide's file name, or NULL when the stage has none. */
static char *
guide_path(const struct framework *framework, const struct framework_stage *stage)
{
	char *path = xasprintf("%s/stages/%s.xml", framework->folder, stage->id);
	struct stat status;

	if (stat(path, &status) == 0)
		return path;
	free(path);
	return NULL;
}

int
guide_load(struct framework *framework, size_t stage, xmlRelaxNGPtr schema, struct diag *diag)
{
	struct guide_reader reader = { framework, &framework->stages[stage], stage, NULL, diag };
	char *path = guide_path(framework, reader.stage), *id;
	xmlDocPtr document;
	xmlNodePtr root;
	int failed = 0;

	if (path == NULL)
		return 0;
	reader.path = path;
	document = xmlinput_read(path, GUIDE_MAX_BYTES, schema, diag);
	if (document == NULL) {
		free(path);
		return -1;
	}
	root = xmlDocGetRootElement(document);
	id = xmlinput_attribute(root, "id");
	if (strcmp(id, reader.stage->id) != 0) {
		diag_error(diag, path, xmlinput_line(root), "stage id \"%s\" does not match the file name",
			   id);
		failed = 1;
	}
	free(id);
	for (xmlNodePtr node = xmlinput_element(root->children); node != NULL;
	     node = xmlinput_element(node->next)) {
		if (xmlinput_is(node, "journey"))
			reader.stage->journey = xmlinput_text(node);
		else if (xmlinput_is(node, "typical-profile"))
			failed |= guide_read_profile(&reader, node) != 0;
		else if (xmlinput_is(node, "actions"))
			failed |= guide_read_actions(&reader, node) != 0;
		else if (xmlinput_is(node, "playbooks"))
			for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
			     child = xmlinput_element(child->next))
				failed |= guide_read_playbook(&reader, child) != 0;
		else if (xmlinput_is(node, "transition"))
			failed |= guide_read_transition(&reader, node) != 0;
	}
	xmlFreeDoc(document);
	free(path);
	return failed ? -1 : 0;
}

/* Reports a stage whose guide lacks what the pack's other guides have. */
static void
guide_missing(const struct framework *framework, const struct framework_stage *stage,
	      struct diag *diag, const char *what)
{
	char *path = xasprintf("%s/stages/%s.xml", framework->folder, stage->id);

	diag_error(diag, path, 0, "stage %s has %s", stage->id, what);
	free(path);
}

int
guide_check(const struct framework *framework, struct diag *diag)
{
	int playbooks = 0, transitions = 0, journeys = 0, failed = 0;

	for (size_t stage = 0; stage < framework->stage_count; stage++) {
		playbooks |= framework->stages[stage].playbook_count > 0;
		transitions |= framework->stages[stage].transition != NULL;
		journeys |= framework->stages[stage].journey != NULL;
	}
	for (size_t stage = 0; stage < framework->stage_count; stage++) {
		const struct framework_stage *definition = &framework->stages[stage];

		for (size_t domain = 0; playbooks && stage > 0 && domain < framework->domain_count;
		     domain++) {
			size_t index = 0;

			while (index < definition->playbook_count &&
			       definition->playbooks[index].domain != domain)
				index++;
			if (index == definition->playbook_count) {
				char *what = xasprintf("no playbook for %s (every stage after the first "
						       "needs one for each domain)",
						       framework->domains[domain].id);

				guide_missing(framework, definition, diag, what);
				free(what);
				failed = 1;
			}
		}
		if (transitions && stage + 1 < framework->stage_count && definition->transition == NULL) {
			guide_missing(framework, definition, diag,
				      "no transition to the next stage, as the others have");
			failed = 1;
		}
		if (journeys && definition->journey == NULL) {
			guide_missing(framework, definition, diag,
				      "no journey sentence, as the others have");
			failed = 1;
		}
	}
	return failed ? -1 : 0;
}

void
guide_free(struct framework_stage *stage)
{
	struct framework_transition *transition = stage->transition;

	free(stage->journey);
	for (int segment = 0; segment < SEGMENT_COUNT; segment++)
		free(stage->profile_segments[segment]);
	for (size_t index = 0; index < stage->playbook_count; index++) {
		struct framework_playbook *playbook = &stage->playbooks[index];

		free(playbook->id);
		free(playbook->name);
		free(playbook->when);
		free(playbook->metric);
		free(playbook->duration);
		xfree_strings(playbook->steps, playbook->step_count);
	}
	free(stage->playbooks);
	if (transition != NULL) {
		xfree_strings(transition->signals, transition->signal_count);
		xfree_strings(transition->capabilities, transition->capability_count);
		for (size_t index = 0; index < transition->shift_count; index++) {
			free(transition->shifts[index].from);
			free(transition->shifts[index].to);
		}
		free(transition->shifts);
		for (size_t index = 0; index < transition->risk_count; index++) {
			free(transition->risks[index].title);
			free(transition->risks[index].text);
		}
		free(transition->risks);
		free(transition);
	}
}
