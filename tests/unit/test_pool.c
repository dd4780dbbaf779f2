/* Unit tests of the worker pool: every task runs once, and a worker is
 * replaced after its share of tasks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pool.h"
#include "scratch.h"

enum { TASKS = 10 };

struct pool_test {
	char log[sizeof scratch + 16]; /* each task's line: "TASK PID" */
	size_t done[TASKS];            /* finished, by task */
};

/* In a worker: appends the task and the worker's process id to the log. */
static int
pool_test_run(size_t task, void *context)
{
	struct pool_test *test = context;
	FILE *log = fopen(test->log, "a");

	if (log == NULL)
		return -1;
	fprintf(log, "%zu %ld\n", task, (long)getpid());
	return fclose(log) == 0 ? 0 : -1;
}

static void
pool_test_finished(size_t task, enum pool_outcome outcome, int detail, void *context)
{
	struct pool_test *test = context;

	(void)detail;
	if (outcome == POOL_DONE && task < TASKS)
		test->done[task]++;
}

static void
pool_test_cancelled(size_t task, void *context)
{
	(void)task;
	(void)context;
}

/* Runs TASKS tasks with jobs workers, each replaced after per_worker
 * tasks; returns how many distinct workers ran them. */
static size_t
pool_test_workers(unsigned jobs, size_t per_worker)
{
	struct pool_test test = { .done = { 0 } };
	struct pool_tasks tasks = { .count = TASKS, .jobs = jobs, .tasks_per_worker = per_worker,
				    .run = pool_test_run, .finished = pool_test_finished,
				    .cancelled = pool_test_cancelled, .context = &test };
	long pids[TASKS];
	size_t lines = 0, distinct = 0, task;
	long pid;
	FILE *log;

	snprintf(test.log, sizeof test.log, "%s/log", scratch);
	unlink(test.log);
	assert_int_equal(pool_run(&tasks), 0);
	for (size_t index = 0; index < TASKS; index++)
		assert_int_equal(test.done[index], 1);
	log = fopen(test.log, "r");
	assert_non_null(log);
	while (lines < TASKS && fscanf(log, "%zu %ld", &task, &pid) == 2) {
		size_t seen = 0;

		for (size_t index = 0; index < lines; index++)
			seen += pids[index] == pid;
		assert_true(seen < (per_worker > 0 ? per_worker : TASKS));
		distinct += seen == 0;
		pids[lines++] = pid;
	}
	fclose(log);
	assert_int_equal(lines, TASKS);
	return distinct;
}

static void
test_one_worker_runs_everything(void **state)
{
	(void)state;
	assert_int_equal(pool_test_workers(1, 0), 1);
}

static void
test_a_worker_is_replaced_after_its_share(void **state)
{
	(void)state;
	/* 3 + 3 + 3 + 1 tasks: four workers, one after the other. */
	assert_int_equal(pool_test_workers(1, 3), 4);
}

static void
test_two_workers_each_replaced(void **state)
{
	(void)state;
	/* Ten tasks, no worker running more than two: five workers, or six
	 * when each of the two slots ends on a worker with one task. */
	assert_in_range(pool_test_workers(2, 2), 5, 6);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_worker_runs_everything),
		cmocka_unit_test(test_a_worker_is_replaced_after_its_share),
		cmocka_unit_test(test_two_workers_each_replaced),
	};

	return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
