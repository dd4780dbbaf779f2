#!/bin/sh
# The command line itself: what `sample` writes and when it dates it.
# Usage: tests/e2e/test_cli.sh BINARY
binary=$1
. tests/e2e/lib.sh

# The dates in the names of the answer sets in a folder, one a line.
dates_in() { ls "$1" | sed -n 's/^team-[0-9]*-\([0-9-]*\)\.xml$/\1/p' | sort; }

# sample: never an assessment dated after the day it runs, here the day
# of SOURCE_DATE_EPOCH (2025-12-01), and every team's latest within the
# year up to it.
SOURCE_DATE_EPOCH=1764547200 "$binary" sample -q --teams 40 --seed 5 -o "$scratch/sample" 2>/dev/null
check "sample writes the teams" test "$(ls "$scratch/sample" | wc -l)" -ge 40
dates_in "$scratch/sample" >"$scratch/sample.dates"
check "no assessment is dated after the day it runs" test "$(tail -n 1 "$scratch/sample.dates")" '<' 2025-12-02
check "nor more than two years before it" test "$(head -n 1 "$scratch/sample.dates")" '>' 2023-11-30
check "the latest is that day's or close to it" test "$(tail -n 1 "$scratch/sample.dates")" '>' 2025-11-01
SOURCE_DATE_EPOCH=1764547200 "$binary" sample -q --teams 40 --seed 5 -o "$scratch/again" 2>/dev/null
check "the same seed on the same day writes the same files" diff -r "$scratch/sample" "$scratch/again"
env -u SOURCE_DATE_EPOCH "$binary" sample -q --teams 40 --seed 5 -o "$scratch/today" 2>/dev/null
dates_in "$scratch/today" >"$scratch/today.dates"
check "without SOURCE_DATE_EPOCH, nothing after today" \
	test "$(tail -n 1 "$scratch/today.dates")" '<' "$(date -u -d tomorrow +%Y-%m-%d)"

[ $failures -eq 0 ]
