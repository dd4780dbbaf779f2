/* Interruption by SIGINT or SIGTERM: noted by a handler installed before
 * any input is read, and asked for between units of work, so that a run
 * stops at a boundary with only whole files and exits 130. */
#ifndef MATURITY_INTERRUPT_H
#define MATURITY_INTERRUPT_H

#include <sys/types.h>

/* Installs the handlers for SIGINT and SIGTERM.  A shell starts a
 * background job with SIGINT ignored; the handler replaces that too, so
 * Ctrl-C or kill -INT always stops the run.  Returns 0, or -1 when
 * sigaction fails. */
int interrupt_install(void);

/* The signal that interrupted the run, or 0. */
int interrupt_requested(void);

/* In a newly forked worker: the default actions again, so a signal ends
 * it at once, and death with the parent (PR_SET_PDEATHSIG), checked
 * against parent, the parent's process id before the fork, in case the
 * parent died before the request was made.  Returns 0, or -1 when the
 * worker must exit because its parent is gone. */
int interrupt_worker_start(pid_t parent);

#endif
