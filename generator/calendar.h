/* The day a run is dated, and days counted back from it.  Days are
 * YYYY-MM-DD in UTC. */
#ifndef MATURITY_CALENDAR_H
#define MATURITY_CALENDAR_H

enum { CALENDAR_DAY_SIZE = 11 };  /* YYYY-MM-DD and its NUL */

/* The day this run is dated: that of SOURCE_DATE_EPOCH (seconds since
 * 1970) when it is set, so that outputs can be reproduced, else today. */
void calendar_today(char day[CALENDAR_DAY_SIZE]);

/* The day days before day (a valid YYYY-MM-DD), into before; day itself
 * when that would be before the year 1. */
void calendar_days_before(const char *day, unsigned days, char before[CALENDAR_DAY_SIZE]);

#endif
