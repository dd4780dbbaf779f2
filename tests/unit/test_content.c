/* Unit tests of stage Markdown parsed from memory: sections, actions, and
 * buffers that do not end in a NUL (found by fuzzing). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "fixture.h"

static const char stage_text[] =
	"# Walk\n\n## Summary\n\nA summary.\n\n## Key characteristics\n\n- one\n\n"
	"## Typical profile\n\nA profile.\n\n## Priority actions\n\n"
	"1. `health_risk` **Test the score.** Against past churn.\n"
	"2. `ai_leverage` **Clean the data.** Before any model.\n\n"
	"## What the next stage unlocks\n\nMore.";

/* Parses text from a buffer of exactly its length: no NUL after it, so
 * AddressSanitizer catches any read past the end. */
static int
parse(struct framework_stage *stage, const char *text, struct diag *diag)
{
	size_t length = strlen(text);
	char *exact = malloc(length ? length : 1);
	int result;

	memcpy(exact, text, length);
	result = content_parse_stage(framework, stage, exact, length, diag);
	free(exact);
	return result;
}

static void
test_sections_and_actions(void **state)
{
	struct framework_stage stage = { .id = "walk", .label = "Walk", .path = "walk.md" };
	struct diag diag;

	(void)state;
	diag_init(&diag, NULL);
	assert_int_equal(parse(&stage, stage_text, &diag), 0);
	assert_int_equal(stage.section_count, 5);
	assert_string_equal(stage.sections[0].markdown, "A summary.");
	/* The last section ends at the buffer's end, with no newline. */
	assert_string_equal(stage.sections[4].markdown, "More.");
	assert_int_equal(stage.action_count, 2);
	assert_string_equal(stage.actions[0].title, "Test the score");
	assert_string_equal(stage.actions[0].text, "Against past churn.");
	assert_string_equal(framework->domains[stage.actions[1].domain].id, "ai_leverage");
	content_free_stage(&stage);
}

static void
test_every_truncation(void **state)
{
	size_t length = strlen(stage_text);

	(void)state;
	/* Any prefix of a stage file is handled: accepted or reported. */
	for (size_t cut = 0; cut <= length; cut++) {
		struct framework_stage stage = { .id = "walk", .label = "Walk", .path = "walk.md" };
		struct diag diag;
		char *prefix = malloc(cut ? cut : 1);
		int result;

		memcpy(prefix, stage_text, cut);
		diag_init(&diag, NULL);
		result = content_parse_stage(framework, &stage, prefix, cut, &diag);
		assert_true(result == 0 || diag.errors > 0);
		content_free_stage(&stage);
		free(prefix);
	}
}

static void
test_missing_section_is_reported(void **state)
{
	struct framework_stage stage = { .id = "walk", .label = "Walk", .path = "walk.md" };
	struct diag diag;

	(void)state;
	diag_init(&diag, NULL);
	assert_int_equal(parse(&stage, "# Walk\n\n## Summary\n\nOnly this.\n", &diag), -1);
	assert_int_equal(diag.errors, 4);
	content_free_stage(&stage);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sections_and_actions),
		cmocka_unit_test(test_every_truncation),
		cmocka_unit_test(test_missing_section_is_reported),
	};

	return cmocka_run_group_tests_name("content", tests, fixture_setup, fixture_teardown);
}
