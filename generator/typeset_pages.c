/* The typesetter's pages: boxes placed down pages under their keep, break
 * and column rules, then found again by place and name; see typeset.h. */
#include "typeset.h"
#include "typeset_parts.h"

#include "xalloc.h"

#include <glib.h>
#include <string.h>

/* Pages ---------------------------------------------------------------------- */

/* Where a page may end before box index: the last box from index back to
 * first + 1 that its predecessor does not keep; index itself when every
 * box from first is chained (a chain taller than a page breaks where it
 * must). */
static size_t
typeset_break_point(const struct typeset *typeset, size_t first, size_t index)
{
	size_t at = index;

	while (at > first &&
	       ((const struct typeset_box *)g_ptr_array_index(typeset->boxes, at - 1))->keep_with_next)
		at--;
	return at > first ? at : index;
}

/* Where pagination has got to: the page, how far down it is used, and
 * within a run of columns, which column and where the run began. */
struct typeset_cursor {
	int page;
	size_t first;       /* the first box of this page, or of this column */
	double used;        /* points of the text block used, in this column */
	int column;         /* 0 .. columns - 1 */
	double run_top;     /* where the run of columns began on this page */
	double run_bottom;  /* the lowest any of its columns reaches */
	double balance;     /* where a column of a run that fits the page ends, or 0 */
};

/* Starts a new page at box index. */
static void
typeset_new_page(struct typeset_cursor *cursor, size_t index)
{
	cursor->page++;
	cursor->first = index;
	cursor->used = cursor->run_top = cursor->run_bottom = cursor->balance = 0;
	cursor->column = 0;
}

/* Where the columns of the run that begins at box index end when the run
 * fits in what is left of the page: its height shared out evenly, so that
 * three short items set in two columns take two rows, not three in the
 * first column; 0 when the run is taller (it fills each column in turn). */
static double
typeset_balance(const struct typeset *typeset, size_t index, double top, double room)
{
	const struct typeset_box *first = g_ptr_array_index(typeset->boxes, index);
	double total = 0;

	for (size_t at = index; at < typeset->boxes->len; at++) {
		const struct typeset_box *box = g_ptr_array_index(typeset->boxes, at);

		if (box->columns != first->columns || (at > index && box->break_before))
			break;
		total += (at > index ? box->space_before : 0) + box->height;
	}
	if (top + total / first->columns > room)
		return 0;
	return top + total / first->columns;
}

/* Follows a change in the number of columns before box: a run begins
 * where the page is used to, and ends below its longest column. */
static void
typeset_run_change(struct typeset_cursor *cursor, const struct typeset_box *box,
		   const struct typeset_box *before)
{
	if (before == NULL || before->columns == box->columns)
		return;
	if (before->columns > 1)
		cursor->used = cursor->run_bottom > cursor->used ? cursor->run_bottom : cursor->used;
	cursor->column = 0;
	cursor->run_top = cursor->run_bottom = cursor->used;
	/* Every column's first box starts at the same height: the run's own
	 * space before is taken once, above all of them. */
	if (box->columns > 1)
		cursor->run_top += box->space_before;
}

/* Starts the next column of the run at box at, where a chain of boxes
 * begins, when at lies in the run after its column's first box and the
 * run has a column left on this page; returns whether it did. */
static int
typeset_next_column(const struct typeset *typeset, struct typeset_cursor *cursor, size_t at)
{
	const struct typeset_box *start = g_ptr_array_index(typeset->boxes, at);

	if (at <= cursor->first || start->columns < 2 || cursor->column + 1 >= start->columns ||
	    ((const struct typeset_box *)g_ptr_array_index(typeset->boxes, at - 1))->columns !=
		    start->columns)
		return 0;
	cursor->column++;
	cursor->first = at;
	cursor->used = cursor->run_top;
	return 1;
}

int
typeset_paginate(struct typeset *typeset)
{
	double room = typeset->bottom - typeset->top;
	struct typeset_cursor cursor = { .page = 1 };
	size_t index = 0;

	while (index < typeset->boxes->len) {
		struct typeset_box *box = g_ptr_array_index(typeset->boxes, index);
		const struct typeset_box *before =
			index > cursor.first ? g_ptr_array_index(typeset->boxes, index - 1) : NULL;
		double gap = index == cursor.first ? 0 : box->space_before;

		typeset_run_change(&cursor, box, before);
		if (before != NULL && before->columns != box->columns && box->columns > 1) {
			cursor.used = cursor.run_top;
			gap = 0;
		}
		if (box->break_before && index > cursor.first) {
			typeset_new_page(&cursor, index);
			continue;
		}
		if (box->columns > 1 && cursor.column == 0 &&
		    (before == NULL || before->columns != box->columns))
			cursor.balance = typeset_balance(typeset, index, cursor.run_top, room);
		/* In a balanced run, a box whose middle would pass the column's
		 * end starts the next column. */
		if (box->columns > 1 && cursor.balance > 0 && cursor.column + 1 < box->columns &&
		    index > cursor.first && cursor.used + gap + box->height / 2 > cursor.balance &&
		    cursor.used + gap + box->height <= room) {
			size_t at = typeset_break_point(typeset, cursor.first, index);

			if (typeset_next_column(typeset, &cursor, at)) {
				index = at;
				continue;
			}
		}
		box->placed = box->height;
		if (index > cursor.first && cursor.used + gap + box->height > room) {
			/* Shrink into the rest of the page, or break before the
			 * chain this box ends: into the next column when the chain
			 * lies in this run of columns, else onto a new page. */
			size_t at = typeset_break_point(typeset, cursor.first, index);

			if (box->shrinkable && cursor.used + gap + box->min_height <= room) {
				box->placed = room - cursor.used - gap;
			} else if (typeset_next_column(typeset, &cursor, at)) {
				index = at;
				continue;
			} else {
				typeset_new_page(&cursor, at);
				index = at;
				continue;
			}
		}
		if (box->placed > room)
			box->placed = box->shrinkable && box->min_height <= room ? room : box->placed;
		box->page = cursor.page;
		box->top = typeset->top + cursor.used + gap;
		box->shift = cursor.column * ((typeset->right - typeset->left - (box->columns - 1) *
								      box->column_gap) /
						      box->columns +
					      box->column_gap);
		cursor.used += gap + box->placed;
		if (box->columns > 1 && cursor.used > cursor.run_bottom)
			cursor.run_bottom = cursor.used;
		index++;
	}
	typeset->page_count = cursor.page;
	return cursor.page;
}

void
typeset_box_place(const struct typeset_box *box, int *page, double *top, double *left)
{
	*page = box->page;
	*top = box->top;
	*left = box->shift;
}

int
typeset_page_of(const struct typeset *typeset, const char *name)
{
	for (guint index = 0; index < typeset->boxes->len; index++) {
		const struct typeset_box *box = g_ptr_array_index(typeset->boxes, index);

		if (box->destination != NULL && strcmp(box->destination, name) == 0)
			return box->page;
	}
	return 0;
}

double *
typeset_fill(const struct typeset *typeset, int *count)
{
	double *fill = xcalloc((size_t)typeset->page_count + 1, sizeof *fill);
	double room = typeset->bottom - typeset->top;

	for (guint index = 0; index < typeset->boxes->len; index++) {
		const struct typeset_box *box = g_ptr_array_index(typeset->boxes, index);
		double end = (box->top - typeset->top + box->placed) / room;

		if (box->page >= 1 && end > fill[box->page - 1])
			fill[box->page - 1] = end;
	}
	*count = typeset->page_count;
	return fill;
}
