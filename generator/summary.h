/* Score listings for `maturity score`: JSON lines, CSV or a readable
 * table, one entry per assessment.  Reads scores; computes nothing. */
#ifndef MATURITY_SUMMARY_H
#define MATURITY_SUMMARY_H

#include <stdio.h>

struct answers;
struct framework;
struct scores;

enum summary_format { SUMMARY_TABLE, SUMMARY_JSON, SUMMARY_CSV };

/* Writes what goes before the first assessment (a header).  Returns 0, or
 * -1 when the stream reports a write error. */
int summary_begin(FILE *stream, enum summary_format format, const struct framework *framework);

/* Writes one assessment's entry.  Returns 0 or -1 on a write error. */
int summary_write(FILE *stream, enum summary_format format, const struct framework *framework,
		  const struct answers *answers, const struct scores *scores);

/* Writes what follows the last entry (the table's legend). */
int summary_end(FILE *stream, enum summary_format format, const struct framework *framework);

#endif
