/* Markdown to XML elements; see markdown.h. */
#include "markdown.h"

#include <cmark.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

int
markdown_safe_url(const char *url)
{
	return url != NULL && (strncasecmp(url, "https://", 8) == 0 ||
			       strncasecmp(url, "http://", 7) == 0 ||
			       strncasecmp(url, "mailto:", 7) == 0);
}

static const char *
markdown_element_name(cmark_node *node)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_PARAGRAPH: return "paragraph";
	case CMARK_NODE_HEADING: return "heading";
	case CMARK_NODE_LIST: return "list";
	case CMARK_NODE_ITEM: return "item";
	case CMARK_NODE_BLOCK_QUOTE: return "block_quote";
	case CMARK_NODE_CODE_BLOCK: return "code_block";
	case CMARK_NODE_THEMATIC_BREAK: return "thematic_break";
	case CMARK_NODE_TEXT: return "text";
	case CMARK_NODE_SOFTBREAK: return "softbreak";
	case CMARK_NODE_LINEBREAK: return "linebreak";
	case CMARK_NODE_CODE: return "code";
	case CMARK_NODE_EMPH: return "emph";
	case CMARK_NODE_STRONG: return "strong";
	case CMARK_NODE_LINK: return "link";
	default: return NULL; /* raw HTML, images, custom nodes: never rendered */
	}
}

static void
markdown_convert(cmark_node *node, xmlNodePtr parent)
{
	for (cmark_node *child = cmark_node_first_child(node); child != NULL;
	     child = cmark_node_next(child)) {
		const char *name = markdown_element_name(child);
		cmark_node_type type = cmark_node_get_type(child);
		xmlNodePtr element;
		char number[16];

		if (type == CMARK_NODE_IMAGE) {
			/* An image's description still reads as text. */
			markdown_convert(child, parent);
			continue;
		}
		if (type == CMARK_NODE_LINK && !markdown_safe_url(cmark_node_get_url(child))) {
			markdown_convert(child, parent);
			continue;
		}
		if (name == NULL)
			continue;
		if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK)
			element = xmlNewTextChild(parent, parent->ns, (const xmlChar *)name,
						  (const xmlChar *)cmark_node_get_literal(child));
		else
			element = xmlNewChild(parent, parent->ns, (const xmlChar *)name, NULL);
		if (element == NULL)
			continue;
		switch (type) {
		case CMARK_NODE_HEADING:
			snprintf(number, sizeof number, "%d", cmark_node_get_heading_level(child));
			xmlNewProp(element, (const xmlChar *)"level", (const xmlChar *)number);
			break;
		case CMARK_NODE_LIST:
			xmlNewProp(element, (const xmlChar *)"type",
				   (const xmlChar *)(cmark_node_get_list_type(child) == CMARK_ORDERED_LIST
							     ? "ordered"
							     : "bullet"));
			snprintf(number, sizeof number, "%d", cmark_node_get_list_start(child));
			xmlNewProp(element, (const xmlChar *)"start", (const xmlChar *)number);
			xmlNewProp(element, (const xmlChar *)"tight",
				   (const xmlChar *)(cmark_node_get_list_tight(child) ? "true" : "false"));
			break;
		case CMARK_NODE_LINK:
			xmlNewProp(element, (const xmlChar *)"destination",
				   (const xmlChar *)cmark_node_get_url(child));
			break;
		default:
			break;
		}
		markdown_convert(child, element);
	}
}

void
markdown_append_xml(xmlNodePtr parent, const char *markdown)
{
	cmark_node *document = cmark_parse_document(markdown, strlen(markdown),
						    CMARK_OPT_VALIDATE_UTF8);

	if (document == NULL)
		return;
	markdown_convert(document, parent);
	cmark_node_free(document);
}
