/* reassess.ics: a reminder to assess the team again, as an all-day
 * iCalendar event with an alarm the day before, built and serialised by
 * libical (escaping, line folding, CRLF) so that any calendar imports it.
 * Its words come from the report's catalogue. */
#ifndef MATURITY_REASSESS_H
#define MATURITY_REASSESS_H

struct diag;
struct model;
struct outfile_folder;
struct report_resources;

enum {
	REASSESS_DEFAULT_DAYS = 90,   /* after the assessment, when not told otherwise */
	REASSESS_MAX_DAYS = 3660,     /* ten years: a longer wait is a mistake */
};

/* The day of the next assessment, YYYY-MM-DD into due: days after the
 * assessment date, or the day after today when that would be today or
 * earlier, so that neither the event nor its alarm is in the past.  Both
 * dates are valid YYYY-MM-DD.  Returns 1 when the assessment is overdue
 * (the date was moved), else 0. */
int reassess_due(const char *assessed, const char *today, int days, char due[11]);

/* The calendar for model's team (free with free).  The report date
 * (model->generated) is "today" and the event's time stamp, so the same
 * inputs give the same bytes. */
char *reassess_calendar(const struct model *model, const struct report_resources *resources,
			int days);

/* Writes reassess.ics into folder atomically.  Returns 0, or -1 after
 * reporting. */
int reassess_write(const struct outfile_folder *folder, const struct model *model,
		   const struct report_resources *resources, int days, struct diag *diag);

#endif
