/* Diagnostics: formatting and counting of problems, one line each. */
#include "diag.h"

#include <stdarg.h>

static const char *const severity_names[] = {
	[DIAG_NOTE] = "note",
	[DIAG_WARNING] = "warning",
	[DIAG_ERROR] = "error",
};

void
diag_init(struct diag *diag, FILE *stream)
{
	diag->stream = stream;
	diag->warnings = 0;
	diag->errors = 0;
}

static void
diag_vreport(struct diag *diag, enum diag_severity severity, const char *file,
	     long line, const char *format, va_list arguments)
{
	if (severity == DIAG_ERROR)
		diag->errors++;
	else if (severity == DIAG_WARNING)
		diag->warnings++;
	if (diag->stream == NULL)
		return;

	fputs("maturity: ", diag->stream);
	if (file != NULL) {
		if (line > 0)
			fprintf(diag->stream, "%s:%ld: ", file, line);
		else
			fprintf(diag->stream, "%s: ", file);
	}
	fprintf(diag->stream, "%s: ", severity_names[severity]);
	vfprintf(diag->stream, format, arguments);
	fputc('\n', diag->stream);
}

void
diag_report(struct diag *diag, enum diag_severity severity, const char *file,
	    long line, const char *format, ...)
{
	va_list arguments;

	va_start(arguments, format);
	diag_vreport(diag, severity, file, line, format, arguments);
	va_end(arguments);
}

void
diag_error(struct diag *diag, const char *file, long line, const char *format, ...)
{
	va_list arguments;

	va_start(arguments, format);
	diag_vreport(diag, DIAG_ERROR, file, line, format, arguments);
	va_end(arguments);
}

void
diag_warning(struct diag *diag, const char *file, long line, const char *format, ...)
{
	va_list arguments;

	va_start(arguments, format);
	diag_vreport(diag, DIAG_WARNING, file, line, format, arguments);
	va_end(arguments);
}
