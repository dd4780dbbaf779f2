/* CSV cells; see csvout.h. */
#include "csvout.h"

#include "xalloc.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

/* The first characters that make a spreadsheet evaluate a cell. */
static const char csvout_formula_starts[] = "=+-@\t\r";

void
csvout_text(FILE *stream, const char *text, int first)
{
	size_t length = strlen(text);

	if (!first)
		fputc(',', stream);
	if (length > 0 && strchr(csvout_formula_starts, text[0]) != NULL) {
		char *quoted = xasprintf("'%s", text);

		csv_fwrite(stream, quoted, length + 1);
		free(quoted);
		return;
	}
	csv_fwrite(stream, text, length);
}

void
csvout_number(FILE *stream, double value, int decimals, int first)
{
	if (!first)
		fputc(',', stream);
	fprintf(stream, "%.*f", decimals, value);
}

void
csvout_empty(FILE *stream, int first)
{
	if (!first)
		fputc(',', stream);
}

void
csvout_end_row(FILE *stream)
{
	fputs("\r\n", stream);
}
