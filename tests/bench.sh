#!/bin/sh
# make bench: render sample teams to PDF, HTML and roadmap with one worker
# per CPU, then one team alone, and print teams per second, CPU time per
# team and peak memory; then each format alone, and `maturity index` over
# 10,000 teams.  Usage: tests/bench.sh BINARY [TEAMS]
set -eu
binary=$1
teams=${2:-1000}
work=build/bench
jobs=$(nproc)
mkdir -p "$work"

answers="$work/answers-$teams"
[ -d "$answers" ] || "$binary" sample -q --teams "$teams" --seed 1 -o "$answers"
assessments=$(ls "$answers" | wc -l)

measure() { # measure OUTPUT COMMAND...: GNU time's elapsed, user, system, peak KiB
	output=$1
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$output" "$@"
}

rm -rf "$work/out"
measure "$work/batch.time" "$binary" render -q -j "$jobs" -o "$work/out" "$answers"
read -r elapsed user system peak <"$work/batch.time"

one=$(ls "$answers" | head -n 1)
rm -rf "$work/one"
measure "$work/one.time" "$binary" render -q -j 1 -o "$work/one" "$answers/$one"
read -r one_elapsed one_user one_system one_peak <"$work/one.time"

rm -rf "$work/again"
cp -r "$work/out" "$work/again"
measure "$work/again.time" "$binary" render -q -j "$jobs" -o "$work/again" "$answers"
read -r again_elapsed again_user again_system again_peak <"$work/again.time"

awk -v teams="$teams" -v assessments="$assessments" -v jobs="$jobs" \
    -v elapsed="$elapsed" -v user="$user" -v sys="$system" -v peak="$peak" \
    -v one_elapsed="$one_elapsed" -v one_peak="$one_peak" \
    -v again_elapsed="$again_elapsed" 'BEGIN {
	printf "teams:                 %d (%d answer sets), -j %d\n", teams, assessments, jobs
	printf "wall time:             %.2f s\n", elapsed
	printf "teams per second:      %.1f\n", teams / elapsed
	printf "CPU per team:          %.1f ms (user + system, all processes)\n", (user + sys) * 1000 / teams
	printf "peak memory:           %.1f MB (largest process)\n", peak / 1024
	printf "one team, start-up in: %.0f ms wall, %.1f MB\n", one_elapsed * 1000, one_peak / 1024
	printf "unchanged re-run:      %.2f s\n", again_elapsed
}'

# Each format alone, one worker, over the first 100 teams: where the CPU goes.
subset="$work/answers-first-100"
if [ ! -d "$subset" ]; then
	mkdir -p "$subset"
	ls "$answers" | awk -F- '{ team = $1 "-" $2 } !(team in seen) { seen[team]; n++ } n <= 100' |
		while read -r file; do cp "$answers/$file" "$subset/"; done
fi
for format in pdf html roadmap; do
	rm -rf "$work/format"
	measure "$work/format.time" "$binary" render -q -j 1 -f "$format" -o "$work/format" "$subset"
	read -r format_elapsed format_user format_system format_peak <"$work/format.time"
	awk -v format="$format" -v user="$format_user" -v sys="$format_system" 'BEGIN {
		printf "%-8s alone:         %.1f ms CPU per team (one worker, 100 teams)\n", format, (user + sys) * 10
	}'
done

# The portfolio alone: `maturity index` over 10,000 rendered teams (the
# roadmap only, which is enough for their summaries), its time and peak
# memory.  The render is incremental, so a second bench reuses it.
index_teams=10000
index_answers="$work/answers-$index_teams"
[ -d "$index_answers" ] || "$binary" sample -q --teams "$index_teams" --seed 1 -o "$index_answers"
"$binary" render -q -f roadmap -j "$jobs" -o "$work/index-$index_teams" "$index_answers"
rm -rf "$work/site"
measure "$work/index.time" "$binary" index -q -o "$work/site" "$work/index-$index_teams"
read -r index_elapsed index_user index_system index_peak <"$work/index.time"
awk -v teams="$index_teams" -v elapsed="$index_elapsed" -v peak="$index_peak" 'BEGIN {
	printf "index, %d teams:    %.2f s wall, %.1f MB peak\n", teams, elapsed, peak / 1024
}'
