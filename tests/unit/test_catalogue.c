/* Unit tests of the message catalogue: placeholders filled in as text or
 * nodes, emphasis kept, plural forms by the language's rules, a partial
 * translation over the default, and every kind of mistake refused with
 * FILE:LINE before anything is rendered. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "diag.h"
#include "scratch.h"

static const struct catalogue_message messages[] = {
	{ "greeting", "name" },
	{ "people", "count" },
	{ "stage", "stage score" },
};


/* Writes a catalogue of lang holding body; returns its path (static). */
static const char *
write_catalogue(const char *name, const char *lang, const char *body)
{
	static char paths[4][256];
	static int next;
	char *path = paths[next++ % 4];
	FILE *file;

	snprintf(path, sizeof paths[0], "%s/%s", scratch, name);
	file = fopen(path, "w");
	assert_non_null(file);
	fprintf(file,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<catalogue xmlns=\"urn:maturity:catalogue:1\" lang=\"%s\">\n%s</catalogue>\n",
		lang, body);
	assert_int_equal(fclose(file), 0);
	return path;
}

static const char default_body[] =
	"  <message id=\"greeting\">Hello, <strong>{name}</strong>!</message>\n"
	"  <message id=\"people\"><plural on=\"count\"><one>{count} person</one>"
	"<other>{count} people</other></plural></message>\n"
	"  <message id=\"stage\">{stage} at {score}</message>\n";

/* Loads default (and override), diagnostics into a buffer. */
static struct catalogue *
load(const char *path, const char *override, char *errors, size_t size)
{
	FILE *stream = fmemopen(errors, size, "w");
	struct diag diag;
	struct catalogue *catalogue;

	memset(errors, 0, size);
	diag_init(&diag, stream);
	catalogue = catalogue_load(path, override, "content/schema/catalogue.rng", messages,
				   sizeof messages / sizeof messages[0], &diag);
	fclose(stream);
	return catalogue;
}

static void
test_placeholders_and_emphasis(void **state)
{
	char errors[1024];
	struct catalogue *catalogue = load(write_catalogue("en.xml", "en", default_body), NULL,
					   errors, sizeof errors);
	const struct catalogue_argument name[] = { { "name", "Ada & co", NULL, 0 } };
	xmlNodePtr parent = xmlNewNode(NULL, (const xmlChar *)"p");
	xmlBufferPtr buffer = xmlBufferCreate();
	char *text;

	(void)state;
	assert_non_null(catalogue);
	assert_string_equal(catalogue_language(catalogue), "en");
	text = catalogue_text(catalogue, "greeting", name, 1);
	assert_string_equal(text, "Hello, Ada & co!");
	free(text);
	catalogue_append(catalogue, "greeting", parent, name, 1);
	xmlNodeDump(buffer, NULL, parent, 0, 0);
	assert_string_equal((const char *)xmlBufferContent(buffer),
			    "<p>Hello, <strong>Ada &amp; co</strong>!</p>");
	/* A placeholder without an argument stays as written. */
	text = catalogue_text(catalogue, "stage",
			      (const struct catalogue_argument[]){ { "stage", "Walk", NULL, 0 } }, 1);
	assert_string_equal(text, "Walk at {score}");
	free(text);
	xmlBufferFree(buffer);
	xmlFreeNode(parent);
	catalogue_free(catalogue);
}

static void
test_nodes_as_arguments(void **state)
{
	char errors[1024];
	struct catalogue *catalogue = load(write_catalogue("en.xml", "en", default_body), NULL,
					   errors, sizeof errors);
	xmlNodePtr fragment = xmlNewNode(NULL, (const xmlChar *)"fragment");
	xmlNodePtr parent = xmlNewNode(NULL, (const xmlChar *)"p");
	xmlBufferPtr buffer = xmlBufferCreate();
	struct catalogue_argument argument = { "stage", NULL, NULL, 0 };

	(void)state;
	xmlNewTextChild(fragment, NULL, (const xmlChar *)"chip", (const xmlChar *)"Walk");
	argument.nodes = fragment->children;
	catalogue_append(catalogue, "stage", parent, &argument, 1);
	xmlNodeDump(buffer, NULL, parent, 0, 0);
	assert_string_equal((const char *)xmlBufferContent(buffer),
			    "<p><chip>Walk</chip> at {score}</p>");
	xmlBufferFree(buffer);
	xmlFreeNode(parent);
	xmlFreeNode(fragment);
	catalogue_free(catalogue);
}

/* The "people" message for count, as expected. */
static void
assert_people(const struct catalogue *catalogue, int count, const char *expected)
{
	char number[16];
	struct catalogue_argument argument = { "count", number, NULL, count };
	char *text;

	snprintf(number, sizeof number, "%d", count);
	text = catalogue_text(catalogue, "people", &argument, 1);
	assert_string_equal(text, expected);
	free(text);
}

static void
test_plural_forms_by_language(void **state)
{
	char errors[1024];
	const char *english = write_catalogue("en.xml", "en", default_body);
	struct catalogue *catalogue = load(english, NULL, errors, sizeof errors);
	char *text;

	(void)state;
	assert_people(catalogue, 1, "1 person");
	assert_people(catalogue, 0, "0 people");
	assert_people(catalogue, 2, "2 people");
	catalogue_free(catalogue);

	/* French counts 0 as one: the rules are the language's, not ours. */
	catalogue = load(english,
			 write_catalogue("fr.xml", "fr",
					 "  <message id=\"people\"><plural on=\"count\"><one>{count} "
					 "personne</one><other>{count} personnes</other></plural>"
					 "</message>\n"),
			 errors, sizeof errors);
	assert_non_null(catalogue);
	assert_string_equal(catalogue_language(catalogue), "fr");
	assert_people(catalogue, 0, "0 personne");
	assert_people(catalogue, 3, "3 personnes");
	/* Not translated: the default's words. */
	text = catalogue_text(catalogue, "greeting",
			      (const struct catalogue_argument[]){ { "name", "Ada", NULL, 0 } }, 1);
	assert_string_equal(text, "Hello, Ada!");
	free(text);
	catalogue_free(catalogue);
}

static void
test_mistakes_are_refused_with_their_line(void **state)
{
	static const struct {
		const char *body;
		const char *message;
	} cases[] = {
		{ "  <message id=\"greting\">Hi</message>\n",
		  "fault.xml:3: error: message \"greting\" is not one the report uses" },
		{ "  <message id=\"greeting\">Hi {nam}</message>\n",
		  "fault.xml:3: error: message \"greeting\": {nam} is not one of its placeholders (name)" },
		{ "  <message id=\"people\"><plural on=\"number\"><other>x</other></plural></message>\n",
		  "error: message \"people\": a plural form is chosen by {number}, which is not one of "
		  "its placeholders (count)" },
		{ "  <message id=\"greeting\">Hi</message>\n  <message id=\"greeting\">Ho</message>\n",
		  "fault.xml:4: error: message \"greeting\" is given twice" },
		{ "  <message id=\"greeting\">Hi <b>you</b></message>\n", "fault.xml:3: error:" },
	};
	const char *english = write_catalogue("en.xml", "en", default_body);
	char errors[2048];

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof cases[0]; index++) {
		struct catalogue *catalogue =
			load(english, write_catalogue("fault.xml", "en", cases[index].body), errors,
			     sizeof errors);

		assert_null(catalogue);
		if (strstr(errors, cases[index].message) == NULL)
			fail_msg("case %zu: expected \"%s\" in:\n%s", index, cases[index].message,
				 errors);
	}
	/* The default must hold every message; a translation need not. */
	assert_null(load(write_catalogue("short.xml", "en",
					 "  <message id=\"greeting\">Hi</message>\n"),
			 NULL, errors, sizeof errors));
	assert_non_null(strstr(errors, "short.xml: error: message \"people\" is missing"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_placeholders_and_emphasis),
		cmocka_unit_test(test_nodes_as_arguments),
		cmocka_unit_test(test_plural_forms_by_language),
		cmocka_unit_test(test_mistakes_are_refused_with_their_line),
	};

	return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
