/* The units of a portfolio: stages and medians rolled up along each
 * team's unit path; see portfolio.h.  A team counts in its own unit and
 * in every unit above it, so the figures of "EMEA" cover
 * "EMEA/Enterprise" and "EMEA/Mid-market". */
#include "portfolio.h"

#include "framework.h"
#include "xalloc.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

struct portfolio_units {
	const struct framework *framework;
	GHashTable *by_path;                  /* path to its index + 1 (borrowed keys) */
	struct portfolio_unit **units;
	size_t count;
};

struct portfolio_units *
portfolio_units_new(const struct framework *framework)
{
	struct portfolio_units *units = xcalloc(1, sizeof *units);

	units->framework = framework;
	units->by_path = g_hash_table_new(g_str_hash, g_str_equal);
	return units;
}

/* The unit of path (length bytes of it), made when it is new. */
static struct portfolio_unit *
portfolio_units_find(struct portfolio_units *units, const char *path, size_t length,
		     size_t depth)
{
	char *key = xstrndup(path, length);
	gpointer found = g_hash_table_lookup(units->by_path, key);
	struct portfolio_unit *unit;

	if (found != NULL) {
		free(key);
		return units->units[GPOINTER_TO_SIZE(found) - 1];
	}
	unit = xcalloc(1, sizeof *unit);
	unit->path = key;
	unit->depth = depth;
	portfolio_figures_init(&unit->figures, units->framework);
	units->units = xreallocarray(units->units, units->count + 1, sizeof *units->units);
	units->units[units->count++] = unit;
	g_hash_table_insert(units->by_path, key, GSIZE_TO_POINTER(units->count));
	return unit;
}

void
portfolio_units_add(struct portfolio_units *units, const char *unit, size_t stage,
		    double overall, const double *domains)
{
	size_t depth = 0;

	if (unit == NULL)
		return;
	/* The unit at each '/', then the whole path. */
	for (const char *cursor = unit;; cursor++) {
		if (*cursor != '/' && *cursor != '\0')
			continue;
		depth++;
		portfolio_figures_add(&portfolio_units_find(units, unit, (size_t)(cursor - unit), depth)
					       ->figures,
				      stage, overall, domains);
		if (*cursor == '\0')
			break;
	}
}

/* Path order where '/' comes before any other character, so that a unit
 * is followed by its own units: "EMEA", "EMEA/North", "EMEA Sales". */
static int
portfolio_units_compare(const void *left, const void *right)
{
	const unsigned char *a = (const unsigned char *)(*(struct portfolio_unit *const *)left)->path;
	const unsigned char *b = (const unsigned char *)(*(struct portfolio_unit *const *)right)->path;

	for (;; a++, b++) {
		int x = *a == '/' ? 1 : *a, y = *b == '/' ? 1 : *b;

		if (x != y || x == '\0')
			return x - y;
	}
}

void
portfolio_units_finish(struct portfolio_units *units)
{
	if (units->count > 1)
		qsort(units->units, units->count, sizeof *units->units, portfolio_units_compare);
	for (size_t index = 0; index < units->count; index++)
		portfolio_figures_finish(&units->units[index]->figures);
	/* The order changed: the table has done its work. */
	g_hash_table_remove_all(units->by_path);
}

size_t
portfolio_units_count(const struct portfolio_units *units)
{
	return units->count;
}

const struct portfolio_unit *
portfolio_units_at(const struct portfolio_units *units, size_t index)
{
	return units->units[index];
}

void
portfolio_units_free(struct portfolio_units *units)
{
	if (units == NULL)
		return;
	for (size_t index = 0; index < units->count; index++) {
		portfolio_figures_release(&units->units[index]->figures);
		free(units->units[index]->path);
		free(units->units[index]);
	}
	g_hash_table_destroy(units->by_path);
	free(units->units);
	free(units);
}
