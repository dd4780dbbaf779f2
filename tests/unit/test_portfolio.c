/* Unit tests of the portfolio: its figures over a population, its units
 * and quarters, reading the teams' summaries from folders in team order,
 * and the writers' files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "outfile.h"
#include "portfolio.h"
#include "summary.h"
#include "xalloc.h"

enum { DOMAINS = 8 };

/* One team of a population: its stage and domain scores (-1: none). */
struct member {
	size_t stage;
	double domains[DOMAINS];
};

/* Medians, the weakest order and the stage counts, whatever the order
 * the teams come in. */
static void
test_figures(void **state)
{
	static const struct {
		struct member teams[5];
		size_t count;
		double medians[DOMAINS];
		size_t weakest[DOMAINS];
		size_t stages[3];
	} cases[] = {
		/* One team: its own scores; a domain nobody answered last. */
		{ { { 1, { 2, 3, 1, 4, 2.5, 3.5, 1.5, -1 } } },
		  1,
		  { 2, 3, 1, 4, 2.5, 3.5, 1.5, -1 },
		  { 2, 6, 0, 4, 1, 5, 3, 7 },
		  { 0, 1, 0 } },
		/* Three: the middle one; ties keep the pack's order. */
		{ { { 0, { 1, 2, 2, 2, 2, 2, 2, 2 } },
		    { 2, { 3, 2, 2, 2, 2, 2, 2, 2 } },
		    { 1, { 2, 2, 2, 2, 2, 2, 2, 1 } } },
		  3,
		  { 2, 2, 2, 2, 2, 2, 2, 2 },
		  { 0, 1, 2, 3, 4, 5, 6, 7 },
		  { 1, 1, 1 } },
		/* Four: the mean of the middle two, rounded; a domain only some
		 * answered counts only those. */
		{ { { 1, { 1, 1.25, 4, 2, 2, 2, 2, 2 } },
		    { 1, { 4, 1.75, -1, 2, 2, 2, 2, 2 } },
		    { 1, { 2, 1, -1, 2, 2, 2, 2, 2 } },
		    { 1, { 3, 4, -1, 2, 2, 2, 2, 1 } } },
		  4,
		  { 2.5, 1.5, 4, 2, 2, 2, 2, 2 },
		  { 1, 3, 4, 5, 6, 7, 0, 2 },
		  { 0, 4, 0 } },
	};

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof *cases; index++) {
		struct portfolio_figures figures;

		portfolio_figures_init(&figures, framework);
		for (size_t team = 0; team < cases[index].count; team++)
			portfolio_figures_add(&figures, cases[index].teams[team].stage, -1,
					      cases[index].teams[team].domains);
		portfolio_figures_finish(&figures);
		assert_int_equal(figures.teams, cases[index].count);
		for (size_t domain = 0; domain < DOMAINS; domain++) {
			assert_true(figures.medians[domain] == cases[index].medians[domain]);
			assert_int_equal(figures.weakest[domain], cases[index].weakest[domain]);
			/* The scores, sorted, for the percentiles. */
			for (size_t rank = 1; rank < figures.assessed[domain]; rank++)
				assert_true(figures.scores[domain][rank - 1] <= figures.scores[domain][rank]);
		}
		for (size_t stage = 0; stage < 3; stage++)
			assert_int_equal(figures.stages[stage], cases[index].stages[stage]);
		portfolio_figures_release(&figures);
	}
}

/* Units roll up along their paths: a parent counts its own units' teams,
 * and comes right before them, whatever other names sort between. */
static void
test_units(void **state)
{
	static const struct {
		const char *unit;
		size_t stage;
		double overall;
	} teams[] = {
		{ "EMEA/North", 0, 1.5 },  { "EMEA Sales", 2, 3.5 }, { "EMEA", 1, 2.0 },
		{ "EMEA/North", 1, 2.5 },  { NULL, 2, 4.0 },         { "APAC/Japan/Tokyo", 2, 3.0 },
	};
	static const struct {
		const char *path;
		size_t depth, teams;
		size_t stages[3];
		double overall;
	} expected[] = {
		{ "APAC", 1, 1, { 0, 0, 1 }, 3.0 },
		{ "APAC/Japan", 2, 1, { 0, 0, 1 }, 3.0 },
		{ "APAC/Japan/Tokyo", 3, 1, { 0, 0, 1 }, 3.0 },
		{ "EMEA", 1, 3, { 1, 2, 0 }, 2.0 },
		{ "EMEA/North", 2, 2, { 1, 1, 0 }, 2.0 },
		{ "EMEA Sales", 1, 1, { 0, 0, 1 }, 3.5 },
	};
	struct portfolio_units *units = portfolio_units_new(framework);
	double domains[DOMAINS];

	(void)state;
	for (size_t index = 0; index < sizeof teams / sizeof *teams; index++) {
		for (size_t domain = 0; domain < DOMAINS; domain++)
			domains[domain] = domain == 7 ? -1 : teams[index].overall;
		portfolio_units_add(units, teams[index].unit, teams[index].stage, teams[index].overall,
				    domains);
	}
	portfolio_units_finish(units);
	assert_int_equal(portfolio_units_count(units), sizeof expected / sizeof *expected);
	for (size_t index = 0; index < sizeof expected / sizeof *expected; index++) {
		const struct portfolio_unit *unit = portfolio_units_at(units, index);

		assert_string_equal(unit->path, expected[index].path);
		assert_int_equal(unit->depth, expected[index].depth);
		assert_int_equal(unit->figures.teams, expected[index].teams);
		for (size_t stage = 0; stage < 3; stage++)
			assert_int_equal(unit->figures.stages[stage], expected[index].stages[stage]);
		assert_true(unit->figures.overall_median == expected[index].overall);
		assert_true(unit->figures.medians[0] == expected[index].overall);
		assert_true(unit->figures.medians[7] < 0);
	}
	portfolio_units_free(units);
}

/* Quarters from hand-made assessments: a team counts from the quarter of
 * its first assessment at the stage of its latest by each quarter's end;
 * the movers are those of the last quarter. */
static void
test_quarters(void **state)
{
	/* Team 0: crawl 2025-02, walk 2025-08, run 2026-01, crawl 2026-03
	 * (the last of that quarter wins).  Team 1: walk 2025-05, crawl 2025-11.
	 * Team 2: run 2026-02.  Team 3: walk 2025-09, run 2026-03. */
	const struct portfolio_point points[] = {
		{ portfolio_quarter_of("2025-02-10"), 0 }, { portfolio_quarter_of("2025-08-01"), 1 },
		{ portfolio_quarter_of("2026-01-05"), 2 }, { portfolio_quarter_of("2026-03-31"), 0 },
		{ portfolio_quarter_of("2025-05-20"), 1 }, { portfolio_quarter_of("2025-11-30"), 0 },
		{ portfolio_quarter_of("2026-02-14"), 2 },
		{ portfolio_quarter_of("2025-09-30"), 1 }, { portfolio_quarter_of("2026-03-01"), 2 },
	};
	const struct portfolio_track tracks[] = { { 0, 4 }, { 4, 2 }, { 6, 1 }, { 7, 2 } };
	static const struct {
		const char *label, *end;
		size_t teams, stages[3], up, down;
	} expected[] = {
		{ "2025-Q1", "2025-03-31", 1, { 1, 0, 0 }, 0, 0 },
		{ "2025-Q2", "2025-06-30", 2, { 1, 1, 0 }, 0, 0 },
		{ "2025-Q3", "2025-09-30", 3, { 0, 3, 0 }, 1, 0 },
		{ "2025-Q4", "2025-12-31", 3, { 1, 2, 0 }, 0, 1 },
		{ "2026-Q1", "2026-03-31", 4, { 2, 0, 2 }, 1, 1 },
	};
	struct portfolio_quarters quarters;

	(void)state;
	assert_int_equal(portfolio_quarter_of("2026-12-31"), 2026 * 4 + 3);
	portfolio_quarters_compute(&quarters, points, tracks, 4, 3);
	assert_int_equal(quarters.count, sizeof expected / sizeof *expected);
	for (size_t index = 0; index < quarters.count; index++) {
		assert_string_equal(quarters.quarters[index].label, expected[index].label);
		assert_string_equal(quarters.quarters[index].end, expected[index].end);
		assert_int_equal(quarters.quarters[index].teams, expected[index].teams);
		for (size_t stage = 0; stage < 3; stage++)
			assert_int_equal(quarters.quarters[index].stages[stage],
					 expected[index].stages[stage]);
		assert_int_equal(quarters.quarters[index].up, expected[index].up);
		assert_int_equal(quarters.quarters[index].down, expected[index].down);
	}
	/* Team 0 went walk to crawl within 2026-Q1 (its run between does
	 * not count); team 3 walk to run; team 2 is new. */
	assert_int_equal(quarters.mover_count, 2);
	assert_int_equal(quarters.movers[0].team, 0);
	assert_int_equal(quarters.movers[0].from, 1);
	assert_int_equal(quarters.movers[0].to, 0);
	assert_int_equal(quarters.movers[1].team, 3);
	assert_int_equal(quarters.movers[1].from, 1);
	assert_int_equal(quarters.movers[1].to, 2);
	portfolio_quarters_release(&quarters);

	/* Only the last quarters are shown; earlier assessments still give
	 * the stage at the first of them. */
	{
		const struct portfolio_point old[] = { { portfolio_quarter_of("2019-01-01"), 2 },
						       { portfolio_quarter_of("2026-06-01"), 1 } };
		const struct portfolio_track one[] = { { 0, 2 } };

		portfolio_quarters_compute(&quarters, old, one, 1, 3);
		assert_int_equal(quarters.count, PORTFOLIO_QUARTERS);
		assert_string_equal(quarters.quarters[0].label, "2024-Q3");
		assert_int_equal(quarters.quarters[0].stages[2], 1);
		assert_int_equal(quarters.mover_count, 1);
		assert_int_equal(quarters.movers[0].to, 1);
		portfolio_quarters_release(&quarters);
	}
	/* No team, no quarter. */
	portfolio_quarters_compute(&quarters, points, tracks, 0, 3);
	assert_int_equal(quarters.count, 0);
	assert_int_equal(quarters.mover_count, 0);
	portfolio_quarters_release(&quarters);
}

/* Writes folder/team/summary.json (folders made as needed) for a team at
 * stage with every domain scored score, or the text given. */
static void
put_team(const char *folder, const char *team, size_t stage, double score, const char *text)
{
	struct summary summary = { .team = (char *)team, .name = (char *)team, .date = "2026-11-01",
				   .respondents = 1, .content = "crawl-walk-run", .stage = stage,
				   .overall = score, .score10 = score * 2.5, .has_files = 1,
				   .files = 0x3 };
	double domains[DOMAINS], spreads[DOMAINS];
	char *path = xasprintf("%s/%s", folder, team);
	FILE *stream;
	char *json = NULL;

	for (size_t domain = 0; domain < DOMAINS; domain++) {
		domains[domain] = score;
		spreads[domain] = SUMMARY_NONE;
	}
	summary.domains = domains;
	summary.spreads = spreads;
	summary.charters = domains;
	if (text == NULL) {
		json_t *object = summary_to_json(&summary, framework);

		json = json_dumps(object, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
		json_decref(object);
		text = json;
	}
	mkdir(folder, 0777);
	mkdir(path, 0777);
	free(path);
	path = xasprintf("%s/%s/summary.json", folder, team);
	stream = fopen(path, "w");
	assert_non_null(stream);
	fputs(text, stream);
	assert_int_equal(fclose(stream), 0);
	free(json);
	free(path);
}

/* Teams from two shards, read as one portfolio in team order, with links
 * from the index folder; what is not a team's summary is left out. */
static void
test_read_two_shards(void **state)
{
	char *one = xasprintf("%s/read/shard1", scratch), *two = xasprintf("%s/read/shard2", scratch);
	char *site = xasprintf("%s/read/site", scratch), *link_target = xasprintf("%s/c", two);
	char *linked = xasprintf("%s/linked", one), *parent = xasprintf("%s/read", scratch);
	char *folders[] = { one, two };
	static const char *const order[] = { "a", "b", "c" };
	struct portfolio *portfolio;
	struct diag diag;

	(void)state;
	assert_int_equal(mkdir(parent, 0777), 0);
	put_team(one, "b", 1, 2.0, NULL);
	put_team(two, "c", 2, 3.0, NULL);
	put_team(two, "a", 0, 1.0, NULL);
	put_team(one, "broken", 0, 1.0, "{\"team\": \"broken\"");
	assert_int_equal(symlink(link_target, linked), 0);
	mkdir(site, 0777);
	diag_init(&diag, NULL);
	portfolio = portfolio_read(folders, 2, site, framework, &diag);
	assert_non_null(portfolio);
	assert_int_equal(diag.errors, 1); /* the broken summary */
	assert_int_equal(portfolio_team_count(portfolio), 3);
	for (size_t index = 0; index < 3; index++) {
		struct summary summary;
		char *link, *expected;

		assert_int_equal(portfolio_team(portfolio, index, &summary, &link, &diag), 0);
		assert_string_equal(summary.team, order[index]);
		expected = xasprintf("../shard%d/%s", index == 1 ? 1 : 2, order[index]);
		assert_string_equal(link, expected);
		free(expected);
		free(link);
		summary_release(&summary);
	}
	assert_true(portfolio_figures_of(portfolio)->medians[0] == 2.0);
	assert_int_equal(portfolio_figures_of(portfolio)->stages[2], 1);
	portfolio_free(portfolio);
	free(one);
	free(two);
	free(site);
	free(link_target);
	free(linked);
	free(parent);
}

/* The teams of a folder join figures, but for those skipped (this run's,
 * counted at their newest assessment already). */
static void
test_add_folder_skips(void **state)
{
	char *folder = xasprintf("%s/skip", scratch);
	char *skip[] = { "b", "d" };
	struct portfolio_figures figures;
	const double mine[DOMAINS] = { 4, 4, 4, 4, 4, 4, 4, 4 };

	(void)state;
	put_team(folder, "a", 0, 1.0, NULL);
	put_team(folder, "b", 0, 1.0, NULL);
	put_team(folder, "c", 0, 1.5, NULL);
	portfolio_figures_init(&figures, framework);
	portfolio_figures_add(&figures, 2, -1, mine);
	portfolio_figures_add_folder(&figures, folder, framework, skip, 2);
	portfolio_figures_finish(&figures);
	assert_int_equal(figures.teams, 3);
	assert_true(figures.medians[3] == 1.5);
	assert_int_equal(figures.stages[0], 2);
	portfolio_figures_release(&figures);
	free(folder);
}

/* summary.json is JSON, with the figures and each team as its own
 * summary has it plus its folder; summary.csv has a row a team. */
static void
test_write_data(void **state)
{
	char *source = xasprintf("%s/write", scratch);
	char *folders[] = { source };
	char *path = xasprintf("%s/summary.json", source);
	struct portfolio *portfolio;
	struct outfile_folder *folder;
	json_t *written, *list, *own;
	json_error_t error;
	struct diag diag;
	FILE *stream;
	size_t lines = 0;
	int character;

	(void)state;
	put_team(source, "x", 1, 2.0, NULL);
	put_team(source, "y", 2, 3.0, NULL);
	diag_init(&diag, stderr);
	folder = outfile_folder_open(source, &diag);
	portfolio = portfolio_read(folders, 1, source, framework, &diag);
	assert_int_equal(portfolio_write(portfolio, folder, framework, NULL, NULL, "2026-11-22", &diag),
			 0);
	written = json_load_file(path, JSON_REJECT_DUPLICATES, &error);
	assert_non_null(written);
	assert_int_equal(json_integer_value(json_object_get(written, "teams")), 2);
	assert_true(json_number_value(json_object_get(json_object_get(written, "median"),
						      "health_risk")) == 2.5);
	list = json_object_get(written, "team_list");
	assert_int_equal(json_array_size(list), 2);
	free(path);
	path = xasprintf("%s/y/summary.json", source);
	own = json_load_file(path, 0, &error);
	json_object_set_new(own, "folder", json_string("y"));
	assert_true(json_equal(json_array_get(list, 1), own));
	json_decref(own);
	json_decref(written);
	free(path);
	path = xasprintf("%s/summary.csv", source);
	stream = fopen(path, "r");
	assert_non_null(stream);
	while ((character = fgetc(stream)) != EOF)
		lines += character == '\n';
	fclose(stream);
	assert_int_equal(lines, 3);
	free(path);
	portfolio_free(portfolio);
	outfile_folder_close(folder);
	free(source);
}

/* An output folder with no team yet: an empty portfolio, no medians. */
static void
test_read_empty(void **state)
{
	char *empty = xasprintf("%s/empty", scratch);
	char *folders[] = { empty };
	struct portfolio *portfolio;
	struct diag diag;

	(void)state;
	assert_int_equal(mkdir(empty, 0777), 0);
	diag_init(&diag, stderr);
	portfolio = portfolio_read(folders, 1, empty, framework, &diag);
	assert_non_null(portfolio);
	assert_int_equal(portfolio_team_count(portfolio), 0);
	assert_true(portfolio_figures_of(portfolio)->medians[0] < 0);
	portfolio_free(portfolio);
	free(empty);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_quarters),
		cmocka_unit_test(test_read_two_shards),
		cmocka_unit_test(test_read_empty),
		cmocka_unit_test(test_add_folder_skips),
		cmocka_unit_test(test_write_data),
	};

	return cmocka_run_group_tests_name("portfolio", tests, fixture_scratch_setup,
					  fixture_scratch_teardown);
}
