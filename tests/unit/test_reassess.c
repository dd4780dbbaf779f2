/* Unit tests of reassess.ics: the due date (never in the past), and the
 * calendar read back with libical's own parser and restriction checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <libical/ical.h>

#include "fixture.h"
#include "model.h"
#include "reassess.h"
#include "report.h"

static struct report_resources *resources;

static int
setup(void **state)
{
	struct diag diag;

	if (fixture_setup(state) != 0)
		return -1;
	diag_init(&diag, stderr);
	resources = report_resources_load(".", NULL, NULL, framework, &diag);
	return resources == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	report_resources_free(resources);
	return fixture_teardown(state);
}

static void
test_due_dates(void **state)
{
	static const struct {
		const char *assessed, *today;
		int days;
		const char *due;
		int overdue;
	} cases[] = {
		{ "2026-10-14", "2026-12-01", 90, "2027-01-12", 0 },  /* across a year */
		{ "2028-02-28", "2028-01-01", 1, "2028-02-29", 0 },   /* a leap day */
		{ "2027-02-28", "2027-01-01", 1, "2027-03-01", 0 },   /* no leap day */
		{ "2026-01-05", "2026-12-01", 90, "2026-12-02", 1 },  /* overdue: tomorrow */
		{ "2026-09-02", "2026-12-01", 90, "2026-12-02", 1 },  /* due today: tomorrow */
		{ "2026-09-03", "2026-12-01", 90, "2026-12-02", 0 },  /* due tomorrow */
		{ "2026-12-01", "2026-12-01", 3660, "2036-12-08", 0 }, /* the longest wait */
	};

	(void)state;
	for (size_t index = 0; index < sizeof cases / sizeof cases[0]; index++) {
		char due[11];

		assert_int_equal(reassess_due(cases[index].assessed, cases[index].today,
					      cases[index].days, due),
				 cases[index].overdue);
		assert_string_equal(due, cases[index].due);
	}
}

/* The calendar of a one-respondent team assessed on date, with the report
 * made on today, parsed back by libical. */
static icalcomponent *
calendar_of(const char *name, const char *date, const char *today, int days, char **text)
{
	const char *sets[] = { "222" "222" "222" "222" "222" "222" "222" "222" };
	struct fixture_answers assessment;
	struct model *model;
	icalcomponent *calendar;

	fixture_answers_build(&assessment, sets, 1, date, NULL);
	assessment.answers.name = (char *)name;
	model = model_build(framework, &assessment.answers, assessment.scores, NULL, 0, NULL, today);
	*text = reassess_calendar(model, resources, days);
	calendar = icalparser_parse_string(*text);
	model_free(model);
	score_free(assessment.scores);
	return calendar;
}

/* libical checks a component's required and allowed properties only for an
 * iTIP method.  The file is a plain calendar, so the tests check it as
 * the strictest common one, PUBLISH, which also wants an ORGANIZER: that
 * and the METHOD are added to the parsed copy.  Returns the check. */
static int
check_as_published(icalcomponent *calendar)
{
	icalcomponent *event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);

	if (icalcomponent_get_first_property(calendar, ICAL_METHOD_PROPERTY) == NULL) {
		icalcomponent_add_property(calendar, icalproperty_new_method(ICAL_METHOD_PUBLISH));
		icalcomponent_add_property(event,
					   icalproperty_new_organizer("mailto:cs@example.com"));
	}
	return icalrestriction_check(calendar);
}

static void
test_calendar_is_valid(void **state)
{
	char *text;
	icalcomponent *calendar = calendar_of("Team; with, commas", "2026-10-14", "2026-12-01", 90,
					      &text);
	icalcomponent *event, *alarm;
	struct icaltimetype start, end;
	struct icaltriggertype trigger;

	(void)state;
	assert_non_null(calendar);
	/* No property libical could not read, and the rules for a published
	 * event hold (one DTSTAMP, one UID, one DTSTART...). */
	assert_int_equal(icalcomponent_count_errors(calendar), 0);
	assert_int_equal(check_as_published(calendar), 1);
	/* Lines end in CRLF, as RFC 5545 says. */
	assert_non_null(strstr(text, "BEGIN:VCALENDAR\r\n"));

	event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
	assert_non_null(event);
	start = icalcomponent_get_dtstart(event);
	end = icalcomponent_get_dtend(event);
	assert_true(start.is_date);
	assert_string_equal(icaltime_as_ical_string(start), "20270112");
	assert_string_equal(icaltime_as_ical_string(end), "20270113");
	assert_string_equal(icalcomponent_get_uid(event), "reassess-team-2026-10-14@maturity");
	/* The name comes back as written: libical escaped its ; and , */
	assert_non_null(strstr(icalcomponent_get_summary(event), "Team; with, commas"));
	assert_non_null(strstr(icalcomponent_get_description(event), "14 October 2026"));

	alarm = icalcomponent_get_first_component(event, ICAL_VALARM_COMPONENT);
	assert_non_null(alarm);
	trigger = icalproperty_get_trigger(
		icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY));
	assert_int_equal(icaldurationtype_as_int(trigger.duration), -24 * 60 * 60);
	icalcomponent_free(calendar);
	icalmemory_free_buffer(text);
}

/* The restriction check that test_calendar_is_valid relies on does
 * refuse an event without what RFC 5545 requires of it. */
static void
test_restrictions_refuse_an_event_without_uid(void **state)
{
	char *text;
	icalcomponent *calendar = calendar_of("Team", "2026-10-14", "2026-12-01", 90, &text);
	icalcomponent *event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
	icalproperty *uid = icalcomponent_get_first_property(event, ICAL_UID_PROPERTY);

	(void)state;
	assert_int_equal(check_as_published(calendar), 1);
	icalcomponent_remove_property(event, uid);
	icalproperty_free(uid);
	assert_int_equal(check_as_published(calendar), 0);
	icalcomponent_free(calendar);
	icalmemory_free_buffer(text);
}

static void
test_overdue_calendar_says_so(void **state)
{
	char *text;
	icalcomponent *calendar = calendar_of("Late team", "2025-06-01", "2026-12-01", 90, &text);
	icalcomponent *event;

	(void)state;
	assert_non_null(calendar);
	event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
	/* Never in the past: the day after the report date. */
	assert_string_equal(icaltime_as_ical_string(icalcomponent_get_dtstart(event)), "20261202");
	assert_non_null(strstr(icalcomponent_get_description(event), "overdue"));
	assert_non_null(strstr(icalcomponent_get_description(event), "2 December 2026"));
	icalcomponent_free(calendar);
	icalmemory_free_buffer(text);
}

static void
test_same_inputs_same_bytes(void **state)
{
	char *first, *second;
	icalcomponent *one = calendar_of("Team", "2026-10-14", "2026-12-01", 30, &first);
	icalcomponent *two = calendar_of("Team", "2026-10-14", "2026-12-01", 30, &second);

	(void)state;
	assert_string_equal(first, second);
	assert_non_null(strstr(first, "DTSTAMP:20261201T000000Z"));
	icalcomponent_free(one);
	icalcomponent_free(two);
	icalmemory_free_buffer(first);
	icalmemory_free_buffer(second);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_due_dates),
		cmocka_unit_test(test_calendar_is_valid),
		cmocka_unit_test(test_restrictions_refuse_an_event_without_uid),
		cmocka_unit_test(test_overdue_calendar_says_so),
		cmocka_unit_test(test_same_inputs_same_bytes),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
