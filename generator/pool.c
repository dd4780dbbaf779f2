/* The process pool; see pool.h.  Each worker has a socketpair: the parent
 * writes a task number, the worker answers with one status byte.  A
 * worker that closes its end while holding a task has crashed. */
#define _GNU_SOURCE /* ppoll */
#include "pool.h"

#include "interrupt.h"
#include "xalloc.h"

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

struct pool_worker {
	pid_t pid;
	int socket;            /* the parent's end; -1 when no worker */
	int busy;
	size_t task;           /* when busy */
	size_t done;           /* tasks this worker has run */
};

/* A worker's life: read a task, run it, answer, until the parent closes.
 * It dies with the parent, so a killed run leaves no worker writing. */
static void
pool_worker_loop(const struct pool_tasks *tasks, int socket, pid_t parent)
{
	uint64_t task;
	unsigned char status;

	if (interrupt_worker_start(parent) != 0)
		_exit(1);
	while (read(socket, &task, sizeof task) == (ssize_t)sizeof task) {
		status = tasks->run((size_t)task, tasks->context) == 0 ? 0 : 1;
		if (write(socket, &status, 1) != 1)
			break;
	}
	if (tasks->worker_exit != NULL)
		tasks->worker_exit(tasks->context);
	_exit(0);
}

/* Starts a worker in workers[index].  The child closes the parent's ends
 * of the other workers' sockets, or they would never see end-of-file. */
static int
pool_spawn(const struct pool_tasks *tasks, struct pool_worker *workers, unsigned count,
	   unsigned index)
{
	struct pool_worker *worker = &workers[index];
	pid_t parent = getpid();
	int sockets[2];

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets) != 0)
		return -1;
	fflush(NULL);
	worker->pid = fork();
	if (worker->pid < 0) {
		close(sockets[0]);
		close(sockets[1]);
		return -1;
	}
	if (worker->pid == 0) {
		close(sockets[0]);
		for (unsigned other = 0; other < count; other++)
			if (other != index && workers[other].socket >= 0)
				close(workers[other].socket);
		pool_worker_loop(tasks, sockets[1], parent);
	}
	close(sockets[1]);
	worker->socket = sockets[0];
	worker->busy = 0;
	worker->done = 0;
	return 0;
}

static void
pool_retire(struct pool_worker *worker, int *signal_number)
{
	int status = 0;

	if (worker->socket >= 0)
		close(worker->socket);
	worker->socket = -1;
	while (waitpid(worker->pid, &status, 0) < 0 && errno == EINTR)
		continue;
	*signal_number = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

/* A run: the tasks, the workers and their poll set. */
struct pool_run {
	const struct pool_tasks *tasks;
	struct pool_worker *workers;
	struct pollfd *polls;
	unsigned jobs;
	size_t next, finished;        /* the next task to hand out; tasks ended */
};

/* Hands a task to every idle worker, starting one where none runs, and
 * sets the poll set.  Returns how many workers hold a task. */
static int
pool_hand_out(struct pool_run *run)
{
	const struct pool_tasks *tasks = run->tasks;
	int live = 0;

	for (unsigned index = 0; index < run->jobs; index++) {
		struct pool_worker *worker = &run->workers[index];
		uint64_t task = run->next;

		if (worker->socket < 0 && run->next < tasks->count &&
		    pool_spawn(tasks, run->workers, run->jobs, index) != 0)
			worker->socket = -1;
		if (worker->socket >= 0 && !worker->busy && run->next < tasks->count &&
		    write(worker->socket, &task, sizeof task) == (ssize_t)sizeof task) {
			worker->busy = 1;
			worker->task = run->next++;
		}
		run->polls[index].fd = worker->busy ? worker->socket : -1;
		run->polls[index].events = POLLIN;
		run->polls[index].revents = 0;
		live += worker->busy;
	}
	return live;
}

/* Collects the answers ppoll found, and the tasks of workers that died. */
static void
pool_collect(struct pool_run *run)
{
	const struct pool_tasks *tasks = run->tasks;

	for (unsigned index = 0; index < run->jobs; index++) {
		struct pool_worker *worker = &run->workers[index];
		unsigned char status;
		ssize_t got;
		int signal_number;

		if (!worker->busy || run->polls[index].revents == 0)
			continue;
		got = read(worker->socket, &status, 1);
		if (got == 1) {
			worker->busy = 0;
			tasks->finished(worker->task, status == 0 ? POOL_DONE : POOL_FAILED, 0,
					tasks->context);
			run->finished++;
			/* Worn out: it ends on end-of-file, and pool_hand_out
			 * starts another in its place when tasks remain. */
			if (tasks->tasks_per_worker > 0 && ++worker->done >= tasks->tasks_per_worker)
				pool_retire(worker, &signal_number);
		} else if (got == 0 || (got < 0 && errno != EINTR)) {
			pool_retire(worker, &signal_number);
			worker->busy = 0;
			tasks->cancelled(worker->task, tasks->context);
			tasks->finished(worker->task, POOL_CRASHED, signal_number, tasks->context);
			run->finished++;
		}
	}
}

/* Stops the workers; when interrupted, tidies the tasks in flight. */
static void
pool_stop(struct pool_run *run, int interrupted)
{
	const struct pool_tasks *tasks = run->tasks;

	for (unsigned index = 0; index < run->jobs; index++) {
		struct pool_worker *worker = &run->workers[index];
		int signal_number;

		if (worker->socket < 0)
			continue;
		if (interrupted && worker->busy)
			kill(worker->pid, SIGTERM);
		pool_retire(worker, &signal_number);
		if (interrupted && worker->busy) {
			tasks->cancelled(worker->task, tasks->context);
			tasks->finished(worker->task, POOL_CANCELLED, 0, tasks->context);
		}
	}
}

int
pool_run(const struct pool_tasks *tasks)
{
	struct pool_run run = { .tasks = tasks, .jobs = tasks->jobs ? tasks->jobs : 1 };
	sigset_t signals, unblocked;
	int interrupted;

	if ((size_t)run.jobs > tasks->count)
		run.jobs = tasks->count ? (unsigned)tasks->count : 1;
	run.workers = xcalloc(run.jobs, sizeof *run.workers);
	run.polls = xcalloc(run.jobs, sizeof *run.polls);

	/* Signals wait while the loop runs and arrive only inside ppoll, so
	 * one that comes just before it is never missed. */
	sigemptyset(&signals);
	sigaddset(&signals, SIGINT);
	sigaddset(&signals, SIGTERM);
	sigprocmask(SIG_BLOCK, &signals, &unblocked);

	for (unsigned index = 0; index < run.jobs; index++) {
		run.workers[index].socket = -1;
		if (pool_spawn(tasks, run.workers, run.jobs, index) != 0)
			run.workers[index].socket = -1;
	}
	while (run.finished < tasks->count && !interrupt_requested()) {
		if (pool_hand_out(&run) == 0) {
			/* No worker could be started: the remaining tasks fail. */
			while (run.next < tasks->count) {
				tasks->finished(run.next++, POOL_CRASHED, 0, tasks->context);
				run.finished++;
			}
			break;
		}
		if (ppoll(run.polls, run.jobs, NULL, &unblocked) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		pool_collect(&run);
	}
	interrupted = interrupt_requested();
	pool_stop(&run, interrupted);
	sigprocmask(SIG_SETMASK, &unblocked, NULL);
	free(run.workers);
	free(run.polls);
	return interrupted;
}
