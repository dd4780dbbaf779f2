/* The portfolio over time: the stage distribution at the end of each
 * calendar quarter and the teams that changed stage in the last one; see
 * portfolio.h.  A team's stage at a quarter's end is that of its latest
 * assessment made by then; a team not yet assessed is not counted. */
#include "portfolio.h"

#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int32_t
portfolio_quarter_of(const char *day)
{
	int year = atoi(day), month = atoi(day + 5);

	return (int32_t)(year * 4 + (month - 1) / 3);
}

/* The label and the last day of quarter. */
static void
portfolio_quarter_name(struct portfolio_quarter *quarter)
{
	static const char *const ends[] = { "03-31", "06-30", "09-30", "12-31" };
	/* Dates are validated years 1900-9999. */
	unsigned year = (unsigned)(quarter->quarter / 4) % 10000u;
	int number = quarter->quarter % 4;

	snprintf(quarter->label, sizeof quarter->label, "%04u-Q%d", year, number + 1);
	snprintf(quarter->end, sizeof quarter->end, "%04u-%.5s", year, ends[number]);
}

/* The range of quarters: from the oldest assessment's to the newest's,
 * the last PORTFOLIO_QUARTERS of them; false when there is no point. */
static int
portfolio_quarters_range(const struct portfolio_point *points, const struct portfolio_track *tracks,
			 size_t team_count, int32_t *first, int32_t *last)
{
	int found = 0;

	for (size_t team = 0; team < team_count; team++) {
		for (size_t index = 0; index < tracks[team].count; index++) {
			int32_t quarter = points[tracks[team].first + index].quarter;

			if (!found || quarter < *first)
				*first = quarter;
			if (!found || quarter > *last)
				*last = quarter;
			found = 1;
		}
	}
	if (found && *last - *first >= PORTFOLIO_QUARTERS)
		*first = *last - PORTFOLIO_QUARTERS + 1;
	return found;
}

/* One team over the quarters: its stage at each end (-1 before its first
 * assessment) counted into quarters, and whether it moved in the last. */
static void
portfolio_quarters_team(struct portfolio_quarters *quarters, const struct portfolio_point *points,
			const struct portfolio_track *track, size_t team)
{
	size_t next = 0;
	long stage = -1, before = -1;

	for (size_t index = 0; index < quarters->count; index++) {
		struct portfolio_quarter *quarter = &quarters->quarters[index];

		/* Points are oldest first: the last one by this quarter wins. */
		while (next < track->count && points[track->first + next].quarter <= quarter->quarter)
			stage = (long)points[track->first + next++].stage;
		if (stage < 0)
			continue;
		quarter->teams++;
		quarter->stages[stage]++;
		if (index > 0 && before >= 0 && stage != before) {
			if (stage > before)
				quarter->up++;
			else
				quarter->down++;
			if (index + 1 == quarters->count) {
				quarters->movers = xreallocarray(quarters->movers, quarters->mover_count + 1,
								 sizeof *quarters->movers);
				quarters->movers[quarters->mover_count++] = (struct portfolio_mover){
					team, (size_t)before, (size_t)stage
				};
			}
		}
		before = stage;
	}
}

void
portfolio_quarters_compute(struct portfolio_quarters *quarters, const struct portfolio_point *points,
			   const struct portfolio_track *tracks, size_t team_count,
			   size_t stage_count)
{
	int32_t first = 0, last = 0;

	memset(quarters, 0, sizeof *quarters);
	if (!portfolio_quarters_range(points, tracks, team_count, &first, &last))
		return;
	quarters->count = (size_t)(last - first + 1);
	quarters->quarters = xcalloc(quarters->count, sizeof *quarters->quarters);
	for (size_t index = 0; index < quarters->count; index++) {
		quarters->quarters[index].quarter = first + (int32_t)index;
		quarters->quarters[index].stages = xcalloc(stage_count ? stage_count : 1, sizeof(size_t));
		portfolio_quarter_name(&quarters->quarters[index]);
	}
	for (size_t team = 0; team < team_count; team++)
		portfolio_quarters_team(quarters, points, &tracks[team], team);
}

void
portfolio_quarters_release(struct portfolio_quarters *quarters)
{
	for (size_t index = 0; index < quarters->count; index++)
		free(quarters->quarters[index].stages);
	free(quarters->quarters);
	free(quarters->movers);
	memset(quarters, 0, sizeof *quarters);
}
