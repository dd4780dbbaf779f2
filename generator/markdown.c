/* Markdown to XML elements; see markdown.h. */
#include "markdown.h"

#include "xmlout.h"

#include <cmark.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The element names of one vocabulary, by cmark node type; NULL drops
 * the node (raw HTML, custom nodes).  text_elements: text, code and code
 * blocks are elements holding their text, else text is a plain text node
 * (code still an element). */
struct markdown_dialect {
	const char *names[CMARK_NODE_LAST_INLINE + 1];
	const char *link_attribute;
	const char *list_attribute;
	const char *bullet;
	const char *ordered;
	const char *heading_level; /* NULL: the Markdown's own level */
	int text_elements;
};

static const struct markdown_dialect markdown_commonmark = {
	.names = {
		[CMARK_NODE_PARAGRAPH] = "paragraph",
		[CMARK_NODE_HEADING] = "heading",
		[CMARK_NODE_LIST] = "list",
		[CMARK_NODE_ITEM] = "item",
		[CMARK_NODE_BLOCK_QUOTE] = "block_quote",
		[CMARK_NODE_CODE_BLOCK] = "code_block",
		[CMARK_NODE_THEMATIC_BREAK] = "thematic_break",
		[CMARK_NODE_TEXT] = "text",
		[CMARK_NODE_SOFTBREAK] = "softbreak",
		[CMARK_NODE_LINEBREAK] = "linebreak",
		[CMARK_NODE_CODE] = "code",
		[CMARK_NODE_EMPH] = "emph",
		[CMARK_NODE_STRONG] = "strong",
		[CMARK_NODE_LINK] = "link",
	},
	.link_attribute = "destination",
	.list_attribute = "type",
	.bullet = "bullet",
	.ordered = "ordered",
	.heading_level = NULL,
	.text_elements = 1,
};

static const struct markdown_dialect markdown_document = {
	.names = {
		[CMARK_NODE_PARAGRAPH] = "p",
		[CMARK_NODE_HEADING] = "h",
		[CMARK_NODE_LIST] = "list",
		[CMARK_NODE_ITEM] = "item",
		[CMARK_NODE_BLOCK_QUOTE] = "quote",
		[CMARK_NODE_CODE_BLOCK] = "pre",
		[CMARK_NODE_THEMATIC_BREAK] = "rule",
		[CMARK_NODE_LINEBREAK] = "br",
		[CMARK_NODE_CODE] = "code",
		[CMARK_NODE_EMPH] = "em",
		[CMARK_NODE_STRONG] = "strong",
		[CMARK_NODE_LINK] = "link",
	},
	.link_attribute = "href",
	.list_attribute = "style",
	.bullet = "bullet",
	.ordered = "number",
	.heading_level = "4",
	.text_elements = 0,
};

int
markdown_safe_url(const char *url)
{
	return url != NULL && (strncasecmp(url, "https://", 8) == 0 ||
			       strncasecmp(url, "http://", 7) == 0 ||
			       strncasecmp(url, "mailto:", 7) == 0);
}

/* The attributes of a heading, list or link element. */
static void
markdown_attributes(const struct markdown_dialect *dialect, cmark_node *node, xmlNodePtr element)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_HEADING:
		if (dialect->heading_level != NULL)
			xmlout_attribute(element, "level", dialect->heading_level);
		else
			xmlout_attribute_format(element, "level", "%d",
						cmark_node_get_heading_level(node));
		break;
	case CMARK_NODE_LIST:
		xmlout_attribute(element, dialect->list_attribute,
				 cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? dialect->ordered
										      : dialect->bullet);
		xmlout_attribute_format(element, "start", "%d", cmark_node_get_list_start(node));
		xmlout_attribute(element, "tight", cmark_node_get_list_tight(node) ? "true" : "false");
		break;
	case CMARK_NODE_LINK:
		xmlout_attribute(element, dialect->link_attribute, cmark_node_get_url(node));
		break;
	default:
		break;
	}
}

static void
markdown_convert(const struct markdown_dialect *dialect, cmark_node *node, xmlNodePtr parent)
{
	for (cmark_node *child = cmark_node_first_child(node); child != NULL;
	     child = cmark_node_next(child)) {
		cmark_node_type type = cmark_node_get_type(child);
		const char *name = (int)type <= CMARK_NODE_LAST_INLINE ? dialect->names[type] : NULL;
		int literal = type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE ||
			      type == CMARK_NODE_CODE_BLOCK;
		xmlNodePtr element;

		/* An image's description, and an unsafe link's text, still read as text. */
		if (type == CMARK_NODE_IMAGE ||
		    (type == CMARK_NODE_LINK && !markdown_safe_url(cmark_node_get_url(child)))) {
			markdown_convert(dialect, child, parent);
			continue;
		}
		if (!dialect->text_elements && (type == CMARK_NODE_TEXT || type == CMARK_NODE_SOFTBREAK)) {
			xmlout_text(parent, type == CMARK_NODE_TEXT ? cmark_node_get_literal(child) : " ");
			continue;
		}
		if (name == NULL)
			continue;
		element = literal ? xmlout_text_element(parent, name, cmark_node_get_literal(child))
				  : xmlout_element(parent, name);
		if (element == NULL)
			continue;
		markdown_attributes(dialect, child, element);
		markdown_convert(dialect, child, element);
	}
}

static void
markdown_append(const struct markdown_dialect *dialect, xmlNodePtr parent, const char *markdown)
{
	cmark_node *document = cmark_parse_document(markdown, strlen(markdown),
						    CMARK_OPT_VALIDATE_UTF8);

	if (document == NULL)
		return;
	markdown_convert(dialect, document, parent);
	cmark_node_free(document);
}

void
markdown_append_xml(xmlNodePtr parent, const char *markdown)
{
	markdown_append(&markdown_commonmark, parent, markdown);
}

void
markdown_append_document(xmlNodePtr parent, const char *markdown)
{
	markdown_append(&markdown_document, parent, markdown);
}
