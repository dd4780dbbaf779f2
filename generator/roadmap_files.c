/* roadmap.md (built as a cmark tree, so the library escapes it) and
 * roadmap.csv (cells written by csvout). */
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

static char *
roadmap_markdown(const struct model *model)
{
	const struct framework *framework = model->framework;
	const struct roadmap *roadmap = &model->roadmap;
	cmark_node *document = cmark_node_new(CMARK_NODE_DOCUMENT);
	cmark_node *heading, *paragraph;
	char *title = xasprintf("Priority-action roadmap: %s", model->answers->name);
	char *line;
	char *text;

	heading = node_with_text(CMARK_NODE_HEADING, title);
	cmark_node_set_heading_level(heading, 1);
	cmark_node_append_child(document, heading);
	free(title);

	if (model->has_next_stage && roadmap->months_estimate > 0)
		line = xasprintf("Assessed %s at %s (%.2f of 4). Typical time to %s: %d to %d months; "
				 "this team's estimate is about %d months.",
				 model->answers->date, framework->stages[model->stage].label,
				 model->overall, framework->stages[model->next_stage].label,
				 roadmap->months_low, roadmap->months_high, roadmap->months_estimate);
	else
		line = xasprintf("Assessed %s at %s (%.2f of 4), the highest stage: the work now is "
				 "to sustain it.",
				 model->answers->date, framework->stages[model->stage].label,
				 model->overall);
	paragraph = node_with_text(CMARK_NODE_PARAGRAPH, line);
	cmark_node_append_child(document, paragraph);
	free(line);

	for (size_t phase = 0; phase < framework->phase_count; phase++) {
		cmark_node *list = NULL;

		heading = node_with_text(CMARK_NODE_HEADING, framework->phases[phase].label);
		cmark_node_set_heading_level(heading, 2);
		for (size_t index = 0; index < roadmap->action_count; index++) {
			const struct roadmap_action *action = &roadmap->actions[index];
			cmark_node *item, *body;
			char *detail;

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
			item = cmark_node_new(CMARK_NODE_ITEM);
			body = cmark_node_new(CMARK_NODE_PARAGRAPH);
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
			body = node_with_text(CMARK_NODE_PARAGRAPH, action->text);
			cmark_node_append_child(item, body);
			cmark_node_append_child(list, item);
		}
		if (list == NULL)
			cmark_node_free(heading);
	}
	text = cmark_render_commonmark(document, CMARK_OPT_DEFAULT, 0);
	cmark_node_free(document);
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
	fputs("order,phase,domain,current_score,title,action\r\n", file.stream);
	for (size_t index = 0; index < roadmap->action_count; index++) {
		const struct roadmap_action *action = &roadmap->actions[index];

		csvout_number(file.stream, (double)action->order, 0, 1);
		csvout_text(file.stream, framework->phases[action->phase].label, 0);
		csvout_text(file.stream, framework->domains[action->domain].label, 0);
		if (model->domains[action->domain].assessed)
			csvout_number(file.stream, action->domain_score, 2, 0);
		else
			csvout_empty(file.stream, 0);
		csvout_text(file.stream, action->title, 0);
		csvout_text(file.stream, action->text, 0);
		csvout_end_row(file.stream);
	}
	return outfile_commit(&file, diag);
}

int
roadmap_files_write(const struct outfile_folder *folder, const struct model *model,
		    struct diag *diag)
{
	char *markdown = roadmap_markdown(model);
	int failed = outfile_write(folder, "roadmap.md", markdown, strlen(markdown), diag) != 0;

	free(markdown);
	failed |= roadmap_csv(folder, model, diag) != 0;
	return failed ? -1 : 0;
}
