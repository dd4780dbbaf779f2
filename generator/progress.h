/* A progress bar on a terminal: done/total, rate and time left, redrawn
 * at most ten times a second on stderr.  Silent when not enabled. */
#ifndef MATURITY_PROGRESS_H
#define MATURITY_PROGRESS_H

#include <stddef.h>

struct progress {
	size_t total;
	size_t done;
	int enabled;
	int drawn;            /* a bar is on screen */
	double started;       /* seconds, monotonic */
	double drawn_at;
};

void progress_start(struct progress *progress, size_t total, int enabled);

/* Counts one more done and redraws when due. */
void progress_step(struct progress *progress);

/* Erases the bar, so that a message or the summary starts a clean line. */
void progress_clear(struct progress *progress);

#endif
