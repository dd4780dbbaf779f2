/* A team's earlier assessments, as a worker reads them for its report:
 * each answer set with its scores, oldest first, in the form model_build
 * takes. */
#ifndef MATURITY_HISTORY_H
#define MATURITY_HISTORY_H

#include <stddef.h>

struct answers;
struct framework;
struct scores;
struct model_earlier;

struct history {
	struct model_earlier *earlier; /* count of them, oldest first: what model_build reads */
	size_t count;
	struct answers **answers;      /* what earlier points to, owned here */
	struct scores **scores;
};

/* Appends a validated answer set, scored here; the history takes it over
 * (answers NULL, a set that could not be read again, is passed over). */
void history_add(struct history *history, const struct framework *framework,
		 struct answers *answers);

/* Frees every answer set and score held, and empties history. */
void history_free(struct history *history);

#endif
