/* Unit tests of a team's description: what it takes from the model, its
 * JSON read back field for field, and its CSV and table forms. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "fixture.h"
#include "model.h"
#include "summary.h"

/* The examples' kinds of team: one respondent with a domain nobody
 * answered, two who differ, and a team assessed before. */
static const char *const lone[] = { "000" "111" "222" "333" "444" "111" "222" "333" };
static const char *const pair[] = { "111" "222" "333" "444" "111" "222" "333" "444",
				    "333" "222" "111" "444" "333" "222" "111" "444" };
static const char *const before[] = { "111" "111" "111" "111" "111" "111" "111" "111" };

/* A description of sets (count of them), with previous when not NULL;
 * named and organised as an answer set may be. */
static void
describe(struct summary *summary, const char *const *sets, size_t count,
	 const char *const *previous)
{
	struct fixture_model fixture;

	fixture_model_build(&fixture, sets, count, previous, 1);
	fixture.current.answers.name = "Team \"One\", Europe";
	fixture.current.answers.organization = count > 1 ? "=Org" : NULL;
	fixture.current.answers.unit = count > 1 ? "EMEA/Enterprise" : NULL;
	summary_describe(summary, fixture.model);
	fixture_model_free(&fixture);
}

static void
test_describe_from_the_model(void **state)
{
	struct summary summary;

	(void)state;
	describe(&summary, lone, 1, NULL);
	assert_string_equal(summary.team, "team");
	assert_string_equal(summary.date, "2026-11-01");
	assert_string_equal(summary.content, "crawl-walk-run");
	assert_null(summary.organization);
	assert_null(summary.unit);
	assert_int_equal(summary.history_count, 0);
	assert_int_equal(summary.respondents, 1);
	/* Seven assessed domains of 1, 2, 3, 4, 1, 2, 3: 2.29, Walk, 5.7. */
	assert_true(summary.overall == 2.29);
	assert_true(summary.score10 == 5.7);
	assert_string_equal(framework->stages[summary.stage].id, "walk");
	assert_true(summary.domains[0] == SUMMARY_NONE);
	assert_true(summary.domains[4] == 4.0);
	for (size_t domain = 0; domain < framework->domain_count; domain++)
		assert_true(summary.spreads[domain] == SUMMARY_NONE);
	assert_false(summary.has_previous);
	assert_false(summary.has_files);
	summary_release(&summary);

	describe(&summary, pair, 2, before);
	assert_true(summary.spreads[0] == 2.0);
	assert_true(summary.spreads[1] == 0.0);
	assert_true(summary.has_previous);
	assert_string_equal(summary.previous_date, "2025-11-01");
	assert_true(summary.previous_overall == 1.0);
	assert_true(summary.change == 1.5);
	assert_string_equal(summary.unit, "EMEA/Enterprise");
	/* Both assessments, oldest first, as the portfolio's quarters read them. */
	assert_int_equal(summary.history_count, 2);
	assert_string_equal(summary.history[0].date, "2025-11-01");
	assert_string_equal(framework->stages[summary.history[0].stage].id, "crawl");
	assert_true(summary.history[0].overall == 1.0);
	assert_string_equal(summary.history[1].date, "2026-11-01");
	assert_int_equal(summary.history[1].stage, summary.stage);
	summary_release(&summary);
}

/* The fields of two descriptions, compared one by one. */
static void
assert_same(const struct summary *a, const struct summary *b)
{
	assert_string_equal(a->team, b->team);
	assert_string_equal(a->name, b->name);
	assert_true((a->organization == NULL) == (b->organization == NULL));
	if (a->organization != NULL)
		assert_string_equal(a->organization, b->organization);
	assert_true((a->unit == NULL) == (b->unit == NULL));
	if (a->unit != NULL)
		assert_string_equal(a->unit, b->unit);
	assert_int_equal(a->history_count, b->history_count);
	for (size_t index = 0; index < a->history_count; index++) {
		assert_string_equal(a->history[index].date, b->history[index].date);
		assert_int_equal(a->history[index].stage, b->history[index].stage);
		assert_true(a->history[index].overall == b->history[index].overall);
	}
	assert_string_equal(a->date, b->date);
	assert_int_equal(a->respondents, b->respondents);
	assert_string_equal(a->content, b->content);
	assert_int_equal(a->stage, b->stage);
	assert_true(a->overall == b->overall && a->score10 == b->score10);
	assert_int_equal(a->has_targets, b->has_targets);
	for (size_t domain = 0; domain < framework->domain_count; domain++) {
		assert_true(a->domains[domain] == b->domains[domain]);
		assert_true(a->spreads[domain] == b->spreads[domain]);
		assert_true(a->targets[domain] == b->targets[domain]);
		assert_true(a->gaps[domain] == b->gaps[domain]);
	}
	assert_int_equal(a->has_previous, b->has_previous);
	if (a->has_previous) {
		assert_string_equal(a->previous_date, b->previous_date);
		assert_true(a->previous_overall == b->previous_overall && a->change == b->change);
	}
	assert_int_equal(a->has_files, b->has_files);
	assert_int_equal(a->files, b->files);
}

/* The description of the lone team with targets of its own: every domain
 * at 3.00, AI Leverage (the eighth, at 3) at 3.50. */
static void
describe_with_targets(struct summary *summary)
{
	struct answers_target targets[] = {
		{ .domain = -1, .score = 3.0 },
		{ .domain = 7, .score = 3.5 },
	};
	struct fixture_answers assessment;
	struct model *model;

	fixture_answers_build(&assessment, lone, 1, "2026-11-01", NULL);
	assessment.answers.name = "Team";
	assessment.answers.targets = targets;
	assessment.answers.target_count = 2;
	model = model_build(framework, &assessment.answers, assessment.scores, NULL, 0, NULL,
			    "2026-11-22");
	summary_describe(summary, model);
	model_free(model);
	score_free(assessment.scores);
}

/* Targets and the gaps to them: every domain with a target has both; a
 * domain above its target lacks nothing. */
static void
test_describe_targets(void **state)
{
	struct summary summary;
	struct diag diag;
	struct summary read;
	json_t *object;
	char *text;

	(void)state;
	describe(&summary, lone, 1, NULL);
	assert_false(summary.has_targets);
	assert_null(json_object_get(object = summary_to_json(&summary, framework), "targets"));
	json_decref(object);
	summary_release(&summary);

	describe_with_targets(&summary);
	assert_true(summary.has_targets);
	/* Domains at 1, 2, 3, 4, 1, 2, 3 after the unassessed first. */
	assert_true(summary.targets[1] == 3.0 && summary.gaps[1] == 2.0);
	assert_true(summary.targets[4] == 3.0 && summary.gaps[4] == 0.0);
	assert_true(summary.targets[7] == 3.5 && summary.gaps[7] == 0.5);
	object = summary_to_json(&summary, framework);
	assert_true(json_real_value(json_object_get(json_object_get(object, "gaps"),
						    "ai_leverage")) == 0.5);
	text = json_dumps(object, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	diag_init(&diag, stderr);
	assert_int_equal(summary_parse(&read, text, strlen(text), framework, "t.json", &diag), 0);
	assert_same(&summary, &read);
	free(text);
	json_decref(object);
	summary_release(&read);
	summary_release(&summary);
}

/* The JSON the one serialiser writes reads back as the same description,
 * whatever the description holds. */
static void
test_json_reads_back(void **state)
{
	static const struct {
		const char *const *sets;
		size_t count;
		const char *const *previous;
		int has_files;
		unsigned files;
	} cases[] = {
		{ lone, 1, NULL, 0, 0 },
		{ pair, 2, NULL, 1, 0 },
		{ pair, 2, before, 1, 0xf },
		{ lone, 1, before, 1, 0x5 },
	};

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof *cases; index++) {
		struct summary written, read;
		struct diag diag;
		json_t *object;
		char *text;

		describe(&written, cases[index].sets, cases[index].count, cases[index].previous);
		written.has_files = cases[index].has_files;
		written.files = cases[index].files;
		object = summary_to_json(&written, framework);
		text = json_dumps(object, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
		diag_init(&diag, stderr);
		assert_int_equal(summary_parse(&read, text, strlen(text), framework, "t.json", &diag), 0);
		assert_same(&written, &read);
		free(text);
		json_decref(object);
		summary_release(&written);
		summary_release(&read);
	}
}

/* The fields in the order the README gives them, those not there left
 * out. */
static void
test_json_fields_in_order(void **state)
{
	static const char *const several[] = { "team", "name", "organization", "unit", "date",
					       "respondents", "content", "stage", "overall",
					       "score10", "domains", "spread", "previous", "history",
					       "files" };
	static const char *const one[] = { "team", "name", "date", "respondents", "content",
					   "stage", "overall", "score10", "domains" };
	struct summary summary;
	json_t *object, *value;
	const char *key;
	size_t position = 0;

	(void)state;
	describe(&summary, pair, 2, before);
	summary.has_files = 1;
	object = summary_to_json(&summary, framework);
	json_object_foreach(object, key, value)
		assert_string_equal(key, several[position++]);
	assert_int_equal(position, sizeof several / sizeof *several);
	json_decref(object);
	summary_release(&summary);

	describe(&summary, lone, 1, NULL);
	object = summary_to_json(&summary, framework);
	position = 0;
	json_object_foreach(object, key, value)
		assert_string_equal(key, one[position++]);
	assert_int_equal(position, sizeof one / sizeof *one);
	assert_true(json_is_null(json_object_get(json_object_get(object, "domains"),
						 "segmentation_coverage")));
	json_decref(object);
	summary_release(&summary);
}

/* What is not a team's summary is refused, with the line when it is not
 * JSON at all. */
static void
test_parse_refuses(void **state)
{
	static const struct {
		const char *text;
		const char *message;
	} cases[] = {
		{ "{\"team\": \"a\",\n\"stage\": }", "t.json:2: error: not a team summary: " },
		{ "[1, 2]", "t.json: error: not a team summary\n" },
		{ "{\"stage\": \"walk\"}", "t.json: error: not a team summary\n" },
		{ "{\"team\": \"a\", \"stage\": 3}", "t.json: error: not a team summary\n" },
		{ "{\"team\": \"a\", \"team\": \"b\", \"stage\": \"walk\"}", "t.json:1: error: " },
	};

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof *cases; index++) {
		char *messages = NULL;
		size_t size = 0;
		FILE *stream = open_memstream(&messages, &size);
		struct summary summary;
		struct diag diag;

		diag_init(&diag, stream);
		assert_int_equal(summary_parse(&summary, cases[index].text, strlen(cases[index].text),
					       framework, "t.json", &diag),
				 -1);
		fclose(stream);
		assert_non_null(strstr(messages, cases[index].message));
		assert_int_equal(diag.errors, 1);
		free(messages);
	}
}

/* The text a writer puts on a stream (free it). */
static char *
written(void (*write)(FILE *stream, const struct summary *summary),
	const struct summary *summary)
{
	char *text = NULL;
	size_t size = 0;
	FILE *stream = open_memstream(&text, &size);

	assert_non_null(stream);
	write(stream, summary);
	fclose(stream);
	return text;
}

static void
write_header(FILE *stream, const struct summary *summary)
{
	(void)summary;
	summary_csv_header(stream, framework);
	csvout_end_row(stream);
}

static void
write_row(FILE *stream, const struct summary *summary)
{
	summary_csv_row(stream, summary, framework);
	csvout_end_row(stream);
}

static void
write_table(FILE *stream, const struct summary *summary)
{
	summary_write(stream, SUMMARY_TABLE, framework, summary);
}

static size_t
cells(const char *row)
{
	size_t count = 1;
	int quoted = 0;

	for (const char *cursor = row; *cursor != '\0'; cursor++) {
		if (*cursor == '"')
			quoted = !quoted;
		else if (*cursor == ',' && !quoted)
			count++;
	}
	return count;
}

/* A CSV row has a cell for each of the header's, text quoted and made
 * harmless, empty where a field is not there. */
static void
test_csv_row(void **state)
{
	struct summary summary;
	char *header, *row;

	(void)state;
	describe(&summary, pair, 2, before);
	header = written(write_header, &summary);
	row = written(write_row, &summary);
	/* Ten fields; a domain's score, spread, target and gap; three of the
	 * comparison. */
	assert_int_equal(cells(header), 10 + 4 * 8 + 3);
	assert_int_equal(cells(row), cells(header));
	assert_true(strncmp(header, "\"team\",\"name\",\"organization\",\"unit\",\"date\",", 43) == 0);
	assert_non_null(strstr(row, "\"team\",\"Team \"\"One\"\", Europe\",\"'=Org\",\"EMEA/Enterprise\","
				    "\"2026-11-01\",2,"));
	assert_non_null(strstr(row, ",\"2025-11-01\",1.00,1.50\r\n"));
	free(row);
	summary_release(&summary);

	describe(&summary, lone, 1, NULL);
	row = written(write_row, &summary);
	assert_int_equal(cells(row), cells(header));
	/* No organisation, no unit; the first domain not assessed; no spread,
	 * no comparison. */
	assert_non_null(strstr(row, "\"Team \"\"One\"\", Europe\",\"\",\"\",\"2026-11-01\",1,"));
	assert_non_null(strstr(row, ",\"walk\",2.29,5.7,,1.00,"));
	assert_non_null(strstr(row, ",,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n"));
	free(row);
	free(header);
	summary_release(&summary);
}

static void
test_table_row(void **state)
{
	struct summary summary;
	char *row;

	(void)state;
	describe(&summary, lone, 1, NULL);
	row = written(write_table, &summary);
	assert_string_equal(row, "team                     2026-11-01    1    2.29   5.7 Walk       "
				 "     -  1.00  2.00  3.00  4.00  1.00  2.00  3.00\n");
	free(row);
	summary_release(&summary);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_describe_from_the_model),
		cmocka_unit_test(test_describe_targets),
		cmocka_unit_test(test_json_reads_back),
		cmocka_unit_test(test_json_fields_in_order),
		cmocka_unit_test(test_parse_refuses),
		cmocka_unit_test(test_csv_row),
		cmocka_unit_test(test_table_row),
	};

	return cmocka_run_group_tests_name("summary", tests, fixture_setup, fixture_teardown);
}
