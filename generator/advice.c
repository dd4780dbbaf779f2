/* The advice vocabulary of a content pack; see advice.h. */
#include "advice.h"

#include "diag.h"
#include "profile.h"
#include "xalloc.h"
#include "xmlinput.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* What the reader carries from one part of advice.xml to the next. */
struct advice_reader {
	struct framework *framework;
	const char *path;
	struct diag *diag;
};

/* The index of id among count words, or -1. */
static long
advice_find_word(const struct framework_word *words, size_t count, const char *id)
{
	for (size_t index = 0; id != NULL && index < count; index++)
		if (strcmp(words[index].id, id) == 0)
			return (long)index;
	return -1;
}

long
advice_find_role(const struct framework *framework, const char *id)
{
	return advice_find_word(framework->roles, framework->role_count, id);
}

static long
advice_find_theme(const struct framework *framework, const char *id)
{
	for (size_t index = 0; id != NULL && index < framework->theme_count; index++)
		if (strcmp(framework->themes[index].id, id) == 0)
			return (long)index;
	return -1;
}

/* Where the names of the vocabulary are declared, for messages. */
static const char *
advice_source(const struct framework *framework)
{
	return framework->advice_path != NULL
		       ? framework->advice_path
		       : "advice.xml, which this pack lacks (<advice from=\"PACK\"/> reuses another's)";
}

/* Reads <roles> or <tags>: words with unique ids. */
static int
advice_read_words(struct advice_reader *reader, xmlNodePtr node, struct framework_word **words,
		  size_t *count, const char *kind)
{
	int failed = 0;

	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		char *id = xmlinput_attribute(child, "id");

		if (advice_find_word(*words, *count, id) >= 0) {
			diag_error(reader->diag, reader->path, xmlinput_line(child),
				   "%s \"%s\" is declared twice", kind, id);
			failed = 1;
		}
		*words = xreallocarray(*words, *count + 1, sizeof **words);
		(*words)[(*count)++] = (struct framework_word){ id, xmlinput_text(child) };
	}
	return failed ? -1 : 0;
}

/* Each word of the space-separated list text, in turn. */
static char *
advice_next_name(char **state)
{
	char *word = *state;

	while (*word == ' ' || *word == '\t' || *word == '\n' || *word == '\r')
		word++;
	if (*word == '\0')
		return NULL;
	*state = word + strcspn(word, " \t\n\r");
	if (**state != '\0')
		*(*state)++ = '\0';
	return word;
}

int
advice_tags(const struct framework *framework, xmlNodePtr node, const char *name,
	    const char *path, uint64_t *tags, struct diag *diag)
{
	char *list = xmlinput_attribute(node, name), *state = list, *word;
	int failed = 0;

	while (list != NULL && (word = advice_next_name(&state)) != NULL) {
		long tag = advice_find_word(framework->tags, framework->tag_count, word);

		if (tag < 0) {
			diag_error(diag, path, xmlinput_line(node), "unknown tag \"%s\" (tags are declared in %s)",
				   word, advice_source(framework));
			failed = 1;
		} else {
			*tags |= (uint64_t)1 << tag;
		}
	}
	free(list);
	return failed ? -1 : 0;
}

int
advice_marks(const struct framework *framework, xmlNodePtr node, const char *path,
	     struct framework_marks *marks, struct diag *diag)
{
	char *theme = xmlinput_attribute(node, "theme");
	char *owner = xmlinput_attribute(node, "owner");
	char *effort = xmlinput_attribute(node, "effort");
	int failed = advice_tags(framework, node, "tags", path, &marks->tags, diag) != 0;

	if (theme != NULL && (marks->theme = advice_find_theme(framework, theme)) < 0) {
		diag_error(diag, path, xmlinput_line(node), "unknown theme \"%s\" (themes are declared in %s)",
			   theme, advice_source(framework));
		failed = 1;
	}
	if (owner != NULL && (marks->owner = advice_find_role(framework, owner)) < 0) {
		diag_error(diag, path, xmlinput_line(node), "unknown role \"%s\" (roles are declared in %s)",
			   owner, advice_source(framework));
		failed = 1;
	}
	/* The schema admits only these three. */
	if (effort != NULL)
		marks->effort = strcmp(effort, "small") == 0	? EFFORT_SMALL
				: strcmp(effort, "medium") == 0 ? EFFORT_MEDIUM
								: EFFORT_LARGE;
	free(theme);
	free(owner);
	free(effort);
	return failed ? -1 : 0;
}

/* Reads <themes>: ids first, then what each needs, once all are known. */
static int
advice_read_themes(struct advice_reader *reader, xmlNodePtr node)
{
	struct framework *framework = reader->framework;
	int failed = 0;
	size_t index = 0;

	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		char *id = xmlinput_attribute(child, "id");

		if (advice_find_theme(framework, id) >= 0) {
			diag_error(reader->diag, reader->path, xmlinput_line(child),
				   "theme \"%s\" is declared twice", id);
			failed = 1;
		}
		framework->themes = xreallocarray(framework->themes, framework->theme_count + 1,
						  sizeof *framework->themes);
		framework->themes[framework->theme_count++] = (struct framework_theme){
			.id = id, .label = xmlinput_text(child), .line = xmlinput_line(child)
		};
	}
	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next), index++) {
		struct framework_theme *theme = &framework->themes[index];
		char *list = xmlinput_attribute(child, "needs"), *state = list, *word;

		while (list != NULL && (word = advice_next_name(&state)) != NULL) {
			long need = advice_find_theme(framework, word);

			if (need < 0) {
				diag_error(reader->diag, reader->path, theme->line,
					   "theme \"%s\" needs \"%s\", which is not a theme", theme->id,
					   word);
				failed = 1;
				continue;
			}
			theme->needs = xreallocarray(theme->needs, theme->need_count + 1,
						     sizeof *theme->needs);
			theme->needs[theme->need_count++] = (size_t)need;
		}
		free(list);
	}
	return failed ? -1 : 0;
}

/* Depth-first search for a circle through theme; state is 0 unseen, 1 on
 * the path, 2 done.  path holds the themes on the way, *depth of them.
 * Returns the index on path where a circle starts, or -1. */
static long
advice_find_circle(const struct framework *framework, size_t theme, unsigned char *state,
		   size_t *path, size_t *depth)
{
	state[theme] = 1;
	path[(*depth)++] = theme;
	for (size_t index = 0; index < framework->themes[theme].need_count; index++) {
		size_t need = framework->themes[theme].needs[index];

		if (state[need] == 1) {
			for (size_t position = 0; position < *depth; position++)
				if (path[position] == need)
					return (long)position;
		}
		if (state[need] == 0) {
			long found = advice_find_circle(framework, need, state, path, depth);

			if (found >= 0)
				return found;
		}
	}
	state[theme] = 2;
	(*depth)--;
	return -1;
}

/* No theme may need itself through others; then every theme's needs,
 * direct or not, into framework->theme_requires. */
static int
advice_check_needs(struct advice_reader *reader)
{
	struct framework *framework = reader->framework;
	size_t count = framework->theme_count;
	unsigned char *state = xcalloc(count ? count : 1, 1);
	size_t *path = xcalloc(count ? count : 1, sizeof *path);
	int failed = 0;

	for (size_t theme = 0; theme < count && !failed; theme++) {
		size_t depth = 0;
		long start = state[theme] == 0 ? advice_find_circle(framework, theme, state, path, &depth)
					       : -1;

		if (start >= 0) {
			size_t length = 1;
			char *circle;

			for (size_t index = (size_t)start; index < depth; index++)
				length += strlen(framework->themes[path[index]].id) + strlen(" \u2192 ");
			length += strlen(framework->themes[path[start]].id);
			circle = xcalloc(1, length);
			for (size_t index = (size_t)start; index < depth; index++) {
				strcat(circle, framework->themes[path[index]].id);
				strcat(circle, " \u2192 ");
			}
			strcat(circle, framework->themes[path[start]].id);
			diag_error(reader->diag, reader->path, framework->themes[path[start]].line,
				   "themes need each other in a circle: %s", circle);
			free(circle);
			failed = 1;
		}
	}
	free(state);
	free(path);
	if (failed)
		return -1;

	/* The closure: a needs b when one of a's needs is b or needs b. */
	framework->theme_requires = xcalloc(count ? count * count : 1, 1);
	for (size_t theme = 0; theme < count; theme++)
		for (size_t index = 0; index < framework->themes[theme].need_count; index++)
			framework->theme_requires[theme * count + framework->themes[theme].needs[index]] = 1;
	for (size_t middle = 0; middle < count; middle++)
		for (size_t from = 0; from < count; from++)
			if (framework->theme_requires[from * count + middle])
				for (size_t to = 0; to < count; to++)
					if (framework->theme_requires[middle * count + to])
						framework->theme_requires[from * count + to] = 1;
	return 0;
}

/* The parameter and choice whose id is id; 0, or -1 when none or when
 * two parameters have it. */
static int
advice_find_choice(const struct framework *framework, const char *id, size_t *parameter,
		   size_t *choice)
{
	int found = 0;

	for (size_t index = 0; index < framework->parameter_count; index++) {
		long match = profile_find_choice(&framework->parameters[index], id, NULL);

		if (match >= 0 && strcmp(framework->parameters[index].choices[match].id, id) == 0) {
			*parameter = index;
			*choice = (size_t)match;
			found++;
		}
	}
	return found == 1 ? 0 : -1;
}

/* Reads one <fit>. */
static int
advice_read_fit(struct advice_reader *reader, xmlNodePtr node)
{
	struct framework *framework = reader->framework;
	struct framework_fit fit = { 0 };
	char *choice = xmlinput_attribute(node, "choice");
	int failed = 0;

	if (advice_find_choice(framework, choice, &fit.parameter, &fit.choice) != 0) {
		diag_error(reader->diag, reader->path, xmlinput_line(node),
			   "fit for \"%s\": no profile parameter has that choice", choice);
		failed = 1;
	}
	for (size_t index = 0; !failed && index < framework->fit_count; index++)
		if (framework->fits[index].parameter == fit.parameter &&
		    framework->fits[index].choice == fit.choice) {
			diag_error(reader->diag, reader->path, xmlinput_line(node),
				   "choice \"%s\" has two fits", choice);
			failed = 1;
		}
	failed |= advice_tags(framework, node, "emphasise", reader->path, &fit.emphasise,
			      reader->diag) != 0;
	failed |= advice_tags(framework, node, "avoid", reader->path, &fit.avoid, reader->diag) != 0;
	if (fit.emphasise & fit.avoid) {
		diag_error(reader->diag, reader->path, xmlinput_line(node),
			   "fit for \"%s\" both emphasises and avoids a tag", choice);
		failed = 1;
	}
	for (xmlNodePtr child = xmlinput_element(node->children); child != NULL;
	     child = xmlinput_element(child->next)) {
		if (xmlinput_is(child, "name"))
			fit.name = xmlinput_text(child);
		else if (xmlinput_is(child, "why"))
			fit.why = xmlinput_text(child);
	}
	free(choice);
	framework->fits = xreallocarray(framework->fits, framework->fit_count + 1,
					sizeof *framework->fits);
	framework->fits[framework->fit_count++] = fit;
	return failed ? -1 : 0;
}

/* The file advice_read reads, or NULL when the pack has none. */
static char *
advice_file(const struct framework *framework, xmlNodePtr node)
{
	char *from = node != NULL ? xmlinput_attribute(node, "from") : NULL;
	char *path;
	struct stat status;

	if (from != NULL) {
		path = from[0] == '/' ? xasprintf("%s/advice.xml", from)
				      : xasprintf("%s/%s/advice.xml", framework->folder, from);
		free(from);
		return path;
	}
	path = xasprintf("%s/advice.xml", framework->folder);
	if (stat(path, &status) != 0) {
		free(path);
		return NULL;
	}
	return path;
}

int
advice_read(struct framework *framework, xmlNodePtr node, const char *pack_path,
	    const char *schema_folder, struct diag *diag)
{
	struct advice_reader reader = { framework, NULL, diag };
	char *schema_path = xasprintf("%s/advice.rng", schema_folder);
	xmlRelaxNGPtr schema = NULL;
	xmlDocPtr document = NULL;
	int failed = 0;

	framework->advice_path = advice_file(framework, node);
	if (framework->advice_path == NULL)
		goto done;
	reader.path = framework->advice_path;
	schema = xmlinput_schema_load(schema_path, diag);
	document = schema != NULL ? xmlinput_read(reader.path, ADVICE_MAX_BYTES, schema, diag) : NULL;
	if (document == NULL) {
		if (node != NULL)
			diag_error(diag, pack_path, xmlinput_line(node), "advice from %s cannot be read",
				   reader.path);
		failed = 1;
		goto done;
	}
	/* In schema order: roles and tags, the themes, then the fits, which
	 * name tags. */
	for (xmlNodePtr child = xmlinput_element(xmlDocGetRootElement(document)->children);
	     child != NULL; child = xmlinput_element(child->next)) {
		if (xmlinput_is(child, "roles"))
			failed |= advice_read_words(&reader, child, &framework->roles,
						    &framework->role_count, "role") != 0;
		else if (xmlinput_is(child, "tags"))
			failed |= advice_read_words(&reader, child, &framework->tags,
						    &framework->tag_count, "tag") != 0;
		else if (xmlinput_is(child, "themes"))
			failed |= advice_read_themes(&reader, child) != 0;
		if (framework->tag_count > FRAMEWORK_MAX_TAGS) {
			diag_error(diag, reader.path, xmlinput_line(child),
				   "%zu tags; a pack may declare at most %d", framework->tag_count,
				   FRAMEWORK_MAX_TAGS);
			failed = 1;
			goto done;
		}
		if (xmlinput_is(child, "fits"))
			for (xmlNodePtr fit = xmlinput_element(child->children); fit != NULL;
			     fit = xmlinput_element(fit->next))
				failed |= advice_read_fit(&reader, fit) != 0;
	}
	failed |= advice_check_needs(&reader) != 0;

	/* Each choice knows its fit, once the fits no longer move. */
	for (size_t index = 0; !failed && index < framework->fit_count; index++) {
		const struct framework_fit *fit = &framework->fits[index];

		framework->parameters[fit->parameter].choices[fit->choice].fit = fit;
	}
done:
	xmlFreeDoc(document);
	if (schema != NULL)
		xmlRelaxNGFree(schema);
	free(schema_path);
	return failed ? -1 : 0;
}

static void
advice_free_words(struct framework_word *words, size_t count)
{
	for (size_t index = 0; index < count; index++) {
		free(words[index].id);
		free(words[index].label);
	}
	free(words);
}

void
advice_free(struct framework *framework)
{
	advice_free_words(framework->roles, framework->role_count);
	advice_free_words(framework->tags, framework->tag_count);
	for (size_t index = 0; index < framework->theme_count; index++) {
		free(framework->themes[index].id);
		free(framework->themes[index].label);
		free(framework->themes[index].needs);
	}
	free(framework->themes);
	free(framework->theme_requires);
	for (size_t index = 0; index < framework->fit_count; index++) {
		free(framework->fits[index].name);
		free(framework->fits[index].why);
	}
	free(framework->fits);
	free(framework->advice_path);
}
