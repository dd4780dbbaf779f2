/* Diagnostics: every problem with input or output is reported as
 * "maturity: FILE:LINE: severity: message" and counted, never fatal. */
#ifndef MATURITY_DIAG_H
#define MATURITY_DIAG_H

#include <stdio.h>

enum diag_severity {
	DIAG_NOTE,
	DIAG_WARNING,
	DIAG_ERROR,
};

/* Where messages go and how many of each severity were seen. */
struct diag {
	FILE *stream;          /* usually stderr */
	unsigned warnings;
	unsigned errors;
};

/* Starts counting from zero, writing to stream. */
void diag_init(struct diag *diag, FILE *stream);

/* Reports one problem.  file may be NULL (no location); line 0 means the
 * whole file.  Adds to the counts; never exits. */
void diag_report(struct diag *diag, enum diag_severity severity,
		 const char *file, long line, const char *format, ...)
	__attribute__((format(printf, 5, 6)));

/* diag_report with severity DIAG_ERROR, or DIAG_WARNING. */
#define diag_error(diag, file, line, ...) \
	diag_report((diag), DIAG_ERROR, (file), (line), __VA_ARGS__)
#define diag_warning(diag, file, line, ...) \
	diag_report((diag), DIAG_WARNING, (file), (line), __VA_ARGS__)

/* Says how a run went, "maturity: message" on one line (a status, not a
 * problem: counted nowhere), escaped as problems are.  The caller decides
 * whether -q silences it. */
void diag_status(struct diag *diag, const char *format, ...) __attribute__((format(printf, 2, 3)));

/* Reports a problem at a line and column (1-based): FILE:LINE:COLUMN. */
void diag_report_at(struct diag *diag, enum diag_severity severity, const char *file,
		    long line, long column, const char *format, ...)
	__attribute__((format(printf, 6, 7)));

#endif
