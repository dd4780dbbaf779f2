/* JUnit XML, the test report CI systems show natively (GitHub Actions
 * through a reporter action, GitLab CI's artifacts:reports:junit,
 * Jenkins): a test suite per team, a test case per rule, a failure per
 * breach. */
#ifndef MATURITY_JUNIT_H
#define MATURITY_JUNIT_H

#include <stddef.h>

struct diag;
struct gate_finding;

/* Writes the findings (each team's together, in order) to path
 * atomically, making its folder when missing.  Returns 0, or -1 after
 * reporting. */
int junit_write(const char *path, const struct gate_finding *findings, size_t count,
		struct diag *diag);

#endif
