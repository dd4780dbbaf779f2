/* Diagnostics: formatting and counting of problems, one line each. */
#include "diag.h"

#include <stdarg.h>
#include <string.h>

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
	     long line, long column, const char *format, va_list arguments)
{
	char message[2048];
	int length;

	if (severity == DIAG_ERROR)
		diag->errors++;
	else if (severity == DIAG_WARNING)
		diag->warnings++;
	if (diag->stream == NULL)
		return;

	/* One line, one write: several worker processes share stderr. */
	if (file != NULL && line > 0 && column > 0)
		length = snprintf(message, sizeof message, "maturity: %s:%ld:%ld: %s: ", file, line,
				  column, severity_names[severity]);
	else if (file != NULL && line > 0)
		length = snprintf(message, sizeof message, "maturity: %s:%ld: %s: ", file, line,
				  severity_names[severity]);
	else if (file != NULL)
		length = snprintf(message, sizeof message, "maturity: %s: %s: ", file,
				  severity_names[severity]);
	else
		length = snprintf(message, sizeof message, "maturity: %s: ", severity_names[severity]);
	if (length < 0 || (size_t)length >= sizeof message - 2)
		length = 0;
	vsnprintf(message + length, sizeof message - (size_t)length - 1, format, arguments);
	length = (int)strlen(message);
	message[length] = '\n';
	fwrite(message, 1, (size_t)length + 1, diag->stream);
	fflush(diag->stream);
}

void
diag_report(struct diag *diag, enum diag_severity severity, const char *file,
	    long line, const char *format, ...)
{
	va_list arguments;

	va_start(arguments, format);
	diag_vreport(diag, severity, file, line, 0, format, arguments);
	va_end(arguments);
}

void
diag_error(struct diag *diag, const char *file, long line, const char *format, ...)
{
	va_list arguments;

	va_start(arguments, format);
	diag_vreport(diag, DIAG_ERROR, file, line, 0, format, arguments);
	va_end(arguments);
}

void
diag_warning(struct diag *diag, const char *file, long line, const char *format, ...)
{
	va_list arguments;

	va_start(arguments, format);
	diag_vreport(diag, DIAG_WARNING, file, line, 0, format, arguments);
	va_end(arguments);
}

void
diag_report_at(struct diag *diag, enum diag_severity severity, const char *file, long line,
	       long column, const char *format, ...)
{
	va_list arguments;

	va_start(arguments, format);
	diag_vreport(diag, severity, file, line, column, format, arguments);
	va_end(arguments);
}
