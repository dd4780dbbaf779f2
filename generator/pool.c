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

int
pool_run(const struct pool_tasks *tasks)
{
	unsigned jobs = tasks->jobs ? tasks->jobs : 1;
	struct pool_worker *workers;
	struct pollfd *polls;
	sigset_t signals, unblocked;
	size_t next = 0, finished = 0;
	int interrupted;

	if ((size_t)jobs > tasks->count)
		jobs = tasks->count ? (unsigned)tasks->count : 1;
	workers = xcalloc(jobs, sizeof *workers);
	polls = xcalloc(jobs, sizeof *polls);

	/* Signals wait while the loop runs and arrive only inside ppoll, so
	 * one that comes just before it is never missed. */
	sigemptyset(&signals);
	sigaddset(&signals, SIGINT);
	sigaddset(&signals, SIGTERM);
	sigprocmask(SIG_BLOCK, &signals, &unblocked);

	for (unsigned index = 0; index < jobs; index++) {
		workers[index].socket = -1;
		if (pool_spawn(tasks, workers, jobs, index) != 0)
			workers[index].socket = -1;
	}

	while (finished < tasks->count && !interrupt_requested()) {
		int live = 0;

		/* Hand a task to every idle worker. */
		for (unsigned index = 0; index < jobs; index++) {
			struct pool_worker *worker = &workers[index];
			uint64_t task = next;

			if (worker->socket < 0 && next < tasks->count &&
			    pool_spawn(tasks, workers, jobs, index) != 0)
				worker->socket = -1;
			if (worker->socket >= 0 && !worker->busy && next < tasks->count) {
				if (write(worker->socket, &task, sizeof task) == (ssize_t)sizeof task) {
					worker->busy = 1;
					worker->task = next++;
				}
			}
			polls[index].fd = worker->busy ? worker->socket : -1;
			polls[index].events = POLLIN;
			polls[index].revents = 0;
			live += worker->busy;
		}
		if (live == 0) {
			/* No worker could be started: the remaining tasks fail. */
			while (next < tasks->count) {
				tasks->finished(next++, POOL_CRASHED, 0, tasks->context);
				finished++;
			}
			break;
		}
		if (ppoll(polls, jobs, NULL, &unblocked) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		/* Collect answers, and the tasks of workers that died. */
		for (unsigned index = 0; index < jobs; index++) {
			struct pool_worker *worker = &workers[index];
			unsigned char status;
			ssize_t got;

			if (!worker->busy || polls[index].revents == 0)
				continue;
			got = read(worker->socket, &status, 1);
			if (got == 1) {
				worker->busy = 0;
				tasks->finished(worker->task, status == 0 ? POOL_DONE : POOL_FAILED, 0,
						tasks->context);
				finished++;
			} else if (got == 0 || (got < 0 && errno != EINTR)) {
				int signal_number;

				pool_retire(worker, &signal_number);
				worker->busy = 0;
				tasks->cancelled(worker->task, tasks->context);
				tasks->finished(worker->task, POOL_CRASHED, signal_number, tasks->context);
				finished++;
			}
		}
	}

	/* Stop the workers; on interruption, tidy the tasks in flight. */
	interrupted = interrupt_requested();
	for (unsigned index = 0; index < jobs; index++) {
		struct pool_worker *worker = &workers[index];
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
	sigprocmask(SIG_SETMASK, &unblocked, NULL);
	free(workers);
	free(polls);
	return interrupted;
}
