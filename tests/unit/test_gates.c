/* Unit tests of the CI gates: parsing each rule, evaluating it at and
 * around its limit, and the JUnit file the findings make. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <unistd.h>

#include "fixture.h"
#include "gates.h"
#include "junit.h"
#include "xalloc.h"

static void
test_parse(void **state)
{
	static const struct {
		enum gate_kind kind;
		const char *text;
		int ok;
		const char *error;   /* a part of the message when refused */
	} cases[] = {
		{ GATE_MIN_STAGE, "walk", 1, NULL },
		{ GATE_MIN_STAGE, "Walk", 1, NULL },
		{ GATE_MIN_STAGE, "jog", 0, "(crawl, walk, run), not \"jog\"" },
		{ GATE_MIN_DOMAIN, "health_risk=2.5", 1, NULL },
		{ GATE_MIN_DOMAIN, "health_risk=4", 1, NULL },
		{ GATE_MIN_DOMAIN, "health_risk=4.1", 0, "a score from 1 to 4" },
		{ GATE_MIN_DOMAIN, "health_risk=", 0, "a score from 1 to 4" },
		{ GATE_MIN_DOMAIN, "health=2", 0, "a domain of content pack crawl-walk-run" },
		{ GATE_MIN_DOMAIN, "health_risk", 0, "ID=SCORE" },
		{ GATE_MIN_OVERALL, "2.5", 1, NULL },
		{ GATE_MIN_OVERALL, "0.5", 0, "from 1 to 4, not \"0.5\"" },
		{ GATE_MIN_OVERALL, "2.5x", 0, "not \"2.5x\"" },
		{ GATE_MIN_OVERALL, "nan", 0, "not \"nan\"" },
		{ GATE_MAX_DROP, "0", 1, NULL },
		{ GATE_MAX_DROP, "0.25", 1, NULL },
		{ GATE_MAX_DROP, "-0.1", 0, "from 0 to 3" },
	};

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof cases[0]; index++) {
		struct gate_rule rule;
		char *error;
		int result = gate_parse(framework, cases[index].kind, cases[index].text, &rule, &error);

		if (cases[index].ok) {
			assert_int_equal(result, 0);
			assert_null(error);
		} else {
			assert_int_equal(result, -1);
			assert_non_null(error);
			assert_non_null(strstr(error, cases[index].error));
			free(error);
		}
	}
}

/* A team at stage index stage with overall and every domain at score;
 * reference < 0 for none. */
struct subject_storage {
	double domains[8];
	int assessed[8];
	struct gate_subject subject;
};

static void
subject_build(struct subject_storage *storage, double overall, size_t stage, double score,
	      double reference, size_t reference_stage)
{
	for (size_t index = 0; index < 8; index++) {
		storage->domains[index] = score;
		storage->assessed[index] = 1;
	}
	storage->subject = (struct gate_subject){
		.team = "team-a",
		.overall = overall,
		.stage = stage,
		.domains = storage->domains,
		.assessed = storage->assessed,
		.has_reference = reference >= 0,
		.reference_overall = reference,
		.reference_stage = reference_stage,
	};
}

static struct gate_rule
rule_of(enum gate_kind kind, const char *text)
{
	struct gate_rule rule;
	char *error;

	assert_int_equal(gate_parse(framework, kind, text, &rule, &error), 0);
	return rule;
}

static void
test_evaluate(void **state)
{
	static const struct {
		enum gate_kind kind;
		const char *rule;
		double overall;
		size_t stage;
		double score, reference;
		size_t reference_stage;
		size_t findings, breaches;
		const char *line;    /* "rule: value, limit" of the finding */
	} cases[] = {
		{ GATE_MIN_STAGE, "walk", 2.2, 1, 2, -1, 0, 1, 0, "min-stage: Walk, Walk" },
		{ GATE_MIN_STAGE, "walk", 1.9, 0, 2, -1, 0, 1, 1, "min-stage: Crawl, Walk" },
		{ GATE_MIN_OVERALL, "2.5", 2.5, 1, 2, -1, 0, 1, 0, "min-overall: 2.50, 2.50" },
		/* Compared as shown: 2.496 is 2.50 in the report. */
		{ GATE_MIN_OVERALL, "2.5", 2.496, 1, 2, -1, 0, 1, 0, "min-overall: 2.50, 2.50" },
		{ GATE_MIN_OVERALL, "2.5", 2.49, 1, 2, -1, 0, 1, 1, "min-overall: 2.49, 2.50" },
		{ GATE_MIN_DOMAIN, "health_risk=2", 2, 1, 2, -1, 0, 1, 0,
		  "min-domain health_risk: 2.00, 2.00" },
		{ GATE_MIN_DOMAIN, "health_risk=2.1", 2, 1, 2, -1, 0, 1, 1,
		  "min-domain health_risk: 2.00, 2.10" },
		/* A fall needs something to fall from. */
		{ GATE_MAX_DROP, "0.25", 2, 1, 2, -1, 0, 0, 0, NULL },
		{ GATE_MAX_DROP, "0.25", 2, 1, 2, 2.25, 1, 1, 0, "max-drop: 0.25, 0.25" },
		{ GATE_MAX_DROP, "0.25", 2, 1, 2, 2.26, 1, 1, 1, "max-drop: 0.26, 0.25" },
		{ GATE_MAX_DROP, "0", 2.5, 1, 2, 2.0, 1, 1, 0, "max-drop: 0.00, 0.00" },
		{ GATE_STAGE_HELD, "", 2.2, 1, 2, 2.6, 1, 1, 0, "stage-held: Walk, Walk" },
		{ GATE_STAGE_HELD, "", 1.9, 0, 2, 2.1, 1, 1, 1, "stage-held: Crawl, Walk" },
	};

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof cases[0]; index++) {
		struct subject_storage storage;
		struct gate_rule rule = rule_of(cases[index].kind, cases[index].rule);
		struct gate_finding *findings = NULL;
		size_t count = 0, breaches;

		subject_build(&storage, cases[index].overall, cases[index].stage, cases[index].score,
			      cases[index].reference, cases[index].reference_stage);
		breaches = gate_evaluate(framework, &rule, 1, &storage.subject, &findings, &count);
		assert_int_equal(count, cases[index].findings);
		assert_int_equal(breaches, cases[index].breaches);
		if (count > 0) {
			char *line = xasprintf("%s: %s, %s", findings[0].rule, findings[0].value,
					       findings[0].limit);

			assert_string_equal(line, cases[index].line);
			assert_int_equal(findings[0].breached, cases[index].breaches);
			free(line);
		}
		gate_findings_free(findings, count);
	}
}

static void
test_unassessed_domain_fails(void **state)
{
	struct subject_storage storage;
	struct gate_rule rule = rule_of(GATE_MIN_DOMAIN, "ai_leverage=1");
	struct gate_finding *findings = NULL;
	size_t count = 0;
	long domain = -1;

	(void)state;
	subject_build(&storage, 2, 1, 2, -1, 0);
	for (size_t index = 0; index < framework->domain_count; index++)
		if (strcmp(framework->domains[index].id, "ai_leverage") == 0)
			domain = (long)index;
	assert_true(domain >= 0);
	storage.assessed[domain] = 0;
	assert_int_equal(gate_evaluate(framework, &rule, 1, &storage.subject, &findings, &count), 1);
	assert_string_equal(findings[0].value, "not assessed");
	gate_findings_free(findings, count);
}

/* The number of nodes an XPath expression finds in document. */
static int
xpath_count(xmlDocPtr document, const char *expression)
{
	xmlXPathContextPtr context = xmlXPathNewContext(document);
	xmlXPathObjectPtr result = xmlXPathEvalExpression((const xmlChar *)expression, context);
	int count = result != NULL && result->nodesetval != NULL ? result->nodesetval->nodeNr : -1;

	xmlXPathFreeObject(result);
	xmlXPathFreeContext(context);
	return count;
}

static void
test_junit(void **state)
{
	struct gate_rule rules[2];
	struct gate_finding *findings = NULL;
	size_t count = 0;
	char folder[] = "/tmp/maturity-junit-XXXXXX", path[128], command[160];
	struct diag diag;
	xmlDocPtr document;

	(void)state;
	rules[0] = rule_of(GATE_MIN_STAGE, "walk");
	rules[1] = rule_of(GATE_MIN_OVERALL, "2.2");
	/* Two teams: one holds both rules, one breaks both; a name to escape. */
	for (int team = 0; team < 2; team++) {
		struct subject_storage storage;

		subject_build(&storage, team ? 1.5 : 2.5, team ? 0 : 1, 2, -1, 0);
		storage.subject.team = team ? "b&<team>" : "team-a";
		gate_evaluate(framework, rules, 2, &storage.subject, &findings, &count);
	}
	assert_non_null(mkdtemp(folder));
	snprintf(path, sizeof path, "%s/reports/junit.xml", folder);
	diag_init(&diag, stderr);
	assert_int_equal(junit_write(path, findings, count, &diag), 0);
	document = xmlReadFile(path, NULL, XML_PARSE_NONET);
	assert_non_null(document);
	assert_int_equal(xpath_count(document, "/testsuites[@tests='4' and @failures='2']"), 1);
	assert_int_equal(xpath_count(document, "/testsuites/testsuite"), 2);
	assert_int_equal(xpath_count(document, "//testsuite[@name='team-a' and @failures='0']"), 1);
	assert_int_equal(xpath_count(document, "//testsuite[@name='b&<team>' and @failures='2']"),
			 1);
	assert_int_equal(xpath_count(document, "//testcase[@classname='maturity.b&<team>']"), 2);
	assert_int_equal(
		xpath_count(document,
			    "//testcase[@name='min-stage']/failure[@type='min-stage' and "
			    ".='b&<team>: min-stage: Crawl, Walk']"),
		1);
	assert_int_equal(xpath_count(document, "//failure"), 2);
	xmlFreeDoc(document);
	gate_findings_free(findings, count);
	snprintf(command, sizeof command, "rm -rf '%s'", folder);
	assert_int_equal(system(command), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_evaluate),
		cmocka_unit_test(test_unassessed_domain_fails),
		cmocka_unit_test(test_junit),
	};

	return cmocka_run_group_tests(tests, fixture_setup, fixture_teardown);
}
