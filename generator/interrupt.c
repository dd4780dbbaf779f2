/* Interruption; see interrupt.h. */
#include "interrupt.h"

#include <signal.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <unistd.h>

/* The signal that interrupted the run: the only state a handler may
 * touch. */
static volatile sig_atomic_t interrupt_signal;

static void
interrupt_on_signal(int number)
{
	interrupt_signal = number;
}

int
interrupt_install(void)
{
	struct sigaction action = { 0 };

	action.sa_handler = interrupt_on_signal;
	sigemptyset(&action.sa_mask);
	if (sigaction(SIGINT, &action, NULL) != 0 || sigaction(SIGTERM, &action, NULL) != 0)
		return -1;
	return 0;
}

int
interrupt_requested(void)
{
	return interrupt_signal;
}

int
interrupt_worker_start(pid_t parent)
{
	sigset_t none;

	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	/* Asked first, checked second: a parent that died in between has
	 * already handed this process to another. */
	(void)prctl(PR_SET_PDEATHSIG, SIGKILL);
	return getppid() == parent ? 0 : -1;
}
