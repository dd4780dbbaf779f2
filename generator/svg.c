/* Renumbering the groups of cairo's SVG; see svg.h. */
#include "svg.h"

#include "xalloc.h"

#include <glib.h>
#include <string.h>

/* What cairo names the groups of an SVG: this and a number. */
#define SVG_CAIRO_GROUP "surface"

/* value with each reference "#surfaceN" to a group renamed in names.
 * The caller frees it with g_free. */
static char *
svg_renamed(const char *value, GHashTable *names)
{
	GString *renamed = g_string_new(NULL);
	const char *cursor = value, *found;

	while ((found = strstr(cursor, "#" SVG_CAIRO_GROUP)) != NULL) {
		const char *old_start = found + 1;
		size_t length = strlen(SVG_CAIRO_GROUP) +
				strspn(old_start + strlen(SVG_CAIRO_GROUP), "0123456789");
		char *old = xstrndup(old_start, length);
		const char *name = g_hash_table_lookup(names, old);

		g_string_append_len(renamed, cursor, old_start - cursor);
		g_string_append(renamed, name != NULL ? name : old);
		cursor = old_start + length;
		free(old);
	}
	g_string_append(renamed, cursor);
	return g_string_free(renamed, FALSE);
}

/* Names the groups under node (ids "surfaceN") chart-surface1, 2, ... in
 * document order, recording old name -> new name in names. */
static void
svg_rename_groups(xmlNodePtr node, GHashTable *names)
{
	for (; node != NULL; node = node->next) {
		xmlChar *id;

		if (node->type != XML_ELEMENT_NODE)
			continue;
		id = xmlGetProp(node, (const xmlChar *)"id");
		if (id != NULL &&
		    strncmp((const char *)id, SVG_CAIRO_GROUP, strlen(SVG_CAIRO_GROUP)) == 0) {
			char *name = xasprintf("chart-surface%u", g_hash_table_size(names) + 1);

			xmlSetProp(node, (const xmlChar *)"id", (const xmlChar *)name);
			g_hash_table_insert(names, xstrdup((const char *)id), name);
		}
		xmlFree(id);
		svg_rename_groups(node->children, names);
	}
}

/* Points the references under node ("#surfaceN" in any attribute) at the
 * groups' new names. */
static void
svg_rename_references(xmlNodePtr node, GHashTable *names)
{
	for (; node != NULL; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		for (xmlAttrPtr attribute = node->properties; attribute != NULL;
		     attribute = attribute->next) {
			xmlChar *value = xmlNodeListGetString(node->doc, attribute->children, 1);

			if (value != NULL &&
			    strstr((const char *)value, "#" SVG_CAIRO_GROUP) != NULL) {
				char *renamed = svg_renamed((const char *)value, names);

				xmlSetNsProp(node, attribute->ns, attribute->name,
					     (const xmlChar *)renamed);
				g_free(renamed);
			}
			xmlFree(value);
		}
		svg_rename_references(node->children, names);
	}
}

void
svg_renumber_groups(xmlNodePtr root)
{
	GHashTable *names = g_hash_table_new_full(g_str_hash, g_str_equal, free, free);

	svg_rename_groups(root, names);
	if (g_hash_table_size(names) > 0)
		svg_rename_references(root, names);
	g_hash_table_destroy(names);
}
