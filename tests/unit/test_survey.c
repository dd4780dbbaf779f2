/* Unit tests of the survey importer: CSV to answer sets, each validated
 * before it is returned, every problem said with its row and column. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "survey.h"
#include "xalloc.h"

/* Writes text (length bytes) to scratch/name; returns its path (free it). */
static char *
put(const char *name, const char *text, size_t length)
{
	char *path = xasprintf("%s/%s", scratch, name);
	FILE *stream = fopen(path, "wb");

	assert_non_null(stream);
	assert_int_equal(fwrite(text, 1, length, stream), length);
	assert_int_equal(fclose(stream), 0);
	return path;
}

/* messages with the scratch folder taken out of every path (free it). */
static char *
without_folder(const char *messages)
{
	GString *text = g_string_new(NULL);
	const char *cursor = messages, *found;

	while ((found = strstr(cursor, scratch)) != NULL) {
		g_string_append_len(text, cursor, found - cursor);
		cursor = found + strlen(scratch) + 1;
	}
	g_string_append(text, cursor);
	return g_string_free(text, FALSE);
}

static void
test_surveys(void **state)
{
	static const struct {
		const char *csv;
		const char *mapping;     /* NULL: none */
		long count;              /* answer sets returned, or -1 */
		size_t rejected;
		const char *message;     /* what the messages hold, NULL: none */
		const char *team;        /* the first set's, with its first answer's score */
		size_t respondents;
		int score;
		const char *unit;        /* the first set's unit, NULL: none */
	} cases[] = {
		/* Ids and scores; a skipped question is an empty cell. */
		{ "team,date,respondent,sc_q1,sc_q2\nacme,2026-11-01,alice,3,4\nacme,2026-11-01,bob,,2\n",
		  NULL, 1, 0, NULL, "acme", 2, 3, NULL },
		/* Two teams, one refused by validation: the other comes back. */
		{ "team,date,respondent,sc_q1\nbad,2026-02-30,alice,3\ngood,2026-11-01,bob,2\n", NULL,
		  1, 1, "s.csv:2: error: date \"2026-02-30\" is not a real day", "good", 1, 2, NULL },
		/* A cell that cannot be mapped refuses its team, named by row and
		 * column. */
		{ "team,date,respondent,sc_q1,sc_q2\nacme,2026-11-01,alice,Sometimes,2\n", NULL, 0, 1,
		  "s.csv:2:4: error: answer \"Sometimes\" to sc_q1 is not 1 to 4", NULL, 0, 0, NULL },
		/* A column every survey needs: the file is unusable. */
		{ "team,date,sc_q1\nacme,2026-11-01,3\n", NULL, -1, 0,
		  "s.csv:1: error: no \"respondent\" column", NULL, 0, 0, NULL },
		{ "", NULL, -1, 0, "s.csv: error: the CSV file is empty", NULL, 0, 0, NULL },
		/* A short row is said and left out; the team stands. */
		{ "team,date,respondent,sc_q1\nacme,2026-11-01,a,3\nacme,2026-11-01\n", NULL, 1, 0,
		  "s.csv:3: error: row has 2 fields; the header has 4", "acme", 1, 3, NULL },
		/* A byte-order mark, CRLF and a quoted comma. */
		{ "\xef\xbb\xbfteam,date,respondent,name,sc_q1\r\nacme,2026-11-01,a,\"Acme, Inc\",2\r\n",
		  NULL, 1, 0, NULL, "acme", 1, 2, NULL },
		/* A former column name, read with a warning. */
		{ "team,date,respondent,segment,sc_q1\nacme,2026-11-01,a,seg_mid_market,1\n", NULL, 1, 0,
		  "s.csv:1:4: warning: \"segment\" is a former name", "acme", 1, 1, NULL },
		/* A mapping names a column and an answer's label. */
		{ "team,date,respondent,Q\nacme,2026-11-01,a,Mostly\n", "source,target\nQ,sc_q1\nMostly,3\n",
		  1, 0, NULL, "acme", 1, 3, NULL },
		/* An unknown column is left out, with a warning. */
		{ "team,date,respondent,sc_q1,remarks\nacme,2026-11-01,a,4,fine\n", NULL, 1, 0,
		  "s.csv:1:5: warning: \"remarks\" is not a question or a known field", "acme", 1, 4, NULL },
		/* A unit column: a team's first non-empty value counts. */
		{ "team,date,respondent,unit,sc_q1\nacme,2026-11-01,a,,2\nacme,2026-11-01,b,EMEA/Enterprise,3\n"
		  "acme,2026-11-01,c,APAC,1\n",
		  NULL, 1, 0, NULL, "acme", 3, 2, "EMEA/Enterprise" },
		/* A unit that is not a path refuses its team, named by its row. */
		{ "team,date,respondent,unit,sc_q1\nacme,2026-11-01,a,EMEA//Enterprise,2\n", NULL, 0, 1,
		  "s.csv:2: error: unit \"EMEA//Enterprise\" has an empty segment", NULL, 0, 0, NULL },
	};

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof *cases; index++) {
		char *path = put("s.csv", cases[index].csv, strlen(cases[index].csv));
		char *messages = NULL, *shown;
		size_t size = 0, rejected = 99;
		FILE *stream = open_memstream(&messages, &size);
		struct survey_mapping *mapping = NULL;
		struct answers **sets = NULL;
		struct diag diag;
		long count;

		diag_init(&diag, stream);
		if (cases[index].mapping != NULL) {
			char *mapping_path = put("m.csv", cases[index].mapping,
						 strlen(cases[index].mapping));

			mapping = survey_mapping_load(mapping_path, &diag);
			assert_non_null(mapping);
			free(mapping_path);
		}
		count = survey_read(path, framework, mapping, &sets, &rejected, &diag);
		fclose(stream);
		/* Messages name the file as given: compare without its folder. */
		shown = without_folder(messages);
		assert_int_equal(count, cases[index].count);
		if (count >= 0)
			assert_int_equal(rejected, cases[index].rejected);
		if (cases[index].message != NULL ? strstr(shown, cases[index].message) == NULL
						 : diag.errors + diag.warnings != 0)
			fail_msg("case %zu: messages not as expected:\n%s", index, messages);
		if (count > 0) {
			const struct answers_respondent *first = &sets[0]->respondents[0];

			assert_string_equal(sets[0]->team, cases[index].team);
			assert_int_equal(sets[0]->respondent_count, cases[index].respondents);
			if (cases[index].unit != NULL)
				assert_string_equal(sets[0]->unit, cases[index].unit);
			else
				assert_null(sets[0]->unit);
			/* Validated: the answer resolved to its question and score. */
			assert_int_equal(first->answers[0].score, cases[index].score);
			assert_string_equal(framework->questions[first->answers[0].question].id,
					    first->answers[0].question_id);
		}
		for (long set = 0; set < count; set++)
			answers_free(sets[set]);
		free(sets);
		survey_mapping_free(mapping);
		free(messages);
		free(shown);
		free(path);
	}
}

/* A question's column may be named by its text, and an answer given as
 * the text of one of its options. */
static void
test_question_and_option_texts(void **state)
{
	const struct framework_question *question = &framework->questions[4];
	char *csv = xasprintf("team,date,respondent,\"%s\"\nacme,2026-11-01,a,\"%s\"\n", question->text,
			      question->options[2].text);
	char *path = put("texts.csv", csv, strlen(csv));
	struct answers **sets;
	struct diag diag;
	size_t rejected;

	(void)state;
	diag_init(&diag, stderr);
	assert_int_equal(survey_read(path, framework, NULL, &sets, &rejected, &diag), 1);
	assert_int_equal(sets[0]->respondents[0].answers[0].question, 4);
	assert_int_equal(sets[0]->respondents[0].answers[0].score, 3);
	answers_free(sets[0]);
	free(sets);
	free(path);
	free(csv);
}

/* More respondents than an answer set may hold: the team is refused with
 * the limit, at the row that passed it. */
static void
test_respondent_limit(void **state)
{
	GString *csv = g_string_new("team,date,respondent,sc_q1\n");
	struct answers **sets;
	struct diag diag;
	size_t rejected;
	char *path;

	(void)state;
	for (int row = 0; row <= ANSWERS_MAX_RESPONDENTS; row++)
		g_string_append_printf(csv, "crowd,2026-11-01,r%d,2\n", row);
	path = put("crowd.csv", csv->str, csv->len);
	diag_init(&diag, NULL);
	assert_int_equal(survey_read(path, framework, NULL, &sets, &rejected, &diag), 0);
	assert_int_equal(rejected, 1);
	assert_int_equal(diag.errors, 1);
	free(sets);
	free(path);
	g_string_free(csv, TRUE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_surveys),
		cmocka_unit_test(test_question_and_option_texts),
		cmocka_unit_test(test_respondent_limit),
	};

	return cmocka_run_group_tests_name("survey", tests, fixture_scratch_setup,
					  fixture_scratch_teardown);
}
