/* reassess.ics: the next assessment as an iCalendar event. */
#include "reassess.h"

#include "answers.h"
#include "model.h"
#include "outfile.h"
#include "report.h"
#include "xalloc.h"

#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A YYYY-MM-DD date as libical's date (no time of day). */
static struct icaltimetype
reassess_date(const char *text)
{
	struct icaltimetype date = icaltime_null_date();

	if (sscanf(text, "%4d-%2d-%2d", &date.year, &date.month, &date.day) != 3)
		return icaltime_null_date();
	return date;
}

int
reassess_due(const char *assessed, const char *today, int days, char due[11])
{
	struct icaltimetype date = reassess_date(assessed);
	struct icaltimetype earliest = reassess_date(today);
	int overdue = 0;

	icaltime_adjust(&date, days, 0, 0, 0);
	icaltime_adjust(&earliest, 1, 0, 0, 0);
	if (icaltime_compare_date_only(date, earliest) < 0) {
		date = earliest;
		overdue = 1;
	}
	snprintf(due, 11, "%04u-%02u-%02u", (unsigned)date.year % 10000u,
		 (unsigned)date.month % 100u, (unsigned)date.day % 100u);
	return overdue;
}

/* libical returns NULL only when out of memory. */
static void
reassess_add(icalcomponent *component, icalproperty *property)
{
	icalcomponent_add_property(component, xlibrary(property));
}

static icalcomponent *
reassess_event(const struct model *model, const struct report_reminder *words, const char *due)
{
	icalcomponent *event = xlibrary(icalcomponent_new(ICAL_VEVENT_COMPONENT));
	icalcomponent *alarm = xlibrary(icalcomponent_new(ICAL_VALARM_COMPONENT));
	struct icaltimetype start = reassess_date(due), end = start;
	struct icaltimetype stamp = reassess_date(model->generated);
	/* Stable across runs: a calendar that imports it again updates it. */
	char *uid = xasprintf("reassess-%s-%s@maturity", model->answers->team,
			      model->answers->date);

	icaltime_adjust(&end, 1, 0, 0, 0);
	stamp.is_date = 0;
	stamp.hour = stamp.minute = stamp.second = 0;
	stamp.zone = icaltimezone_get_utc_timezone();
	reassess_add(event, icalproperty_new_uid(uid));
	reassess_add(event, icalproperty_new_dtstamp(stamp));
	reassess_add(event, icalproperty_new_dtstart(start));
	reassess_add(event, icalproperty_new_dtend(end));
	reassess_add(event, icalproperty_new_summary(words->summary));
	reassess_add(event, icalproperty_new_description(words->description));
	/* A reminder, not a meeting: it does not block the day. */
	reassess_add(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	reassess_add(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
	reassess_add(alarm, icalproperty_new_trigger(icaltriggertype_from_int(-24 * 60 * 60)));
	reassess_add(alarm, icalproperty_new_description(words->alarm));
	icalcomponent_add_component(event, alarm);
	free(uid);
	return event;
}

char *
reassess_calendar(const struct model *model, const struct report_resources *resources,
		  int days)
{
	icalcomponent *calendar = xlibrary(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
	struct report_reminder words;
	char due[11], *text;
	int overdue = reassess_due(model->answers->date, model->generated, days, due);

	report_reminder(resources, model, due, overdue, &words);
	reassess_add(calendar, icalproperty_new_version("2.0"));
	reassess_add(calendar, icalproperty_new_prodid("-//maturity//maturity " MATURITY_VERSION
						       "//EN"));
	reassess_add(calendar, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_component(calendar, reassess_event(model, &words, due));
	text = xlibrary(icalcomponent_as_ical_string_r(calendar));
	icalcomponent_free(calendar);
	free(words.summary);
	free(words.description);
	free(words.alarm);
	return text;
}

int
reassess_write(const struct outfile_folder *folder, const struct model *model,
	       const struct report_resources *resources, int days, struct diag *diag)
{
	char *text = reassess_calendar(model, resources, days);
	int result = outfile_write(folder, "reassess.ics", text, strlen(text), diag);

	icalmemory_free_buffer(text);
	return result;
}
