/* The progress bar; see progress.h. */
#include "progress.h"

#include <glib.h>
#include <stdio.h>

enum { PROGRESS_WIDTH = 28 };

static double
progress_now(void)
{
	return (double)g_get_monotonic_time() / 1e6;
}

void
progress_start(struct progress *progress, size_t total, int enabled)
{
	progress->total = total;
	progress->done = 0;
	progress->enabled = enabled && total > 0;
	progress->drawn = 0;
	progress->started = progress_now();
	progress->drawn_at = 0;
}

void
progress_step(struct progress *progress)
{
	char bar[PROGRESS_WIDTH + 1];
	double now = progress_now(), elapsed, rate, left;
	size_t filled;

	progress->done++;
	if (!progress->enabled || (now - progress->drawn_at < 0.1 && progress->done < progress->total))
		return;
	progress->drawn_at = now;
	elapsed = now - progress->started;
	rate = elapsed > 0 ? (double)progress->done / elapsed : 0;
	left = rate > 0 ? (double)(progress->total - progress->done) / rate : 0;
	filled = progress->done * PROGRESS_WIDTH / progress->total;
	for (size_t index = 0; index < PROGRESS_WIDTH; index++)
		bar[index] = index < filled ? '#' : '.';
	bar[PROGRESS_WIDTH] = '\0';
	fprintf(stderr, "\r[%s] %zu/%zu  %.1f teams/s  %d:%02d left\033[K", bar, progress->done,
		progress->total, rate, (int)left / 60, (int)left % 60);
	fflush(stderr);
	progress->drawn = 1;
}

void
progress_clear(struct progress *progress)
{
	if (!progress->drawn)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	progress->drawn = 0;
}
