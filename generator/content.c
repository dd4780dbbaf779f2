/* Markdown content of a pack, parsed with cmark.  See content.h. */
#include "content.h"

#include "diag.h"
#include "framework.h"
#include "xalloc.h"
#include "xmlinput.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

enum { CONTENT_MAX_BYTES = 1024 * 1024 };

/* Appends the plain text under node (text, code, line breaks as spaces). */
static void
content_plain_text(cmark_node *node, char **text, size_t *length)
{
	cmark_iter *iterator = cmark_iter_new(node);
	cmark_event_type event;

	while ((event = cmark_iter_next(iterator)) != CMARK_EVENT_DONE) {
		cmark_node *current = cmark_iter_get_node(iterator);
		const char *literal = NULL;

		if (event != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(current)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			literal = cmark_node_get_literal(current);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			literal = " ";
			break;
		default:
			break;
		}
		if (literal != NULL) {
			size_t add = strlen(literal);

			*text = xreallocarray(*text, *length + add + 1, 1);
			memcpy(*text + *length, literal, add + 1);
			*length += add;
		}
	}
	cmark_iter_free(iterator);
}

static char *
content_node_text(cmark_node *node)
{
	char *text = xstrdup("");
	size_t length = 0;

	content_plain_text(node, &text, &length);
	return text;
}

/* The source lines first..last (1-based, inclusive) as one string, without
 * blank lines at either end; *start_line is where the result begins.
 * source holds length bytes and need not end in a NUL. */
static char *
content_lines(const char *source, size_t length, int first, int last, long *start_line)
{
	const char *limit = source + length, *start = source, *end;
	int line = 1;

	while (line < first && start < limit) {
		if (*start++ == '\n')
			line++;
	}
	end = start;
	while (end < limit && line <= last) {
		if (*end++ == '\n')
			line++;
	}
	/* Trim blank lines at both ends so sections compare cleanly. */
	*start_line = first;
	while (start < end && (*start == '\n' || *start == '\r')) {
		if (*start++ == '\n')
			(*start_line)++;
	}
	while (end > start && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' '))
		end--;
	return xstrndup(start, (size_t)(end - start));
}

/* Reports raw HTML and unsafe links: both are dropped when rendering, so a
 * writer should know that the reader will not see them. */
static void
content_check_safety(const char *path, cmark_node *document, struct diag *diag)
{
	cmark_iter *iterator = cmark_iter_new(document);
	cmark_event_type event;

	while ((event = cmark_iter_next(iterator)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(iterator);
		cmark_node_type type = cmark_node_get_type(node);

		if (event != CMARK_EVENT_ENTER)
			continue;
		if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) {
			diag_warning(diag, path, cmark_node_get_start_line(node),
				     "raw HTML is not rendered");
		} else if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
			const char *url = cmark_node_get_url(node);

			if (url != NULL && strncmp(url, "https://", 8) != 0 &&
			    strncmp(url, "http://", 7) != 0 && strncmp(url, "mailto:", 7) != 0 &&
			    url[0] != '#')
				diag_warning(diag, path, cmark_node_get_start_line(node),
					     "link to \"%s\" is not rendered (only http, https and mailto)",
					     url);
		}
	}
	cmark_iter_free(iterator);
}

int
content_load_page(const char *path, const char *title, const char *const *headings,
		  const char *const *ids, size_t heading_count,
		  struct framework_section **sections, size_t *section_count, struct diag *diag)
{
	size_t length;
	char *source = xmlinput_slurp(path, CONTENT_MAX_BYTES, &length, diag);
	int result;

	if (source == NULL)
		return -1;
	result = content_parse_page(path, source, length, title, headings, ids, heading_count,
				    sections, section_count, diag);
	free(source);
	return result;
}

/* The title: a level-1 heading as the first block, equal to title.
 * Returns the block after it (or the first, when there is none), and
 * sets *failed after reporting. */
static cmark_node *
content_check_title(const char *path, cmark_node *document, const char *title, int *failed,
		    struct diag *diag)
{
	cmark_node *node = cmark_node_first_child(document);
	char *text;

	if (node == NULL || cmark_node_get_type(node) != CMARK_NODE_HEADING ||
	    cmark_node_get_heading_level(node) != 1) {
		diag_error(diag, path, node ? cmark_node_get_start_line(node) : 1,
			   "must start with a level-1 heading \"# %s\"", title);
		*failed = 1;
		return node;
	}
	text = content_node_text(node);
	if (title != NULL && strcmp(text, title) != 0) {
		diag_error(diag, path, cmark_node_get_start_line(node), "heading \"%s\" should be \"%s\"",
			   text, title);
		*failed = 1;
	}
	free(text);
	return cmark_node_next(node);
}

/* A page being split into its declared sections. */
struct content_page {
	const char *path;
	const char *source;
	size_t length;
	const char *const *headings;     /* the level-2 headings declared, in order */
	const char *const *ids;          /* each one's id, or NULL */
	size_t heading_count;
	struct framework_section *list;  /* heading_count of them */
	size_t found;                    /* sections found so far */
	int previous_line;               /* where the last section's heading ended */
	int failed;
	struct diag *diag;
};

/* One level-2 heading, text, at node: the next declared section (those
 * skipped are missing), which closes the section before it. */
static void
content_page_heading(struct content_page *page, cmark_node *node, const char *text)
{
	size_t match = page->found;
	long line = cmark_node_get_start_line(node);
	struct framework_section *list = page->list;

	while (match < page->heading_count && strcmp(text, page->headings[match]) != 0)
		match++;
	if (match == page->heading_count) {
		diag_error(page->diag, page->path, line,
			   "unexpected section \"%s\" (the pack sets the sections)", text);
		page->failed = 1;
		return;
	}
	/* A later section: the ones in between are missing. */
	for (; page->found < match; page->found++) {
		diag_error(page->diag, page->path, line, "missing section \"## %s\" before \"%s\"",
			   page->headings[page->found], text);
		page->failed = 1;
	}
	if (page->found > 0 && list[page->found - 1].heading != NULL)
		list[page->found - 1].markdown =
			content_lines(page->source, page->length, page->previous_line + 1, (int)line - 1,
				      &list[page->found - 1].body_line);
	list[page->found].heading = xstrdup(text);
	list[page->found].id = page->ids && page->ids[page->found] ? xstrdup(page->ids[page->found])
								    : NULL;
	list[page->found].line = line;
	page->previous_line = cmark_node_get_end_line(node);
	page->found++;
}

/* After the last heading: the last section's text, and what is missing
 * or empty. */
static void
content_page_close(struct content_page *page)
{
	struct framework_section *list = page->list;

	if (page->found > 0)
		list[page->found - 1].markdown =
			content_lines(page->source, page->length, page->previous_line + 1, 1 << 30,
				      &list[page->found - 1].body_line);
	for (size_t index = page->found; index < page->heading_count; index++) {
		diag_error(page->diag, page->path, 0, "missing section \"## %s\"",
			   page->headings[index]);
		page->failed = 1;
	}
	for (size_t index = 0; index < page->found && !page->failed; index++) {
		if (list[index].markdown[0] == '\0') {
			diag_error(page->diag, page->path, list[index].line, "section \"%s\" is empty",
				   list[index].heading);
			page->failed = 1;
		}
	}
}

int
content_parse_page(const char *path, const char *source, size_t length, const char *title,
		   const char *const *headings, const char *const *ids, size_t heading_count,
		   struct framework_section **sections, size_t *section_count, struct diag *diag)
{
	struct content_page page = { path, source, length, headings, ids, heading_count, NULL, 0,
				     0, 0, diag };
	cmark_node *document, *node;

	if (memchr(source, '\0', length) != NULL) {
		diag_error(diag, path, 0, "contains a NUL byte; Markdown must be UTF-8 text");
		return -1;
	}
	document = cmark_parse_document(source, length, CMARK_OPT_VALIDATE_UTF8);
	if (document == NULL) {
		diag_error(diag, path, 0, "cannot parse Markdown");
		return -1;
	}
	content_check_safety(path, document, diag);
	node = content_check_title(path, document, title, &page.failed, diag);

	/* The sections: level-2 headings in the declared order. */
	page.list = xcalloc(heading_count ? heading_count : 1, sizeof *page.list);
	for (; node != NULL; node = cmark_node_next(node)) {
		char *text;

		if (cmark_node_get_type(node) != CMARK_NODE_HEADING ||
		    cmark_node_get_heading_level(node) > 2)
			continue;
		text = content_node_text(node);
		if (cmark_node_get_heading_level(node) == 1) {
			diag_error(diag, path, cmark_node_get_start_line(node),
				   "a second level-1 heading \"%s\"", text);
			page.failed = 1;
		} else {
			content_page_heading(&page, node, text);
		}
		free(text);
	}
	content_page_close(&page);
	cmark_node_free(document);
	if (page.failed) {
		content_free_sections(page.list, heading_count);
		return -1;
	}
	*sections = page.list;
	*section_count = page.found;
	return 0;
}

/* Reads one list item "`domain` **Title.** advice" into action. */
static int
content_read_action(const struct framework *framework, const char *path, long line_offset,
		    cmark_node *item, struct framework_action *action, struct diag *diag)
{
	cmark_node *paragraph = cmark_node_first_child(item);
	cmark_node *code = paragraph ? cmark_node_first_child(paragraph) : NULL;
	cmark_node *strong = code ? cmark_node_next(code) : NULL;
	long line = line_offset + cmark_node_get_start_line(item);
	const char *domain_id;
	int found = 0;

	/* "`id` **Title**": code, a space, strong. */
	if (strong != NULL && cmark_node_get_type(strong) == CMARK_NODE_TEXT &&
	    strspn(cmark_node_get_literal(strong), " ") == strlen(cmark_node_get_literal(strong)))
		strong = cmark_node_next(strong);
	if (paragraph == NULL || cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH ||
	    code == NULL || cmark_node_get_type(code) != CMARK_NODE_CODE || strong == NULL ||
	    cmark_node_get_type(strong) != CMARK_NODE_STRONG) {
		diag_error(diag, path, line,
			   "a priority action must start with a domain id and a bold title: "
			   "`domain_id` **Title.**");
		return -1;
	}
	domain_id = cmark_node_get_literal(code);
	for (size_t index = 0; index < framework->domain_count; index++) {
		if (strcmp(framework->domains[index].id, domain_id) == 0) {
			action->domain = index;
			found = 1;
		}
	}
	if (!found) {
		diag_error(diag, path, line, "unknown domain \"%s\" in a priority action", domain_id);
		return -1;
	}
	action->line = line;
	action->title = content_node_text(strong);
	/* Drop the trailing full stop of "**Title.**": titles stand alone. */
	size_t title_length = strlen(action->title);
	if (title_length > 0 && action->title[title_length - 1] == '.')
		action->title[title_length - 1] = '\0';

	/* The advice is what remains once the id and title are unlinked. */
	while (cmark_node_first_child(paragraph) != NULL) {
		cmark_node *first = cmark_node_first_child(paragraph);
		int was_strong = first == strong;

		cmark_node_free(first);
		if (was_strong)
			break;
	}
	if (cmark_node_first_child(paragraph) != NULL &&
	    cmark_node_get_type(cmark_node_first_child(paragraph)) == CMARK_NODE_TEXT) {
		cmark_node *lead = cmark_node_first_child(paragraph);
		const char *literal = cmark_node_get_literal(lead);

		cmark_node_set_literal(lead, literal + strspn(literal, " "));
	}
	action->text = content_node_text(item);
	/* The item's blocks as a document of their own: rendering the item
	 * itself would keep its list number. */
	{
		cmark_node *body = cmark_node_new(CMARK_NODE_DOCUMENT);

		while (cmark_node_first_child(item) != NULL)
			cmark_node_append_child(body, cmark_node_first_child(item));
		action->markdown = cmark_render_commonmark(body, CMARK_OPT_DEFAULT, 0);
		cmark_node_free(body);
	}
	if (action->text[0] == '\0') {
		diag_error(diag, path, line, "priority action \"%s\" has no advice", action->title);
		return -1;
	}
	/* cmark renders a trailing newline; trim it for clean embedding. */
	size_t markdown_length = strlen(action->markdown);
	while (markdown_length > 0 && action->markdown[markdown_length - 1] == '\n')
		action->markdown[--markdown_length] = '\0';
	return 0;
}

int
content_load_stage(const struct framework *framework, struct framework_stage *stage,
		   struct diag *diag)
{
	size_t length;
	char *source = xmlinput_slurp(stage->path, CONTENT_MAX_BYTES, &length, diag);
	int result;

	if (source == NULL)
		return -1;
	result = content_parse_stage(framework, stage, source, length, diag);
	free(source);
	return result;
}

int
content_parse_stage(const struct framework *framework, struct framework_stage *stage,
		    const char *source, size_t length, struct diag *diag)
{
	const struct framework_section *actions;
	cmark_node *document, *list;
	int failed = 0;

	if (content_parse_page(stage->path, source, length, stage->label,
			       (const char *const *)framework->stage_section_headings,
			       (const char *const *)framework->stage_section_ids,
			       framework->stage_section_count, &stage->sections,
			       &stage->section_count, diag) != 0)
		return -1;
	actions = framework_stage_section(stage, "actions");
	if (actions == NULL)
		return 0;

	document = cmark_parse_document(actions->markdown, strlen(actions->markdown),
					CMARK_OPT_VALIDATE_UTF8);
	list = cmark_node_first_child(document);
	while (list != NULL && cmark_node_get_type(list) != CMARK_NODE_LIST)
		list = cmark_node_next(list);
	if (list == NULL || cmark_node_get_list_type(list) != CMARK_ORDERED_LIST) {
		diag_error(diag, stage->path, actions->line,
			   "section \"%s\" must hold an ordered list of actions", actions->heading);
		cmark_node_free(document);
		return -1;
	}
	for (cmark_node *item = cmark_node_first_child(list); item != NULL;
	     item = cmark_node_next(item)) {
		struct framework_action action = { .marks = FRAMEWORK_NO_MARKS };

		if (content_read_action(framework, stage->path, actions->body_line - 1, item,
					&action, diag) != 0) {
			free(action.title);
			free(action.text);
			free(action.markdown);
			failed = 1;
			continue;
		}
		stage->actions = xreallocarray(stage->actions, stage->action_count + 1,
					       sizeof *stage->actions);
		stage->actions[stage->action_count++] = action;
	}
	cmark_node_free(document);
	return failed ? -1 : 0;
}

void
content_free_sections(struct framework_section *sections, size_t count)
{
	for (size_t index = 0; index < count; index++) {
		free(sections[index].id);
		free(sections[index].heading);
		free(sections[index].markdown);
	}
	free(sections);
}

void
content_free_stage(struct framework_stage *stage)
{
	content_free_sections(stage->sections, stage->section_count);
	for (size_t index = 0; index < stage->action_count; index++) {
		free(stage->actions[index].title);
		free(stage->actions[index].markdown);
		free(stage->actions[index].text);
	}
	free(stage->actions);
	stage->sections = NULL;
	stage->section_count = 0;
	stage->actions = NULL;
	stage->action_count = 0;
}
