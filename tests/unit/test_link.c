/* Unit tests of share links, with links built here from the site's
 * documented payload: base64url (no padding) of {"v", "c", "p", "r", "t"}
 * in the d parameter of https://distilledcs.org/cs-maturity-report/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <glib.h>
#include <jansson.h>
#include <math.h>

#include "fixture.h"
#include "link.h"
#include "site_profile.h"
#include "validate.h"
#include "xalloc.h"

static const char *const question_ids[FIXTURE_QUESTIONS] = {
	"sc_q1", "sc_q2", "sc_q3", "jl_q1", "jl_q2", "jl_q3", "hr_q1", "hr_q2",
	"hr_q3", "md_q1", "md_q2", "md_q3", "ev_q1", "ev_q2", "ev_q3", "os_q1",
	"os_q2", "os_q3", "ca_q1", "ca_q2", "ca_q3", "ai_q1", "ai_q2", "ai_q3",
};

/* A link to the site's report page carrying payload. */
static char *
site_link(json_t *payload)
{
	char *json = json_dumps(payload, JSON_COMPACT);
	gchar *standard = g_base64_encode((const guchar *)json, strlen(json));
	char *link;

	for (char *cursor = standard; *cursor != '\0'; cursor++)
		*cursor = *cursor == '+' ? '-' : *cursor == '/' ? '_' : *cursor == '=' ? '\0' : *cursor;
	link = xasprintf("https://distilledcs.org/cs-maturity-report/?d=%s", standard);
	g_free(standard);
	free(json);
	json_decref(payload);
	return link;
}

/* {"sc_q1": 2, ...} from 24 digits, '0' leaving a question out. */
static json_t *
site_responses(const char *digits)
{
	json_t *responses = json_object();

	for (size_t index = 0; index < FIXTURE_QUESTIONS; index++)
		if (digits[index] != '0')
			json_object_set_new(responses, question_ids[index],
					    json_integer(digits[index] - '0'));
	return responses;
}

static json_t *
site_payload(json_t *profile, const char *digits)
{
	json_t *payload = json_pack("{s:i, s:s, s:o, s:o, s:s}", "v", 1, "c", "Acme Corp", "p",
				    profile, "r", site_responses(digits), "t",
				    "2026-05-15T12:30:00.000Z");

	assert_non_null(payload);
	return payload;
}

/* Decodes link, counting what was said about it. */
static struct answers *
decode(const char *link, struct diag *diag)
{
	diag_init(diag, NULL);
	return link_decode(link, "acme", framework, "link", diag);
}

static const char *
profile_option(const struct answers *answers, const char *parameter)
{
	for (size_t index = 0; index < answers->profile_count; index++)
		if (strcmp(answers->profile[index].parameter_id, parameter) == 0)
			return answers->profile[index].choice_id;
	return NULL;
}

/* Every option of every parameter, one link each, imports as it is. */
static void
test_every_option_of_every_parameter(void **state)
{
	const char *digits = "234" "123" "444" "111" "222" "333" "412" "321";

	(void)state;
	for (size_t parameter = 0; parameter < SITE_PARAMETERS; parameter++) {
		for (size_t option = 1; site_profile[parameter][option] != NULL; option++) {
			const char *name = site_profile[parameter][0];
			const char *id = site_profile[parameter][option];
			char *link = site_link(site_payload(json_pack("{s:s}", name, id), digits));
			struct diag diag;
			struct answers *answers = decode(link, &diag);

			assert_non_null(answers);
			assert_int_equal(diag.warnings, 0);
			assert_int_equal(diag.errors, 0);
			assert_int_equal(answers->profile_count, 1);
			assert_string_equal(profile_option(answers, name), id);
			assert_string_equal(framework->parameters[answers->profile[0].parameter].id, name);
			assert_int_equal(answers->respondents[0].answer_count, 24);
			assert_string_equal(answers->date, "2026-05-15");
			assert_string_equal(answers->organization, "Acme Corp");
			answers_free(answers);
			free(link);
		}
	}
}

/* All seven at once end up in the pack's (the site's) order. */
static void
test_full_profile(void **state)
{
	json_t *profile = json_object();
	struct diag diag;
	struct answers *answers;
	char *link;

	(void)state;
	/* Added in reverse, so the order comes from the pack. */
	for (size_t parameter = SITE_PARAMETERS; parameter-- > 0;)
		json_object_set_new(profile, site_profile[parameter][0],
				    json_string(site_profile[parameter][2]));
	link = site_link(site_payload(profile, "222" "222" "222" "222" "222" "222" "222" "222"));
	answers = decode(link, &diag);
	assert_non_null(answers);
	assert_int_equal(diag.warnings, 0);
	assert_int_equal(answers->profile_count, SITE_PARAMETERS);
	for (size_t parameter = 0; parameter < SITE_PARAMETERS; parameter++) {
		assert_string_equal(answers->profile[parameter].parameter_id, site_profile[parameter][0]);
		assert_string_equal(answers->profile[parameter].choice_id, site_profile[parameter][2]);
	}
	answers_free(answers);
	free(link);
}

/* The site's rule, written out here: a domain is the mean of its
 * answered questions, an overall score the mean of the domains, each
 * rounded with Math.round(x * 100) / 100; the /10 score is
 * toFixed(1) of overall * 2.5, read from the double's exact decimals. */
static double
site_round(double value)
{
	return floor(value * 100 + 0.5) / 100;
}

static void
site_scores(const char *digits, double *overall, double *display)
{
	double sum = 0;
	size_t domains = 0;
	char text[128];
	const char *point;
	long tenths;

	for (size_t domain = 0; domain < 8; domain++) {
		double total = 0;
		size_t answered = 0;

		for (size_t question = domain * 3; question < domain * 3 + 3; question++) {
			if (digits[question] != '0') {
				total += digits[question] - '0';
				answered++;
			}
		}
		if (answered > 0) {
			sum += site_round(total / (double)answered);
			domains++;
		}
	}
	*overall = site_round(sum / (double)domains);
	snprintf(text, sizeof text, "%.60f", *overall * 2.5);
	point = strchr(text, '.');
	tenths = strtol(text, NULL, 10) * 10 + (point[1] - '0') + (point[2] >= '5');
	*display = (double)tenths / 10;
}

/* Imported answers score as the site scores them, the /10 included. */
static void
test_scores_match_the_site(void **state)
{
	/* 2.02 and 2.34 overall: the site shows 5.0 and 5.8. */
	static const char *const cited[] = {
		"110" "230" "140" "100" "120" "230" "134" "230",
		"224" "134" "233" "144" "224" "114" "112" "122",
	};
	uint64_t seed = 88172645463325252u;
	char digits[FIXTURE_QUESTIONS + 1];

	(void)state;
	for (int round = 0; round < 400; round++) {
		double overall, display;
		struct diag diag;
		struct answers *answers;
		struct scores *scores;
		char *link;

		if (round < 2) {
			memcpy(digits, cited[round], sizeof digits);
		} else {
			/* xorshift: answers 0 (skipped) to 4, at least one given. */
			for (size_t index = 0; index < FIXTURE_QUESTIONS; index++) {
				seed ^= seed << 13;
				seed ^= seed >> 7;
				seed ^= seed << 17;
				digits[index] = (char)('0' + seed % 5);
			}
			digits[0] = digits[0] == '0' ? '1' : digits[0];
			digits[FIXTURE_QUESTIONS] = '\0';
		}
		link = site_link(site_payload(json_object(), digits));
		answers = decode(link, &diag);
		assert_non_null(answers);
		scores = score_compute(framework, answers);
		site_scores(digits, &overall, &display);
		assert_true(scores->overall == overall);
		assert_true(scores->display == display);
		if (round == 0)
			assert_true(overall == 2.02 && display == 5.0);
		if (round == 1)
			assert_true(overall == 2.34 && display == 5.8);
		score_free(scores);
		answers_free(answers);
		free(link);
	}
}

/* One unknown question and one unknown option: the rest is imported,
 * with one warning for each. */
static void
test_two_unknowns_two_warnings(void **state)
{
	json_t *profile = json_pack("{s:s, s:s, s:s}", "customer_segment", "seg_enterprise",
				    "cs_ops_exists", "ops_sometimes", "cs_team_size", "size_4_10");
	json_t *payload = site_payload(profile, "333" "333" "333" "333" "333" "333" "333" "333");
	struct diag diag;
	struct answers *answers;
	char *link;

	(void)state;
	json_object_set_new(json_object_get(payload, "r"), "zz_q9", json_integer(2));
	link = site_link(payload);
	answers = decode(link, &diag);
	assert_non_null(answers);
	assert_int_equal(diag.warnings, 2);
	assert_int_equal(diag.errors, 0);
	assert_int_equal(answers->respondents[0].answer_count, 24);
	assert_int_equal(answers->profile_count, 2);
	assert_string_equal(profile_option(answers, "customer_segment"), "seg_enterprise");
	assert_string_equal(profile_option(answers, "cs_team_size"), "size_4_10");
	assert_null(profile_option(answers, "cs_ops_exists"));
	answers_free(answers);
	free(link);
}

/* What the site drops, dropped here too, each said once; 1.0 is 1. */
static void
test_lenient(void **state)
{
	json_t *payload = json_pack(
		"{s:f, s:{s:n, s:s, s:s, s:i}, s:{s:i, s:i, s:f, s:f, s:s, s:n}, s:s}", "v", 1.0, "p",
		"customer_segment", "company_arr", "", "industry_vertical", "seg_smb", "cs_team_age", 2,
		"r", "sc_q1", 3, "sc_q2", 5, "sc_q3", 2.5, "jl_q1", 4.0, "jl_q2", "3", "jl_q3", "t",
		"2026-05-15T12:30:00.000Z");
	struct diag diag;
	struct answers *answers;
	char *link;

	(void)state;
	assert_non_null(payload);
	link = site_link(payload);
	answers = decode(link, &diag);
	assert_non_null(answers);
	/* Four profile values and four scores dropped; the version is fine. */
	assert_int_equal(diag.warnings, 8);
	assert_int_equal(answers->profile_count, 0);
	/* A key names its parameter: seg_smb is no industry. */
	assert_null(profile_option(answers, "customer_segment"));
	assert_int_equal(answers->respondents[0].answer_count, 2);
	assert_string_equal(answers->respondents[0].answers[0].question_id, "sc_q1");
	assert_string_equal(answers->respondents[0].answers[1].question_id, "jl_q1");
	assert_int_equal(answers->respondents[0].answers[1].score, 4);
	answers_free(answers);
	free(link);
}

/* What a payload gives: another version is read, with a warning; an
 * unknown key is ignored, with a warning; without v, or with nothing
 * usable left, no answer set and one error. */
static void
test_payloads(void **state)
{
	static const struct {
		const char *json;
		int read;
		unsigned warnings, errors;
	} cases[] = {
		{ "{\"v\": 2, \"r\": {\"sc_q1\": 3}, \"x\": true}", 1, 2, 0 },
		{ "{\"r\": {\"sc_q1\": 3}}", 0, 0, 1 },
		{ "{\"v\": 1, \"r\": {\"zz_q1\": 3, \"sc_q1\": 9}}", 0, 2, 1 },
		{ "{\"v\": 1, \"r\": {}}", 0, 0, 1 },
	};

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof *cases; index++) {
		char *link = site_link(json_loads(cases[index].json, 0, NULL));
		struct diag diag;
		struct answers *answers = decode(link, &diag);

		assert_int_equal(answers != NULL, cases[index].read);
		assert_int_equal(diag.warnings, cases[index].warnings);
		assert_int_equal(diag.errors, cases[index].errors);
		answers_free(answers);
		free(link);
	}
}

/* Links from this tool's earlier versions: former keys and ids. */
static void
test_former_keys(void **state)
{
	json_t *profile = json_pack("{s:s, s:s, s:s}", "segment", "seg_mid_market", "arr",
				    "arr_1m_5m", "team_size", "size_26_plus");
	char *link = site_link(site_payload(profile, "222" "222" "222" "222" "222" "222" "222" "222"));
	struct diag diag;
	struct answers *answers = decode(link, &diag);

	(void)state;
	assert_non_null(answers);
	assert_int_equal(diag.warnings, 6);
	assert_string_equal(profile_option(answers, "customer_segment"), "seg_midmarket");
	assert_string_equal(profile_option(answers, "company_arr"), "arr_under_5m");
	assert_string_equal(profile_option(answers, "cs_team_size"), "size_over_25");
	answers_free(answers);
	free(link);
}

/* t as the site writes it, as milliseconds, as a bare date; else today. */
static void
test_timestamps(void **state)
{
	static const struct {
		const char *json;
		const char *day;      /* NULL: today, with a warning */
	} cases[] = {
		{ "\"2026-05-15T12:30:00.000Z\"", "2026-05-15" },
		{ "\"2026-05-15T23:30:00-02:00\"", "2026-05-16" },
		{ "1763164800000", "2025-11-15" },
		{ "1763164800000.5", "2025-11-15" },
		{ "\"2026-02-28\"", "2026-02-28" },
		{ "\"2026-02-30\"", NULL },
		{ "\"yesterday\"", NULL },
		{ "true", NULL },
		{ "1e300", NULL },
	};

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof *cases; index++) {
		json_t *payload = json_pack("{s:i, s:{s:i}}", "v", 1, "r", "sc_q1", 3);
		json_t *timestamp = json_loads(cases[index].json, JSON_DECODE_ANY, NULL);
		struct diag diag;
		struct answers *answers;
		char *link;

		json_object_set_new(payload, "t", timestamp);
		link = site_link(payload);
		answers = decode(link, &diag);
		assert_non_null(answers);
		if (cases[index].day != NULL) {
			assert_string_equal(answers->date, cases[index].day);
			assert_int_equal(diag.warnings, 0);
		} else {
			assert_true(validate_date(answers->date));
			assert_int_equal(diag.warnings, 1);
		}
		answers_free(answers);
		free(link);
	}
}

/* The payload of an exported link, checked to be at the site's page. */
static json_t *
exported_payload(const char *link)
{
	GUri *uri = g_uri_parse(link, G_URI_FLAGS_NONE, NULL);
	GHashTable *parameters;
	gchar *standard;
	guchar *bytes;
	gsize length;
	json_t *payload;

	assert_non_null(uri);
	assert_string_equal(g_uri_get_scheme(uri), "https");
	assert_string_equal(g_uri_get_host(uri), "distilledcs.org");
	assert_string_equal(g_uri_get_path(uri), "/cs-maturity-report/");
	parameters = g_uri_parse_params(g_uri_get_query(uri), -1, "&", G_URI_PARAMS_NONE, NULL);
	assert_non_null(parameters);
	standard = g_strdup(g_hash_table_lookup(parameters, "d"));
	assert_non_null(standard);
	assert_null(strpbrk(standard, "+/="));
	g_strdelimit(standard, "-", '+');
	g_strdelimit(standard, "_", '/');
	while (strlen(standard) % 4 != 0) {
		gchar *padded = g_strconcat(standard, "=", NULL);

		g_free(standard);
		standard = padded;
	}
	bytes = g_base64_decode(standard, &length);
	payload = json_loadb((const char *)bytes, length, 0, NULL);
	assert_non_null(payload);
	g_free(bytes);
	g_free(standard);
	g_hash_table_unref(parameters);
	g_uri_unref(uri);
	return payload;
}

/* Import, then export: the site's keys and ids, the same answers. */
static void
test_export_round_trip(void **state)
{
	json_t *profile = json_object(), *payload, *value, *responses;
	const char *digits = "234" "123" "444" "111" "222" "333" "412" "320";
	struct diag diag;
	struct answers *answers;
	char *link, *exported;
	const char *key;

	(void)state;
	for (size_t parameter = 0; parameter < SITE_PARAMETERS; parameter++)
		json_object_set_new(profile, site_profile[parameter][0],
				    json_string(site_profile[parameter][3]));
	link = site_link(site_payload(profile, digits));
	answers = decode(link, &diag);
	assert_non_null(answers);
	exported = link_encode(answers, framework, LINK_DEFAULT_BASE, NULL, &diag);
	assert_non_null(exported);
	assert_int_equal(diag.warnings, 0);
	payload = exported_payload(exported);
	json_object_foreach(payload, key, value)
		assert_non_null(strchr("vcprt", key[0]));
	assert_int_equal(json_object_size(payload), 5);
	assert_int_equal(json_integer_value(json_object_get(payload, "v")), 1);
	assert_string_equal(json_string_value(json_object_get(payload, "c")), "Acme Corp");
	assert_string_equal(json_string_value(json_object_get(payload, "t")),
			    "2026-05-15T00:00:00.000Z");
	assert_int_equal(json_object_size(json_object_get(payload, "p")), SITE_PARAMETERS);
	for (size_t parameter = 0; parameter < SITE_PARAMETERS; parameter++)
		assert_string_equal(json_string_value(json_object_get(json_object_get(payload, "p"),
								      site_profile[parameter][0])),
				    site_profile[parameter][3]);
	responses = site_responses(digits);
	assert_true(json_equal(json_object_get(payload, "r"), responses));
	json_decref(responses);
	json_decref(payload);
	answers_free(answers);
	free(exported);
	free(link);
}

/* Several respondents: one link approximates (with a warning), or
 * carries one respondent's own answers. */
static void
test_export_respondents(void **state)
{
	static const char xml[] =
		"<assessment xmlns='urn:maturity:answers:1' team='pair' date='2026-03-01'>"
		"<respondent id='ana'><answer question='sc_q1' score='1'/>"
		"<answer question='sc_q2' score='4'/></respondent>"
		"<respondent id='ben'><answer question='sc_q1' score='2'/>"
		"<answer question='jl_q1' score='3'/></respondent></assessment>";
	struct diag diag;
	struct answers *answers;
	json_t *payload, *expected;
	char *link;

	(void)state;
	diag_init(&diag, NULL);
	answers = answers_parse("pair.xml", xml, sizeof xml - 1, NULL, &diag);
	assert_non_null(answers);
	assert_int_equal(validate_answers(answers, framework, &diag), 0);

	/* The team: sc_q1's mean 1.5 gives 1, halves going down. */
	link = link_encode(answers, framework, LINK_DEFAULT_BASE, NULL, &diag);
	assert_int_equal(diag.warnings, 1);
	payload = exported_payload(link);
	expected = json_pack("{s:i, s:i, s:i}", "sc_q1", 1, "sc_q2", 4, "jl_q1", 3);
	assert_true(json_equal(json_object_get(payload, "r"), expected));
	json_decref(expected);
	json_decref(payload);
	free(link);

	/* One respondent's own, with nothing to warn about. */
	diag_init(&diag, NULL);
	link = link_encode(answers, framework, LINK_DEFAULT_BASE, "ben", &diag);
	assert_int_equal(diag.warnings, 0);
	payload = exported_payload(link);
	expected = json_pack("{s:i, s:i}", "sc_q1", 2, "jl_q1", 3);
	assert_true(json_equal(json_object_get(payload, "r"), expected));
	json_decref(expected);
	json_decref(payload);
	free(link);

	/* Nobody of that name: no link, an error. */
	assert_null(link_encode(answers, framework, LINK_DEFAULT_BASE, "cleo", &diag));
	assert_int_equal(diag.errors, 1);
	answers_free(answers);
}

/* --base: absolute http(s) URLs, and d joins a query already there. */
static void
test_bases(void **state)
{
	struct diag diag;
	struct answers *answers;
	char *link, *exported;

	(void)state;
	assert_true(link_base_is_valid("https://distilledcs.org/cs-maturity-report/"));
	assert_true(link_base_is_valid("http://intranet.example/report?lang=en"));
	assert_false(link_base_is_valid("distilledcs.org/cs-maturity-report/"));
	assert_false(link_base_is_valid("ftp://example.org/"));
	assert_false(link_base_is_valid("https:///nohost"));
	link = site_link(json_pack("{s:i, s:{s:i}}", "v", 1, "r", "sc_q1", 3));
	answers = decode(link, &diag);
	exported = link_encode(answers, framework, "http://intranet.example/report?lang=en#top", NULL,
			       &diag);
	assert_true(g_str_has_prefix(exported, "http://intranet.example/report?lang=en&d=ey"));
	assert_true(g_str_has_suffix(exported, "#top"));
	answers_free(answers);
	free(exported);
	free(link);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_option_of_every_parameter),
		cmocka_unit_test(test_full_profile),
		cmocka_unit_test(test_scores_match_the_site),
		cmocka_unit_test(test_two_unknowns_two_warnings),
		cmocka_unit_test(test_lenient),
		cmocka_unit_test(test_payloads),
		cmocka_unit_test(test_former_keys),
		cmocka_unit_test(test_timestamps),
		cmocka_unit_test(test_export_round_trip),
		cmocka_unit_test(test_export_respondents),
		cmocka_unit_test(test_bases),
	};

	return cmocka_run_group_tests_name("link", tests, fixture_setup, fixture_teardown);
}
