/* Diagnostics: formatting and counting of problems, one line each. */
#include "diag.h"

#include <glib.h>
#include <stdarg.h>
#include <string.h>

enum { DIAG_LINE = 2048 };  /* the longest message, in bytes, before escaping */

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

/* Copies message into line, each control character (C0, DEL, C1) and each
 * byte that is not UTF-8 written as \xNN or \u00NN, so that no input can
 * reach the terminal as a control sequence.  Returns line's length. */
static size_t
diag_escape(const char *message, char *line, size_t size)
{
	size_t length = 0, remaining = strlen(message);
	const char *cursor = message;

	while (remaining > 0 && length + 8 < size) {
		gunichar character = g_utf8_get_char_validated(cursor, (gssize)remaining);
		size_t width = character < 0x80 ? 1 : character < 0x800 ? 2 : character < 0x10000 ? 3 : 4;

		if (character == (gunichar)-1 || character == (gunichar)-2) {
			length += (size_t)snprintf(line + length, size - length, "\\x%02x",
						   (unsigned char)*cursor);
			width = 1;
		} else if (character < 0x20 || character == 0x7f) {
			length += (size_t)snprintf(line + length, size - length, "\\x%02x", character);
		} else if (character >= 0x80 && character < 0xa0) {
			length += (size_t)snprintf(line + length, size - length, "\\u%04x", character);
		} else {
			memcpy(line + length, cursor, width);
			length += width;
		}
		cursor += width;
		remaining -= width;
	}
	line[length] = '\0';
	return length;
}

/* Writes the line message holds (length bytes, a prefix already there)
 * with the rest formatted after it, escaped, in one write: several worker
 * processes share stderr. */
static void
diag_write(struct diag *diag, char *message, size_t size, int length, const char *format,
	   va_list arguments)
{
	char escaped_line[4 * DIAG_LINE];
	size_t escaped;

	if (length < 0 || (size_t)length >= size - 2)
		length = 0;
	vsnprintf(message + length, size - (size_t)length - 1, format, arguments);
	escaped = diag_escape(message, escaped_line, sizeof escaped_line - 1);
	escaped_line[escaped] = '\n';
	fwrite(escaped_line, 1, escaped + 1, diag->stream);
	fflush(diag->stream);
}

static void
diag_vreport(struct diag *diag, enum diag_severity severity, const char *file,
	     long line, long column, const char *format, va_list arguments)
{
	char message[DIAG_LINE];
	int length;

	if (severity == DIAG_ERROR)
		diag->errors++;
	else if (severity == DIAG_WARNING)
		diag->warnings++;
	if (diag->stream == NULL)
		return;

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
	diag_write(diag, message, sizeof message, length, format, arguments);
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
diag_status(struct diag *diag, const char *format, ...)
{
	char message[DIAG_LINE] = "maturity: ";
	va_list arguments;

	if (diag->stream == NULL)
		return;
	va_start(arguments, format);
	diag_write(diag, message, sizeof message, (int)strlen(message), format, arguments);
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
