/* Synthetic answer sets for trying the tool and for benchmarks: realistic
 * teams (several respondents, every stage, some assessed twice), the same
 * for the same seed. */
#ifndef MATURITY_SAMPLE_H
#define MATURITY_SAMPLE_H

#include <stddef.h>
#include <stdint.h>

struct diag;
struct framework;

/* Writes teams answer sets into folder (created), named TEAM-DATE.xml,
 * dated over the year up to today (YYYY-MM-DD) and never after it.  The
 * same seed and today give the same files.  Returns 0, or -1 after
 * reporting. */
int sample_write(const char *folder, size_t teams, uint64_t seed, const char *today,
		 const struct framework *framework, struct diag *diag);

#endif
