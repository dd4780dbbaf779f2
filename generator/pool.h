/* A pool of worker processes for rendering: a crash in one task fails
 * that task only, and an interrupted run leaves no temporary files. */
#ifndef MATURITY_POOL_H
#define MATURITY_POOL_H

#include <signal.h>
#include <stddef.h>

enum pool_outcome {
	POOL_DONE,          /* run returned 0 */
	POOL_FAILED,        /* run returned non-zero (already reported) */
	POOL_CRASHED,       /* the worker died running it; detail is the signal */
	POOL_CANCELLED,     /* never finished: the run was interrupted */
};

struct pool_tasks {
	size_t count;
	unsigned jobs;      /* worker processes, >= 1 */
	/* A worker that has run this many tasks is ended and a fresh one
	 * started, so that whatever a long run leaves in a worker's memory
	 * (caches, a fragmented heap) stays what this many tasks leave;
	 * 0: a worker runs until the tasks are done. */
	size_t tasks_per_worker;
	/* Runs task in a worker; 0 on success.  Called after fork. */
	int (*run)(size_t task, void *context);
	/* Told in the parent as each task ends, in completion order. */
	void (*finished)(size_t task, enum pool_outcome outcome, int detail, void *context);
	/* Told in the parent for each task in flight when interrupted, to
	 * remove its partial files. */
	void (*cancelled)(size_t task, void *context);
	/* Called in each worker before it exits, to release what it built
	 * (may be NULL). */
	void (*worker_exit)(void *context);
	void *context;
};

/* Runs every task.  The parent must not have started a thread before this
 * (a Pango font map does): a child of a threaded process can deadlock on
 * a lock or condition that thread held.  Returns 0 when all ran (whatever their outcome), or
 * the signal number when the run was interrupted by SIGINT or SIGTERM, as
 * noted by interrupt.h's handlers (workers stopped, in-flight tasks
 * cancelled, tasks never started not reported).  Workers die with the
 * parent, whatever ends it. */
int pool_run(const struct pool_tasks *tasks);

#endif
