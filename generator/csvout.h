/* CSV output, one cell at a time: the one place any CSV the tool writes
 * gets its cells.  Text is quoted by libcsv, and text a spreadsheet would
 * run as a formula is neutralised. */
#ifndef MATURITY_CSVOUT_H
#define MATURITY_CSVOUT_H

#include <stdio.h>

/* Writes text as one quoted cell, after a comma unless first.  Text that
 * starts with '=', '+', '-', '@', a tab or a carriage return, which a
 * spreadsheet reads as a formula, gets a single quote in front (OWASP's
 * rule), so it is shown as the text it is. */
void csvout_text(FILE *stream, const char *text, int first);

/* Writes value with decimals digits after the point (never the locale's
 * comma), after a comma unless first.  Numbers are the tool's own, so
 * they are written as numbers, a minus sign and all. */
void csvout_number(FILE *stream, double value, int decimals, int first);

/* Writes an empty cell (a comma unless first). */
void csvout_empty(FILE *stream, int first);

/* Ends the row (CRLF, as RFC 4180 says). */
void csvout_end_row(FILE *stream);

#endif
