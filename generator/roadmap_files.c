/* roadmap.md and playbooks.md (built as cmark trees, so the library
 * escapes them; each links to the other) and roadmap.csv (cells written
 * by csvout). */
#include "roadmap_files.h"

#include "answers.h"
#include "csvout.h"
#include "diag.h"
#include "framework.h"
#include "model.h"
#include "outfile.h"
#include "xalloc.h"

#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const roadmap_efforts[] = {
	[EFFORT_NONE] = "", [EFFORT_SMALL] = "small", [EFFORT_MEDIUM] = "medium",
	[EFFORT_LARGE] = "large",
};

static cmark_node *
node_with_text(cmark_node_type type, const char *text)
{
	cmark_node *node = cmark_node_new(type);
	cmark_node *literal = cmark_node_new(CMARK_NODE_TEXT);

	cmark_node_set_literal(literal, text);
	cmark_node_append_child(node, literal);
	return node;
}

static void
append_text(cmark_node *parent, cmark_node_type wrapper, const char *text)
{
	cmark_node *literal = cmark_node_new(CMARK_NODE_TEXT);

	cmark_node_set_literal(literal, text);
	if (wrapper == CMARK_NODE_NONE) {
		cmark_node_append_child(parent, literal);
	} else {
		cmark_node *wrap = cmark_node_new(wrapper);

		cmark_node_append_child(wrap, literal);
		cmark_node_append_child(parent, wrap);
	}
}

/* A level-1 heading of title, appended to document; title is freed. */
static void
append_title(cmark_node *document, char *title)
{
	cmark_node *heading = node_with_text(CMARK_NODE_HEADING, title);

	cmark_node_set_heading_level(heading, 1);
	cmark_node_append_child(document, heading);
	free(title);
}

/* A link to url showing text, appended to parent. */
static void
append_link(cmark_node *parent, const char *url, const char *text)
{
	cmark_node *link = node_with_text(CMARK_NODE_LINK, text);

	cmark_node_set_url(link, url);
	cmark_node_append_child(parent, link);
}

/* The anchor a Markdown viewer gives a heading, as GitHub makes it: lower
 * case, spaces as hyphens, punctuation dropped.  Free with free. */
static char *
roadmap_anchor(const char *heading)
{
	char *anchor = xmalloc(strlen(heading) + 2), *out = anchor;

	*out++ = '#';
	for (const unsigned char *in = (const unsigned char *)heading; *in != '\0'; in++) {
		if (*in >= 'A' && *in <= 'Z')
			*out++ = (char)(*in - 'A' + 'a');
		else if ((*in >= 'a' && *in <= 'z') || (*in >= '0' && *in <= '9') || *in == '-' ||
			 *in == '_' || *in >= 0x80)
			*out++ = (char)*in;
		else if (*in == ' ')
			*out++ = '-';
	}
	*out = '\0';
	return anchor;
}

/* The first playbook shown for domain, or NULL. */
static const struct framework_playbook *
roadmap_playbook_for(const struct model *model, size_t domain)
{
	for (size_t index = 0; index < model->playbook_count; index++)
		if (model->playbooks[index].playbook->domain == domain)
			return model->playbooks[index].playbook;
	return NULL;
}

/* Appends text to a line of details, after a space when it is not the
 * first. */
static void
roadmap_detail(cmark_node *body, char *text)
{
	if (cmark_node_first_child(body) != NULL)
		append_text(body, CMARK_NODE_NONE, " ");
	append_text(body, CMARK_NODE_NONE, text);
	free(text);
}

/* The line under an action's advice: who leads it, its effort, what it
 * builds on, and its playbook. */
static void
roadmap_markdown_details(cmark_node *item, const struct model *model,
			 const struct roadmap_action *action)
{
	const struct framework *framework = model->framework;
	const struct framework_playbook *playbook = roadmap_playbook_for(model, action->domain);
	cmark_node *body = cmark_node_new(CMARK_NODE_PARAGRAPH);

	if (action->has_target && action->gap > 0)
		roadmap_detail(body, xasprintf("Target: %.2f, %.2f to go.", action->target, action->gap));
	else if (action->has_target && model->domains[action->domain].assessed)
		roadmap_detail(body, xasprintf("Target: %.2f, reached.", action->target));
	if (action->marks->owner >= 0)
		roadmap_detail(body, xasprintf("Owner: %s.",
					       framework->roles[action->marks->owner].label));
	if (action->marks->effort != EFFORT_NONE)
		roadmap_detail(body,
			       xasprintf("Effort: %s.", roadmap_efforts[action->marks->effort]));
	for (size_t index = 0; index < action->need_count; index++)
		roadmap_detail(body, xasprintf("%s%zu%s", index == 0 ? "Builds on " : "",
					       action->needs[index],
					       index + 1 == action->need_count ? "." : ","));
	if (playbook != NULL) {
		char *anchor = roadmap_anchor(playbook->name);
		char *url = xasprintf("playbooks.md%s", anchor);

		roadmap_detail(body, xstrdup("Playbook:"));
		append_text(body, CMARK_NODE_NONE, " ");
		append_link(body, url, playbook->name);
		append_text(body, CMARK_NODE_NONE, ".");
		free(url);
		free(anchor);
	}
	if (cmark_node_first_child(body) == NULL)
		cmark_node_free(body);
	else
		cmark_node_append_child(item, body);
}

/* One action as a list item: title and domain, lead-in, advice, details. */
static cmark_node *
roadmap_markdown_action(const struct model *model, const struct roadmap_action *action)
{
	const struct framework *framework = model->framework;
	cmark_node *item = cmark_node_new(CMARK_NODE_ITEM);
	cmark_node *body = cmark_node_new(CMARK_NODE_PARAGRAPH);
	char *detail;

	append_text(body, CMARK_NODE_STRONG, action->title);
	if (model->domains[action->domain].assessed)
		detail = xasprintf(" (%s, %.2f)", framework->domains[action->domain].label,
				   action->domain_score);
	else
		detail = xasprintf(" (%s)", framework->domains[action->domain].label);
	append_text(body, CMARK_NODE_NONE, detail);
	free(detail);
	cmark_node_append_child(item, body);
	if (action->lead != NULL) {
		body = cmark_node_new(CMARK_NODE_PARAGRAPH);
		append_text(body, CMARK_NODE_EMPH, action->lead);
		cmark_node_append_child(item, body);
	}
	if (action->fit != NULL) {
		body = cmark_node_new(CMARK_NODE_PARAGRAPH);
		append_text(body, CMARK_NODE_EMPH, action->fit->why);
		cmark_node_append_child(item, body);
	}
	cmark_node_append_child(item, node_with_text(CMARK_NODE_PARAGRAPH, action->text));
	roadmap_markdown_details(item, model, action);
	return item;
}

/* The heading and the line saying where the team stands. */
static void
roadmap_markdown_head(cmark_node *document, const struct model *model)
{
	const struct framework *framework = model->framework;
	const struct roadmap *roadmap = &model->roadmap;
	cmark_node *paragraph;
	char *line;

	append_title(document, xasprintf("Priority-action roadmap: %s", model->answers->name));
	if (model->has_next_stage && roadmap->months_estimate > 0)
		line = xasprintf("Assessed %s at %s (%.2f of 4). Typical time to %s: %d to %d months; "
				 "this team's estimate is about %d months%s.",
				 model->answers->date, framework->stages[model->stage].label,
				 model->overall, framework->stages[model->next_stage].label,
				 roadmap->months_low, roadmap->months_high, roadmap->months_estimate,
				 roadmap->estimate == ROADMAP_ESTIMATE_PACE
					 ? ", from its own pace over its assessments"
					 : "");
	else
		line = xasprintf("Assessed %s at %s (%.2f of 4), the highest stage: the work now is "
				 "to sustain it.",
				 model->answers->date, framework->stages[model->stage].label,
				 model->overall);
	paragraph = node_with_text(CMARK_NODE_PARAGRAPH, line);
	free(line);
	if (model->playbook_count > 0) {
		append_text(paragraph, CMARK_NODE_NONE, " The playbooks for this plan are in ");
		append_link(paragraph, "playbooks.md", "playbooks.md");
		append_text(paragraph, CMARK_NODE_NONE, ".");
	}
	cmark_node_append_child(document, paragraph);
}

static char *
roadmap_markdown(const struct model *model)
{
	const struct framework *framework = model->framework;
	const struct roadmap *roadmap = &model->roadmap;
	cmark_node *document = cmark_node_new(CMARK_NODE_DOCUMENT);
	char *text;

	roadmap_markdown_head(document, model);
	for (size_t phase = 0; phase < framework->phase_count; phase++) {
		cmark_node *heading = node_with_text(CMARK_NODE_HEADING, framework->phases[phase].label);
		cmark_node *list = NULL;

		cmark_node_set_heading_level(heading, 2);
		for (size_t index = 0; index < roadmap->action_count; index++) {
			const struct roadmap_action *action = &roadmap->actions[index];

			if (action->phase != phase)
				continue;
			if (list == NULL) {
				cmark_node_append_child(document, heading);
				list = cmark_node_new(CMARK_NODE_LIST);
				cmark_node_set_list_type(list, CMARK_ORDERED_LIST);
				cmark_node_set_list_start(list, (int)action->order);
				cmark_node_set_list_tight(list, 0);
				cmark_node_append_child(document, list);
			}
			cmark_node_append_child(list, roadmap_markdown_action(model, action));
		}
		if (list == NULL)
			cmark_node_free(heading);
	}
	text = cmark_render_commonmark(document, CMARK_OPT_DEFAULT, 0);
	cmark_node_free(document);
	return text;
}

/* The roadmap actions of a playbook's domain, linked back to roadmap.md. */
static void
playbooks_markdown_actions(cmark_node *document, const struct model *model,
			   const struct framework_playbook *playbook)
{
	const struct roadmap *roadmap = &model->roadmap;
	cmark_node *paragraph = NULL;
	size_t count = 0, done = 0;

	for (size_t index = 0; index < roadmap->action_count; index++)
		count += roadmap->actions[index].domain == playbook->domain;
	for (size_t index = 0; index < roadmap->action_count; index++) {
		const struct roadmap_action *action = &roadmap->actions[index];
		char *text;

		if (action->domain != playbook->domain)
			continue;
		if (paragraph == NULL) {
			paragraph = node_with_text(CMARK_NODE_PARAGRAPH, "Supports ");
			append_link(paragraph, "roadmap.md", "roadmap");
			append_text(paragraph, CMARK_NODE_NONE, count > 1 ? " actions " : " action ");
		}
		text = xasprintf("%s%zu (%s)", done == 0 ? "" : done + 1 == count ? " and " : ", ",
				 action->order, action->title);
		append_text(paragraph, CMARK_NODE_NONE, text);
		free(text);
		done++;
	}
	if (paragraph != NULL) {
		append_text(paragraph, CMARK_NODE_NONE, ".");
		cmark_node_append_child(document, paragraph);
	}
}

/* One playbook: its name as a heading, then everything it says. */
static void
playbooks_markdown_one(cmark_node *document, const struct model *model,
		       const struct model_playbook *shown)
{
	const struct framework *framework = model->framework;
	const struct framework_playbook *playbook = shown->playbook;
	cmark_node *heading = node_with_text(CMARK_NODE_HEADING, playbook->name);
	cmark_node *paragraph, *list;
	char *line;

	cmark_node_set_heading_level(heading, 2);
	cmark_node_append_child(document, heading);
	line = xasprintf("%s, %s stage. Owner: %s.", framework->domains[playbook->domain].label,
			 framework->stages[playbook->stage].label,
			 playbook->marks.owner >= 0 ? framework->roles[playbook->marks.owner].label
						    : "not set");
	cmark_node_append_child(document, node_with_text(CMARK_NODE_PARAGRAPH, line));
	free(line);
	paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
	append_text(paragraph, CMARK_NODE_STRONG, "When:");
	append_text(paragraph, CMARK_NODE_NONE, " ");
	append_text(paragraph, CMARK_NODE_NONE, playbook->when);
	cmark_node_append_child(document, paragraph);
	list = cmark_node_new(CMARK_NODE_LIST);
	cmark_node_set_list_type(list, CMARK_ORDERED_LIST);
	cmark_node_set_list_start(list, 1);
	cmark_node_set_list_tight(list, 1);
	for (size_t index = 0; index < playbook->step_count; index++) {
		cmark_node *item = cmark_node_new(CMARK_NODE_ITEM);

		cmark_node_append_child(item, node_with_text(CMARK_NODE_PARAGRAPH,
							     playbook->steps[index]));
		cmark_node_append_child(list, item);
	}
	cmark_node_append_child(document, list);
	line = xasprintf("Moves: %s. Takes: %s", playbook->metric, playbook->duration);
	cmark_node_append_child(document, node_with_text(CMARK_NODE_PARAGRAPH, line));
	free(line);
	playbooks_markdown_actions(document, model, playbook);
}

static char *
playbooks_markdown(const struct model *model)
{
	cmark_node *document = cmark_node_new(CMARK_NODE_DOCUMENT);
	cmark_node *paragraph;
	char *text;

	append_title(document, xasprintf("Playbooks: %s", model->answers->name));
	paragraph = node_with_text(CMARK_NODE_PARAGRAPH,
				   model->playbook_count > 0
					   ? "The plan they serve is in "
					   : "No playbook of the content pack fits this team; the plan is in ");
	append_link(paragraph, "roadmap.md", "roadmap.md");
	append_text(paragraph, CMARK_NODE_NONE,
		    model->playbook_count > 0 ? ". In order: the current stage's, the weakest "
						"domain's, the next stage's."
					      : ".");
	cmark_node_append_child(document, paragraph);
	for (size_t index = 0; index < model->playbook_count; index++)
		playbooks_markdown_one(document, model, &model->playbooks[index]);
	text = cmark_render_commonmark(document, CMARK_OPT_DEFAULT, 0);
	cmark_node_free(document);
	return text;
}

/* The orders of the actions action builds on, "2;5"; free with free. */
static char *
roadmap_depends_on(const struct roadmap_action *action)
{
	char *text = xcalloc(1, action->need_count * 24 + 1);

	for (size_t index = 0; index < action->need_count; index++)
		sprintf(text + strlen(text), "%s%zu", index ? ";" : "", action->needs[index]);
	return text;
}

static int
roadmap_csv(const struct outfile_folder *folder, const struct model *model, struct diag *diag)
{
	const struct framework *framework = model->framework;
	const struct roadmap *roadmap = &model->roadmap;
	struct outfile file;

	if (outfile_open(&file, folder, "roadmap.csv", diag) != 0)
		return -1;
	fputs("order,phase,domain,current_score,title,action,depends_on,owner,effort\r\n",
	      file.stream);
	for (size_t index = 0; index < roadmap->action_count; index++) {
		const struct roadmap_action *action = &roadmap->actions[index];
		char *depends_on = roadmap_depends_on(action);

		csvout_number(file.stream, (double)action->order, 0, 1);
		csvout_text(file.stream, framework->phases[action->phase].label, 0);
		csvout_text(file.stream, framework->domains[action->domain].label, 0);
		if (model->domains[action->domain].assessed)
			csvout_number(file.stream, action->domain_score, 2, 0);
		else
			csvout_empty(file.stream, 0);
		csvout_text(file.stream, action->title, 0);
		csvout_text(file.stream, action->text, 0);
		csvout_text(file.stream, depends_on, 0);
		csvout_text(file.stream,
			    action->marks->owner >= 0 ? framework->roles[action->marks->owner].label
						      : "",
			    0);
		csvout_text(file.stream, roadmap_efforts[action->marks->effort], 0);
		csvout_end_row(file.stream);
		free(depends_on);
	}
	return outfile_commit(&file, diag);
}

/* Writes one Markdown text to folder/name. */
static int
roadmap_write_markdown(const struct outfile_folder *folder, const char *name, char *markdown,
		       struct diag *diag)
{
	int result = outfile_write(folder, name, markdown, strlen(markdown), diag);

	free(markdown);
	return result;
}

int
roadmap_files_write(const struct outfile_folder *folder, const struct model *model,
		    struct diag *diag)
{
	int failed = 0;

	failed |= roadmap_write_markdown(folder, "roadmap.md", roadmap_markdown(model), diag) != 0;
	failed |= roadmap_write_markdown(folder, "playbooks.md", playbooks_markdown(model), diag) != 0;
	failed |= roadmap_csv(folder, model, diag) != 0;
	return failed ? -1 : 0;
}
