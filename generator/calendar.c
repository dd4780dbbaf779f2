/* The run's day; see calendar.h. */
#include "calendar.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void
calendar_today(char day[CALENDAR_DAY_SIZE])
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t now = epoch != NULL ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
	struct tm calendar;

	if (gmtime_r(&now, &calendar) == NULL ||
	    strftime(day, CALENDAR_DAY_SIZE, "%Y-%m-%d", &calendar) != CALENDAR_DAY_SIZE - 1)
		strcpy(day, "1970-01-01");
}

void
calendar_days_before(const char *day, unsigned days, char before[CALENDAR_DAY_SIZE])
{
	int year = 0, month = 0, date = 0;
	GDate *moment;

	snprintf(before, CALENDAR_DAY_SIZE, "%s", day);
	if (sscanf(day, "%4d-%2d-%2d", &year, &month, &date) != 3 ||
	    !g_date_valid_dmy((GDateDay)date, (GDateMonth)month, (GDateYear)year))
		return;
	moment = g_date_new_dmy((GDateDay)date, (GDateMonth)month, (GDateYear)year);
	if (g_date_get_julian(moment) > days) {
		g_date_subtract_days(moment, days);
		if (g_date_strftime(before, CALENDAR_DAY_SIZE, "%Y-%m-%d", moment) !=
		    CALENDAR_DAY_SIZE - 1)
			snprintf(before, CALENDAR_DAY_SIZE, "%s", day);
	}
	g_date_free(moment);
}
