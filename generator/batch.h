/* The driver: loads every resource once, then reads, validates and scores
 * each answer set and hands it to the command's output. */
#ifndef MATURITY_BATCH_H
#define MATURITY_BATCH_H

struct diag;
struct options;

enum batch_result {
	BATCH_OK = 0,           /* every answer set accepted and written */
	BATCH_REJECTED = 1,     /* one or more answer sets rejected; the rest done */
	BATCH_CONFIGURATION = 2, /* content, brand, template or output unusable */
	BATCH_FAILED = 3,       /* output could not be written, or a team failed */
	BATCH_INTERRUPTED = 4,  /* stopped by SIGINT or SIGTERM; only whole files remain */
	BATCH_BREACHED = 5,     /* check, render --check: a rule breached, all else done */
};

/* Runs the command in options.  Reports problems to diag and returns the
 * worst outcome. */
enum batch_result batch_run(const struct options *options, struct diag *diag);

/* The shard (1 to count) that team belongs to, the same on every machine. */
unsigned batch_shard_of(const char *team, unsigned count);

#endif
