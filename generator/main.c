/* maturity: the command line.  Options into struct options, the driver
 * does the work, its result becomes the exit status. */
#include "batch.h"
#include "diag.h"
#include "interrupt.h"
#include "options.h"

#include <errno.h>
#include <libxml/parser.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

enum exit_status {
	EXIT_OK = 0,            /* every answer set accepted */
	EXIT_REJECTED = 1,      /* one or more answer sets rejected */
	EXIT_USAGE = 2,         /* bad command line or configuration */
	EXIT_OUTPUT = 3,        /* output could not be written, or a team failed to render */
	EXIT_BREACHED = 4,      /* check or render --check: a rule breached */
	EXIT_INTERRUPTED = 130, /* stopped by SIGINT or SIGTERM */
};

static enum exit_status
main_status(enum batch_result result)
{
	if (interrupt_requested())
		return EXIT_INTERRUPTED;
	switch (result) {
	case BATCH_OK:
		return EXIT_OK;
	case BATCH_REJECTED:
		return EXIT_REJECTED;
	case BATCH_CONFIGURATION:
		return EXIT_USAGE;
	case BATCH_FAILED:
		return EXIT_OUTPUT;
	case BATCH_INTERRUPTED:
		return EXIT_INTERRUPTED;
	case BATCH_BREACHED:
		return EXIT_BREACHED;
	}
	return EXIT_OUTPUT;
}

int
main(int argc, char **argv)
{
	struct options options;
	struct diag diag;
	enum batch_result result;

	/* Ctrl-C and kill are noted from the start, before any input is read,
	 * even when started with SIGINT ignored. */
	if (interrupt_install() != 0) {
		fprintf(stderr, "maturity: error: cannot handle signals: %s\n", strerror(errno));
		return EXIT_OUTPUT;
	}
	switch (options_parse(&options, argc, argv)) {
	case OPTIONS_RUN:
		break;
	case OPTIONS_DONE:
		return fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OK : EXIT_OUTPUT;
	case OPTIONS_USAGE:
		return EXIT_USAGE;
	}

	/* Past a file-size limit, writes fail with EFBIG and are reported like
	 * a full disk, rather than the signal ending the process. */
	signal(SIGXFSZ, SIG_IGN);
	xmlInitParser();
	diag_init(&diag, stderr);
	result = batch_run(&options, &diag);
	xmlCleanupParser();
	options_release(&options);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "maturity: error: cannot write standard output\n");
		return EXIT_OUTPUT;
	}
	return main_status(result);
}
