#!/bin/sh
# make bench: speed and memory on sample teams, each figure beside its
# target.  Usage: tests/bench.sh BINARY [TEAMS]
#
#   - CPU per team of each format alone and of all three together, one
#     worker over 100 teams (medians of REPEAT runs);
#   - TEAMS teams (default 1,000), all formats, -j 2: wall time, teams per
#     second, CPU per team, peak memory (the largest process, the portfolio
#     page included);
#   - the same at LARGE teams (default 10,000; LARGE=0 skips it), for the
#     peak memory that must not grow;
#   - one team alone, start-up included (median of REPEAT runs);
#   - an unchanged re-run, and `maturity index` over the LARGE teams;
#   - WeasyPrint turning our own report.html into a PDF, in one Python
#     process, against our CPU per report, when it is installed.
#
# Times are CPU (user + system, every process) unless said, from GNU time.
# Samples are cached under build/bench in folders named after the
# program's version, the seed and the number of teams, and each holds a
# stamp of what `maturity sample` writes today for its first teams: a
# folder whose stamp differs (another day, another sample generator, another
# pack) is made again, never measured.
set -eu
binary=$1
teams=${2:-1000}
large=${LARGE:-10000}
repeat=${REPEAT:-3}
seed=1
jobs=2
work=build/bench
mkdir -p "$work"

version=$("$binary" --version | awk '{ print $NF }')

# The stamp of the sample generator as it is now: a digest of the first
# teams it writes (sample writes the same teams first whatever the count).
probe="$work/probe"
rm -rf "$probe"
"$binary" sample -q --teams 8 --seed "$seed" -o "$probe"
probe_stamp=$(cd "$probe" && ls | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-64)
rm -rf "$probe"

# sample_folder TEAMS: prints the folder holding TEAMS sample teams, made
# (again) unless a folder of the same key holds today's stamp.
sample_folder() {
	folder="$work/answers-$version-seed$seed-teams$1"
	if [ "$(cat "$folder.stamp" 2>/dev/null)" != "$probe_stamp" ]; then
		rm -rf "$folder" "$folder.stamp"
		"$binary" sample -q --teams "$1" --seed "$seed" -o "$folder" >&2
		echo "$probe_stamp" >"$folder.stamp"
	fi
	echo "$folder"
}

measure() { # measure OUTPUT COMMAND...: GNU time's elapsed, user, system, peak KiB
	output=$1
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$output" "$@"
}

median() { # median: the median of the numbers on standard input
	LC_ALL=C sort -g | awk '{ value[NR] = $1 } END {
		if (NR % 2) print value[(NR + 1) / 2]; else print (value[NR / 2] + value[NR / 2 + 1]) / 2 }'
}

# cpu_per_team FORMATS TEAMS FOLDER: median over REPEAT runs of one worker's
# CPU per team, in ms; the last run's output stays in $work/format.
cpu_per_team() {
	for run in $(seq "$repeat"); do
		rm -rf "$work/format"
		measure "$work/format.time" "$binary" render -q -j 1 -f "$1" -o "$work/format" "$3"
		awk -v teams="$2" '{ printf "%.2f\n", ($2 + $3) * 1000 / teams }' "$work/format.time"
	done | median
}

# figure LABEL VALUE UNIT TARGET VERDICT: one line of the table.
figure() {
	printf '%-34s %12s %-4s  %-26s %s\n' "$1" "$2" "$3" "$4" "$5"
}
verdict() { # verdict VALUE OP LIMIT: "met" or "NOT met"
	awk -v value="$1" -v op="$2" -v limit="$3" 'BEGIN {
		ok = op == "<" ? value < limit : value >= limit
		print ok ? "met" : "NOT met" }'
}

answers=$(sample_folder "$teams")
assessments=$(ls "$answers" | wc -l)

# The first 100 teams, each with all its assessments.
subset="$work/answers-$version-seed$seed-first100"
if [ "$(cat "$subset.stamp" 2>/dev/null)" != "$probe_stamp" ]; then
	rm -rf "$subset"
	mkdir -p "$subset"
	ls "$answers" | awk -F- '{ team = $1 "-" $2 } !(team in seen) { seen[team]; n++ } n <= 100' |
		while read -r file; do cp "$answers/$file" "$subset/"; done
	echo "$probe_stamp" >"$subset.stamp"
fi
subset_teams=$(ls "$subset" | awk -F- '{ print $1 "-" $2 }' | sort -u | wc -l)

echo "maturity $version, $(nproc) CPUs; sample seed $seed; medians of $repeat runs where said"
echo
figure "measure" "result" "" "target" ""
figure "-------" "------" "" "------" ""

# Each format alone and all together, one worker.
pdf=$(cpu_per_team pdf "$subset_teams" "$subset")
html=$(cpu_per_team html "$subset_teams" "$subset")
roadmap=$(cpu_per_team roadmap "$subset_teams" "$subset")
all=$(cpu_per_team pdf,html,roadmap "$subset_teams" "$subset")
figure "CPU per team, PDF alone" "$pdf" "ms" "at most 8 ms" "$(verdict "$pdf" "<" 8.0001)"
figure "CPU per team, HTML alone" "$html" "ms" "-" ""
figure "CPU per team, roadmap alone" "$roadmap" "ms" "-" ""
figure "CPU per team, all three" "$all" "ms" "at most 12 ms" "$(verdict "$all" "<" 12.0001)"
reports="$work/weasyprint-input"
rm -rf "$reports"
mkdir -p "$reports"
for file in $(ls "$work/format" | grep -v '\.' | head -n 5); do
	[ -f "$work/format/$file/report.html" ] && cp "$work/format/$file/report.html" "$reports/$file.html"
done

# TEAMS teams, all formats, -j 2: the wall time is the median of REPEAT runs.
for run in $(seq "$repeat"); do
	rm -rf "$work/out"
	measure "$work/batch-$run.time" "$binary" render -q -j "$jobs" -o "$work/out" "$answers"
done
elapsed=$(for run in $(seq "$repeat"); do awk '{ print $1 }' "$work/batch-$run.time"; done | median)
cpu=$(for run in $(seq "$repeat"); do
	awk -v teams="$teams" '{ printf "%.2f\n", ($2 + $3) * 1000 / teams }' "$work/batch-$run.time"
done | median)
peak=$(for run in $(seq "$repeat"); do awk '{ print $4 / 1024 }' "$work/batch-$run.time"; done |
	LC_ALL=C sort -g | tail -n 1)
rate=$(awk -v teams="$teams" -v elapsed="$elapsed" 'BEGIN { printf "%.0f", teams / elapsed }')
figure "$teams teams ($assessments sets), -j $jobs: wall" "$elapsed" "s" "under 8 s at 1,000" \
	"$([ "$teams" -eq 1000 ] && verdict "$elapsed" "<" 8)"
figure "  teams per second" "$rate" "" "125 at 1,000 (8 s)" ""
figure "  CPU per team" "$cpu" "ms" "-" ""
peak=$(printf '%.1f' "$peak")
figure "  peak memory, all formats, index" "$peak" "MB" "under 64 MB" "$(verdict "$peak" "<" 64)"

# One team alone, start-up included.
one=$(ls "$answers" | head -n 1)
one_cpu=$(for run in $(seq $((repeat + 2))); do
	rm -rf "$work/one"
	measure "$work/one.time" "$binary" render -q -j 1 -o "$work/one" "$answers/$one"
	awk '{ printf "%.0f\n", ($2 + $3) * 1000 }' "$work/one.time"
done | median)
figure "one team, start-up included" "$one_cpu" "ms" "under 60 ms" "$(verdict "$one_cpu" "<" 60)"

# Nothing changed: every team's stamp matches, nothing is rendered.
measure "$work/again.time" "$binary" render -q -j "$jobs" -o "$work/out" "$answers"
again=$(awk '{ printf "%.2f", $1 }' "$work/again.time")
figure "unchanged re-run of the $teams" "$again" "s" "-" ""

# LARGE teams, all formats, -j 2, once: the peak must stay as at TEAMS.
if [ "$large" -gt 0 ]; then
	large_answers=$(sample_folder "$large")
	rm -rf "$work/large"
	measure "$work/large.time" "$binary" render -q -j "$jobs" -o "$work/large" "$large_answers"
	large_peak=$(awk '{ printf "%.1f", $4 / 1024 }' "$work/large.time")
	large_cpu=$(awk -v teams="$large" '{ printf "%.2f", ($2 + $3) * 1000 / teams }' "$work/large.time")
	large_wall=$(awk '{ printf "%.0f", $1 }' "$work/large.time")
	# "The same": within a megabyte, what one run's peak varies by.
	flat=$(awk -v small="$peak" -v big="$large_peak" 'BEGIN {
		printf "%s (%+.1f MB)", big < 64 && big <= small + 1 ? "met" : "NOT met", big - small }')
	figure "$large teams, -j $jobs: wall" "$large_wall" "s" "-" ""
	figure "  CPU per team" "$large_cpu" "ms" "-" ""
	figure "  peak memory, all formats, index" "$large_peak" "MB" "under 64, as at $teams" "$flat"

	rm -rf "$work/site"
	measure "$work/index.time" "$binary" index -q -o "$work/site" "$work/large"
	index_wall=$(awk '{ printf "%.2f", $1 }' "$work/index.time")
	index_peak=$(awk '{ printf "%.1f", $4 / 1024 }' "$work/index.time")
	figure "index alone, $large teams: wall" "$index_wall" "s" "-" ""
	figure "  peak memory" "$index_peak" "MB" "under 64 MB" "$(verdict "$index_peak" "<" 64)"
fi

# WeasyPrint: our own report.html to PDF in one warm Python process.
# The Python that runs the weasyprint command, which may not be the first
# python3 on the PATH.
python=$( (command -v weasyprint >/dev/null 2>&1 &&
	head -n 1 "$(command -v weasyprint)" | sed -n 's/^#! *\([^ ]*\).*/\1/p') || true)
if [ -n "$python" ] && "$python" -c 'import weasyprint' 2>/dev/null; then
	weasy=$("$python" - "$reports"/*.html <<'EOF'
import sys, time
from weasyprint import HTML
files = sys.argv[1:]
HTML(files[0]).write_pdf("/dev/null")  # warm: imports, fonts
runs, pages = [], 0
for name in files:
    start = time.process_time()
    document = HTML(name).render()
    document.write_pdf(name[:-5] + ".pdf")
    runs.append(time.process_time() - start)
    pages += len(document.pages)
runs.sort()
print("%.1f %d %d" % (runs[len(runs) // 2] * 1000, pages // len(files), len(files)))
EOF
)
	set -- $weasy
	ratio_pdf=$(awk -v theirs="$1" -v ours="$pdf" 'BEGIN { printf "%.0f", theirs / ours }')
	ratio_all=$(awk -v theirs="$1" -v ours="$all" 'BEGIN { printf "%.0f", theirs / ours }')
	figure "WeasyPrint, our HTML to PDF" "$1" "ms" "-" "($2 pages, median of $3)"
	figure "  ratio to our PDF alone" "${ratio_pdf}x" "" "-" ""
	figure "  ratio to our three outputs" "${ratio_all}x" "" "at least 60x" \
		"$(verdict "$ratio_all" ">=" 60)"
else
	echo "WeasyPrint: not installed, no comparison (Debian package weasyprint)"
fi
