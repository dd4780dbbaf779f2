#!/bin/sh
# valgrind memcheck over a render of every output, worker processes
# included: no memory error and no definite or indirect leak.  The font
# stack's once-per-process allocations are suppressed by name.
# Usage: tests/e2e/test_valgrind.sh BINARY
binary=$1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export SOURCE_DATE_EPOCH=1795000000

valgrind -q --trace-children=yes --leak-check=full --errors-for-leak-kinds=definite,indirect \
	--error-exitcode=99 --suppressions=tests/valgrind.supp --log-file="$scratch/valgrind.%p.log" \
	"$binary" render -q -j 1 --chart-png --model -o "$scratch/out" \
	examples/answers/brackenridge-cs-2025-10-08.xml examples/answers/brackenridge-cs-2026-10-14.xml \
	examples/answers/fernwick-2026-11-03.xml tests/fixtures/csv/survey.csv tests/fixtures/answers/score-five.xml
status=$?
if [ $status -ne 1 ] || [ -n "$(cat "$scratch"/valgrind.*.log)" ]; then
	echo "FAIL valgrind found problems (status $status):"
	cat "$scratch"/valgrind.*.log | head -60
	exit 1
fi
echo "ok   valgrind: no memory errors or leaks in a render of every output"
