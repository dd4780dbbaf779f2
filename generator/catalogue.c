/* The message catalogue; see catalogue.h. */
#include "catalogue.h"

#include "diag.h"
#include "xalloc.h"
#include "xmlinput.h"
#include "xmlout.h"

#include <glib.h>
#include <string.h>
#include <unicode/upluralrules.h>

enum { CATALOGUE_MAX_BYTES = 1024 * 1024 };

struct catalogue {
	xmlDocPtr base;         /* the default messages */
	xmlDocPtr override;     /* a partial translation, or NULL */
	GHashTable *messages;   /* id -> its <message> element, the override's when it has one */
	char *language;
	UPluralRules *plural;   /* the language's plural categories */
};

/* What a check of one file needs to know. */
struct catalogue_check {
	const char *path;
	GHashTable *known;      /* id -> struct catalogue_message */
	struct diag *diag;
	int failed;
};

/* Calls visit for each {name} in text: name and its length. */
static void
catalogue_scan(const char *text, void (*visit)(const char *name, size_t length, void *data),
	       void *data)
{
	for (const char *open = strchr(text, '{'); open != NULL; open = strchr(open + 1, '{')) {
		size_t length = strspn(open + 1, "abcdefghijklmnopqrstuvwxyz0123456789_-");

		if (length > 0 && open[1 + length] == '}')
			visit(open + 1, length, data);
	}
}

/* True when the space-separated list holds name (length bytes). */
static int
catalogue_lists(const char *list, const char *name, size_t length)
{
	for (const char *word = list; *word != '\0';) {
		size_t size = strcspn(word, " ");

		if (size == length && strncmp(word, name, length) == 0)
			return 1;
		word += size;
		word += strspn(word, " ");
	}
	return 0;
}

struct catalogue_placeholder_check {
	struct catalogue_check *check;
	const struct catalogue_message *message;
	long line;
};

static void
catalogue_check_placeholder(const char *name, size_t length, void *data)
{
	struct catalogue_placeholder_check *state = data;

	if (catalogue_lists(state->message->placeholders, name, length))
		return;
	diag_error(state->check->diag, state->check->path, state->line,
		   "message \"%s\": {%.*s} is not one of its placeholders (%s)",
		   state->message->id, (int)length, name,
		   state->message->placeholders[0] ? state->message->placeholders : "none");
	state->check->failed = 1;
}

/* Checks the placeholders and plural forms in a message's content. */
static void
catalogue_check_content(struct catalogue_check *check, const struct catalogue_message *message,
			xmlNodePtr parent)
{
	for (xmlNodePtr node = parent->children; node != NULL; node = node->next) {
		struct catalogue_placeholder_check state = { check, message, xmlGetLineNo(node) };

		if (node->type == XML_TEXT_NODE) {
			catalogue_scan((const char *)node->content, catalogue_check_placeholder,
				       &state);
			continue;
		}
		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (xmlout_is(node, "plural")) {
			const char *on = xmlout_get(node, "on");

			if (on != NULL && !catalogue_lists(message->placeholders, on, strlen(on))) {
				diag_error(check->diag, check->path, xmlGetLineNo(node),
					   "message \"%s\": a plural form is chosen by {%s}, which is "
					   "not one of its placeholders (%s)",
					   message->id, on,
					   message->placeholders[0] ? message->placeholders : "none");
				check->failed = 1;
			}
		}
		catalogue_check_content(check, message, node);
	}
}

/* Checks every message of document and adds it to messages, replacing
 * one of the same id. */
static void
catalogue_add_file(struct catalogue_check *check, xmlDocPtr document, GHashTable *messages)
{
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);

	for (xmlNodePtr node = xmlinput_element(xmlDocGetRootElement(document)->children);
	     node != NULL; node = xmlinput_element(node->next)) {
		const char *id = xmlout_get(node, "id");
		const struct catalogue_message *message = g_hash_table_lookup(check->known, id);

		if (message == NULL) {
			diag_error(check->diag, check->path, xmlGetLineNo(node),
				   "message \"%s\" is not one the report uses", id);
			check->failed = 1;
			continue;
		}
		if (g_hash_table_contains(seen, id)) {
			diag_error(check->diag, check->path, xmlGetLineNo(node),
				   "message \"%s\" is given twice", id);
			check->failed = 1;
			continue;
		}
		g_hash_table_add(seen, (gpointer)id);
		catalogue_check_content(check, message, node);
		g_hash_table_insert(messages, (gpointer)id, node);
	}
	g_hash_table_destroy(seen);
}

/* Reads one catalogue file and checks its messages.  Returns the document
 * or NULL after reporting. */
static xmlDocPtr
catalogue_read(const char *path, xmlRelaxNGPtr schema, GHashTable *known, GHashTable *messages,
	       struct diag *diag)
{
	struct catalogue_check check = { path, known, diag, 0 };
	xmlDocPtr document = xmlinput_read(path, CATALOGUE_MAX_BYTES, schema, diag);

	if (document == NULL)
		return NULL;
	catalogue_add_file(&check, document, messages);
	if (check.failed) {
		xmlFreeDoc(document);
		return NULL;
	}
	return document;
}

/* The plural rules of the catalogue's language.  Returns 0, or -1 after
 * reporting a language ICU does not know. */
static int
catalogue_open_plurals(struct catalogue *catalogue, const char *path, struct diag *diag)
{
	UErrorCode status = U_ZERO_ERROR;
	char *locale = xstrdup(catalogue->language);

	/* ICU's locale ids use '_' where BCP 47 uses '-'. */
	for (char *cursor = locale; *cursor != '\0'; cursor++)
		if (*cursor == '-')
			*cursor = '_';
	catalogue->plural = uplrules_open(locale, &status);
	free(locale);
	if (U_FAILURE(status) || catalogue->plural == NULL) {
		diag_error(diag, path, 0, "no plural rules are known for the language \"%s\"",
			   catalogue->language);
		return -1;
	}
	return 0;
}

struct catalogue *
catalogue_load(const char *path, const char *override_path, const char *schema_path,
	       const struct catalogue_message *messages, size_t message_count, struct diag *diag)
{
	struct catalogue *catalogue = xcalloc(1, sizeof *catalogue);
	GHashTable *known = g_hash_table_new(g_str_hash, g_str_equal);
	xmlRelaxNGPtr schema = xmlinput_schema_load(schema_path, diag);
	int failed = schema == NULL;
	const char *language_path = path;
	char *language;

	catalogue->messages = g_hash_table_new(g_str_hash, g_str_equal);
	for (size_t index = 0; index < message_count; index++)
		g_hash_table_insert(known, (gpointer)messages[index].id, (gpointer)&messages[index]);
	if (!failed) {
		catalogue->base = catalogue_read(path, schema, known, catalogue->messages, diag);
		failed |= catalogue->base == NULL;
	}
	/* The default must hold every message the report uses. */
	for (size_t index = 0; !failed && index < message_count; index++) {
		if (g_hash_table_contains(catalogue->messages, messages[index].id))
			continue;
		diag_error(diag, path, 0, "message \"%s\" is missing", messages[index].id);
		failed = 1;
	}
	if (!failed && override_path != NULL) {
		catalogue->override =
			catalogue_read(override_path, schema, known, catalogue->messages, diag);
		failed |= catalogue->override == NULL;
		language_path = override_path;
	}
	if (!failed) {
		language = xmlinput_attribute(xmlDocGetRootElement(catalogue->override != NULL
									   ? catalogue->override
									   : catalogue->base),
					      "lang");
		catalogue->language = language != NULL ? language : xstrdup("en");
		failed |= catalogue_open_plurals(catalogue, language_path, diag) != 0;
	}
	g_hash_table_destroy(known);
	if (schema != NULL)
		xmlRelaxNGFree(schema);
	if (failed) {
		catalogue_free(catalogue);
		return NULL;
	}
	return catalogue;
}

void
catalogue_free(struct catalogue *catalogue)
{
	if (catalogue == NULL)
		return;
	if (catalogue->plural != NULL)
		uplrules_close(catalogue->plural);
	g_hash_table_destroy(catalogue->messages);
	xmlFreeDoc(catalogue->base);
	xmlFreeDoc(catalogue->override);
	free(catalogue->language);
	free(catalogue);
}

const char *
catalogue_language(const struct catalogue *catalogue)
{
	return catalogue->language;
}

static const struct catalogue_argument *
catalogue_find(const struct catalogue_argument *arguments, size_t count, const char *name,
	       size_t length)
{
	for (size_t index = 0; index < count; index++)
		if (strlen(arguments[index].name) == length &&
		    strncmp(arguments[index].name, name, length) == 0)
			return &arguments[index];
	return NULL;
}

/* Appends text with its placeholders filled in. */
static void
catalogue_fill(xmlNodePtr parent, const char *text, const struct catalogue_argument *arguments,
	       size_t count)
{
	const char *start = text;

	for (const char *open = strchr(text, '{'); open != NULL; open = strchr(open + 1, '{')) {
		size_t length = strspn(open + 1, "abcdefghijklmnopqrstuvwxyz0123456789_-");
		const struct catalogue_argument *argument;

		if (length == 0 || open[1 + length] != '}')
			continue;
		argument = catalogue_find(arguments, count, open + 1, length);
		if (argument == NULL)
			continue;
		if (open > start)
			xmlNodeAddContentLen(parent, (const xmlChar *)start, (int)(open - start));
		if (argument->text != NULL)
			xmlout_text(parent, argument->text);
		else if (argument->nodes != NULL)
			xmlAddChildList(parent, xmlDocCopyNodeList(parent->doc, argument->nodes));
		start = open + length + 2;
		open = start - 1;
	}
	xmlout_text(parent, start);
}

/* The form of a <plural> chosen by its number. */
static xmlNodePtr
catalogue_plural_form(const struct catalogue *catalogue, xmlNodePtr plural,
		      const struct catalogue_argument *arguments, size_t count)
{
	const char *on = xmlout_get(plural, "on");
	const struct catalogue_argument *argument =
		on != NULL ? catalogue_find(arguments, count, on, strlen(on)) : NULL;
	UErrorCode status = U_ZERO_ERROR;
	UChar keyword[16];
	char category[16] = "other";
	xmlNodePtr other = NULL;

	if (argument != NULL) {
		int32_t length = uplrules_select(catalogue->plural, argument->number, keyword,
						 (int32_t)(sizeof keyword / sizeof keyword[0]),
						 &status);

		if (U_SUCCESS(status) && length > 0 && length < (int32_t)sizeof category) {
			for (int32_t index = 0; index < length; index++)
				category[index] = (char)keyword[index];
			category[length] = '\0';
		}
	}
	for (xmlNodePtr form = xmlinput_element(plural->children); form != NULL;
	     form = xmlinput_element(form->next)) {
		if (xmlout_is(form, category))
			return form;
		if (xmlout_is(form, "other"))
			other = form;
	}
	return other;
}

static void
catalogue_append_content(const struct catalogue *catalogue, xmlNodePtr source, xmlNodePtr parent,
			 const struct catalogue_argument *arguments, size_t count)
{
	for (xmlNodePtr node = source->children; node != NULL; node = node->next) {
		if (node->type == XML_TEXT_NODE) {
			catalogue_fill(parent, (const char *)node->content, arguments, count);
		} else if (xmlout_is(node, "plural")) {
			xmlNodePtr form = catalogue_plural_form(catalogue, node, arguments, count);

			if (form != NULL)
				catalogue_append_content(catalogue, form, parent, arguments, count);
		} else if (xmlout_is(node, "strong") || xmlout_is(node, "em")) {
			catalogue_append_content(catalogue, node,
						 xmlout_element(parent, (const char *)node->name),
						 arguments, count);
		}
	}
}

void
catalogue_append(const struct catalogue *catalogue, const char *id, xmlNodePtr parent,
		 const struct catalogue_argument *arguments, size_t count)
{
	xmlNodePtr message = g_hash_table_lookup(catalogue->messages, id);

	if (message != NULL)
		catalogue_append_content(catalogue, message, parent, arguments, count);
}

char *
catalogue_text(const struct catalogue *catalogue, const char *id,
	       const struct catalogue_argument *arguments, size_t count)
{
	xmlNodePtr holder = xmlNewNode(NULL, (const xmlChar *)"text");
	xmlChar *content;
	char *text;

	catalogue_append(catalogue, id, holder, arguments, count);
	content = xmlNodeGetContent(holder);
	text = xstrdup(content != NULL ? (const char *)content : "");
	xmlFree(content);
	xmlFreeNode(holder);
	return text;
}
