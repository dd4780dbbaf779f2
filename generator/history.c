/* A team's earlier assessments; see history.h. */
#include "history.h"

#include "answers.h"
#include "model.h"
#include "score.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

void
history_add(struct history *history, const struct framework *framework, struct answers *answers)
{
	size_t count = history->count + 1;

	if (answers == NULL)
		return;
	history->answers = xreallocarray(history->answers, count, sizeof *history->answers);
	history->scores = xreallocarray(history->scores, count, sizeof *history->scores);
	history->earlier = xreallocarray(history->earlier, count, sizeof *history->earlier);
	history->answers[history->count] = answers;
	history->scores[history->count] = score_compute(framework, answers);
	history->count = count;
	/* The view is rebuilt: the arrays may have moved. */
	for (size_t index = 0; index < count; index++)
		history->earlier[index] =
			(struct model_earlier){ history->answers[index], history->scores[index] };
}

void
history_free(struct history *history)
{
	for (size_t index = 0; index < history->count; index++) {
		answers_free(history->answers[index]);
		score_free(history->scores[index]);
	}
	free(history->answers);
	free(history->scores);
	free(history->earlier);
	memset(history, 0, sizeof *history);
}
