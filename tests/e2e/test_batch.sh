#!/bin/sh
# Batch behaviour of `maturity render`: failures stay isolated, shards
# partition the teams, an interrupted run leaves only whole files, and an
# unchanged re-run does no work.  Usage: tests/e2e/test_batch.sh BINARY
binary=$1
. tests/e2e/lib.sh

# A folder that exists and holds no temporary file.
no_temporary_files() { test -d "$1" && test -z "$(find "$1" -name '.*.??????')"; }
# A file that exists and does not match a pattern.
lacks() { test -s "$2" && ! grep -q -- "$1" "$2"; }
# Waits until a file called NAME is below FOLDER: woken by inotify as
# files are created or renamed into place, one second at most a wait,
# sixty waits at most.
wait_for_file() { # wait_for_file FOLDER NAME
	for attempt in $(seq 1 60); do
		[ -n "$(find "$1" -name "$2" -print -quit)" ] && return 0
		inotifywait -qq -r -t 1 -e create -e moved_to "$1" 2>/dev/null
	done
	return 1
}

teams() { # teams FOLDER...: the team folders below each, by name
	for folder in "$@"; do
		find "$folder" -mindepth 1 -maxdepth 1 -type d -printf '%f\n'
	done | sort
}

# Many teams: the examples copied under new team ids.
mkdir -p "$scratch/many"
for number in $(seq 1 240); do
	sed "s/team=\"kettlebrook-cs\"/team=\"team-$number\"/" \
		examples/answers/kettlebrook-cs-2026-09-22.xml >"$scratch/many/team-$number.xml"
done

# 1. One invalid and one crashing answer set among good ones.
"$binary" render -q -f roadmap -o "$scratch/one" examples/answers \
	tests/fixtures/answers/score-five.xml 2>"$scratch/one.err"
check "an invalid answer set gives status 1" test $? -eq 1
check "the invalid set is reported with its line" \
	grep -q 'score-five.xml:4: error' "$scratch/one.err"
check "every good team is rendered" test "$(teams "$scratch/one" | wc -l)" -eq 7

# The crash is injected from outside: a library preloaded to abort the
# worker as it makes the team's folder (tests/faults/crash_on_folder.c).
fault="$(dirname "$binary")/tests/crash_on_folder.so"
check "the fault library is built" test -f "$fault"
LD_PRELOAD="$fault" CRASH_ON_FOLDER=fernwick "$binary" render -f roadmap -o "$scratch/crash" \
	examples/answers tests/fixtures/answers/score-five.xml 2>"$scratch/crash.err"
check "a crash gives status 3" test $? -eq 3
check "the crash names the team" grep -q 'rendering team fernwick crashed' "$scratch/crash.err"
check "the summary counts it" grep -q '6 rendered, 0 unchanged, 1 rejected, 1 failed' "$scratch/crash.err"
check "the other teams are complete" test -s "$scratch/crash/ostrander-cs/roadmap.csv"
check "the crashed team has no stamp" test ! -e "$scratch/crash/fernwick/.maturity-stamp"

# 2. Shards: together exactly the full set, each team once.
for shard in 1 2 3; do
	"$binary" render -q -f roadmap --shard "$shard/3" -o "$scratch/shard$shard" "$scratch/many" examples/answers
done
"$binary" render -q -f roadmap -o "$scratch/whole" "$scratch/many" examples/answers
teams "$scratch/shard1" "$scratch/shard2" "$scratch/shard3" >"$scratch/sharded"
teams "$scratch/whole" >"$scratch/all"
check "the shards render every team" cmp -s "$scratch/sharded" "$scratch/all"
check "no team is in two shards" test "$(sort "$scratch/sharded" | uniq -d | wc -l)" -eq 0
check "each shard has work" test -n "$(teams "$scratch/shard1")" -a -n "$(teams "$scratch/shard3")"

# The shards merged into one portfolio by `maturity index`.
"$binary" index -q -o "$scratch/site" "$scratch/shard1" "$scratch/shard2" "$scratch/shard3"
check "index merges the shards" test "$(($(wc -l <"$scratch/site/summary.csv") - 1))" -eq "$(wc -l <"$scratch/all")"
check "index links into the shard folders" grep -q '"../shard2/' "$scratch/site/summary.csv"
cut -d, -f1 "$scratch/site/summary.csv" | sed 1d | tr -d '"' >"$scratch/merged-order"
check "the merged portfolio is in team order" sh -c "sort -c '$scratch/merged-order'"
check "index writes the portfolio page" grep -q 'Stage distribution' "$scratch/site/index.html"
"$binary" index -q "$scratch/whole"
check "index without -o writes into the folder" test -s "$scratch/whole/summary.json"

# --benchmark: each team against the portfolio median.
"$binary" render -q -f roadmap --model --benchmark -o "$scratch/bench" examples/answers
check "--benchmark adds medians and percentiles" \
	grep -q 'percentile="[0-9]*" benchmark="[0-9.]*"' "$scratch/bench/brackenridge-cs/report.xml"
"$binary" render -q -f roadmap --model -o "$scratch/plain" examples/answers
check "--model writes report.xml" test -s "$scratch/plain/brackenridge-cs/report.xml"
check "without --benchmark there are none" lacks 'percentile=' "$scratch/plain/brackenridge-cs/report.xml"

# One description of a team: score --json, each summary.json and the
# portfolio's team list agree field for field, and so do the CSVs.  The
# listing has no comparison, history or files (it lists each assessment
# alone), and the portfolio adds where each team's folder is.
"$binary" render -q -f roadmap -o "$scratch/agree" examples/answers
"$binary" score --json examples/answers >"$scratch/agree.jsonl"
"$binary" score --csv examples/answers >"$scratch/agree-score.csv"
agreeing=0
for summary in "$scratch"/agree/*/summary.json; do
	team=$(jq -r .team "$summary")
	date=$(jq -r .date "$summary")
	jq -S --arg team "$team" '.team_list[] | select(.team == $team) | del(.folder)' \
		"$scratch/agree/summary.json" >"$scratch/listed.json"
	jq -S . "$summary" >"$scratch/written.json"
	jq -S --arg team "$team" --arg date "$date" 'select(.team == $team and .date == $date)' \
		"$scratch/agree.jsonl" >"$scratch/scored.json"
	jq -S 'del(.files, .previous, .history)' "$summary" >"$scratch/assessed.json"
	if cmp -s "$scratch/listed.json" "$scratch/written.json" &&
		cmp -s "$scratch/scored.json" "$scratch/assessed.json" &&
		[ "$(jq -r '.files | length' "$summary")" -ge 2 ]; then
		agreeing=$((agreeing + 1))
	else
		echo "    $team: $(diff "$scratch/written.json" "$scratch/listed.json" | head -3)"
		echo "    $team: $(diff "$scratch/assessed.json" "$scratch/scored.json" | head -3)"
	fi
done
teams=$(ls "$scratch"/agree/*/summary.json | wc -l)
check "score --json, summary.json and the team list agree for all $teams teams" \
	test $agreeing -eq "$teams" -a "$teams" -ge 6
check "a team's comparison is in its summary" \
	test "$(jq -r .previous.date "$scratch/agree/brackenridge-cs/summary.json")" = 2025-10-08
check "summary.csv has score --csv's columns, and the folder" \
	test "$(head -n 1 "$scratch/agree/summary.csv" | tr -d '\r')" = \
	"$(head -n 1 "$scratch/agree-score.csv" | tr -d '\r'),\"folder\""
grep '^"ashgrove-cs"' "$scratch/agree/summary.csv" | tr -d '\r' | sed 's/,"ashgrove-cs"$/\r/' \
	>"$scratch/agree-row"
check "and the same row for a team" grep -qxF -f "$scratch/agree-row" "$scratch/agree-score.csv"

# --benchmark compares with the teams the output folder holds after the
# run, the portfolio index.html shows: two teams rendered there before
# count as well as those of this run.
"$binary" render -q -f roadmap -o "$scratch/both" examples/profiles
"$binary" render -q -f roadmap,html --model --benchmark -o "$scratch/both" examples/answers
check "the portfolio holds this run's teams and the two before" \
	test "$(jq .teams "$scratch/both/summary.json")" -eq $((teams + 2))
equal=0
for domain in $(jq -r '.median | keys[]' "$scratch/both/summary.json"); do
	median=$(jq -r --arg domain "$domain" '.median[$domain] | tostring' "$scratch/both/summary.json")
	benchmark=$(sed -n "s/.*<domain id=\"$domain\" .* benchmark=\"\([0-9.]*\)\".*/\1/p" \
		"$scratch/both/brackenridge-cs/report.xml")
	[ -n "$benchmark" ] && awk -v a="$median" -v b="$benchmark" 'BEGIN { exit a + 0 == b + 0 ? 0 : 1 }' &&
		equal=$((equal + 1))
done
check "--benchmark's median of every domain is the portfolio's" test $equal -eq 8
stated=0
grep -o '<strong>[^<]*</strong>: median [0-9.]*' "$scratch/both/index.html" |
	sed 's/<strong>\([^<]*\)<\/strong>: median \([0-9.]*\)/\1|\2/; s/&amp;/\&/g' >"$scratch/stated"
while IFS='|' read -r label median; do
	benchmark=$(grep -F -B1 "<label>$(printf '%s' "$label" | sed 's/&/\&amp;/g')</label>" \
		"$scratch/both/brackenridge-cs/report.xml" | sed -n 's/.* benchmark="\([0-9.]*\)".*/\1/p')
	[ "$benchmark" = "$median" ] && stated=$((stated + 1))
done <"$scratch/stated"
check "and the medians index.html states are the reports' ($stated of 3)" test $stated -eq 3

# 3. Interruption: only whole files remain, and the status says so.  The
# signal is sent once the first report is in place (a bounded wait on
# that event), and GNU time tells an exit with status 130 from a death by
# the signal.
mkdir -p "$scratch/stop"
/usr/bin/time -f 'exit %x' -o "$scratch/stop.time" \
	"$binary" render -f pdf,html,roadmap -j 2 -o "$scratch/stop" "$scratch/many" 2>"$scratch/stop.err" &
timer=$!
check "a first report appears" wait_for_file "$scratch/stop" report.html
kill -INT $(pgrep -P $timer)
wait $timer
check "an interrupted run exits 130" grep -q '^exit 130$' "$scratch/stop.time"
check "by exiting, not by dying of the signal" lacks 'terminated by signal' "$scratch/stop.time"
check "no temporary file is left" no_temporary_files "$scratch/stop"
incomplete=0
for page in $(find "$scratch/stop" -name report.html); do
	tail -c 20 "$page" | grep -q '</html>' || incomplete=$((incomplete + 1))
done
for report in $(find "$scratch/stop" -name report.pdf); do
	tail -c 8 "$report" | grep -q '%%EOF' || incomplete=$((incomplete + 1))
done
check "every report written is whole" test $incomplete -eq 0
written=$(find "$scratch/stop" -name report.html | wc -l)
check "the run stopped early" test "$written" -ge 1 -a "$written" -lt 240
check "the closing line counts the interrupted teams apart" \
	grep -q ' 0 failed, [1-9][0-9]* interrupted in .* (interrupted)' "$scratch/stop.err"
check "and every team once" sh -c "sed 's/^maturity: //' '$scratch/stop.err' | tail -n 1 |
	awk -F'[ ,]+' '{ exit \$1 + \$3 + \$5 + \$7 + \$9 == 240 ? 0 : 1 }'"

# Workers die with their parent: after a SIGKILL, none finishes the
# team it was rendering (its report, summary or stamp).
mkdir -p "$scratch/killed"
"$binary" render -q -f pdf -j 2 -o "$scratch/killed" "$scratch/many" 2>/dev/null &
parent=$!
check "a first PDF appears" wait_for_file "$scratch/killed" report.pdf
workers=$(pgrep -P $parent | tr '\n' ' ')
kill -KILL $parent
wait $parent 2>/dev/null
finished() { find "$scratch/killed" -type f ! -name '.*.??????' | wc -l; }
before=$(finished)
check "the workers were running" test -n "$workers"
check "every worker ends with its parent" timeout 30 sh -c "
	for worker in $workers; do
		while [ -e /proc/\$worker ] && ! grep -q '^State:.*Z' /proc/\$worker/status 2>/dev/null; do :; done
	done"
check "and no file is finished after the parent died" test "$(finished)" -eq "$before"

# 4. Incremental: nothing to do, then exactly what changed.
"$binary" render -f roadmap -o "$scratch/again" examples/answers 2>/dev/null
"$binary" render -f roadmap -o "$scratch/again" examples/answers 2>"$scratch/again.err"
check "an unchanged re-run renders nothing" grep -q ' 0 rendered, 7 unchanged' "$scratch/again.err"
mkdir -p "$scratch/edited"
cp examples/answers/*.xml "$scratch/edited/"
"$binary" render -f roadmap -o "$scratch/inc" "$scratch/edited" 2>/dev/null
sed -i 's/<answer question="sc_q1" score="2"\/>/<answer question="sc_q1" score="3"\/>/' \
	"$scratch/edited/kettlebrook-cs-2026-09-22.xml"
check "the edit took effect" grep -q 'question="sc_q1" score="3"' "$scratch/edited/kettlebrook-cs-2026-09-22.xml"
"$binary" render -f roadmap -o "$scratch/inc" "$scratch/edited" 2>"$scratch/inc.err"
check "a changed answer set re-renders its team only" grep -q ' 1 rendered, 6 unchanged' "$scratch/inc.err"
"$binary" render -f roadmap -o "$scratch/inc" --brand templates/brands/northwind-advisory.xml \
	"$scratch/edited" 2>"$scratch/inc.err"
check "a changed brand re-renders every team" grep -q ' 7 rendered, 0 unchanged' "$scratch/inc.err"
cp -R content "$scratch/content"
"$binary" render -f roadmap -o "$scratch/borrowed" -c "$scratch/content/four-phase" examples/answers 2>/dev/null
sed -i 's/>Mid-market customers</>Customers in the mid-market</' "$scratch/content/crawl-walk-run/pack.xml"
"$binary" render -f roadmap -o "$scratch/borrowed" -c "$scratch/content/four-phase" examples/answers \
	2>"$scratch/borrowed.err"
check "a change to the profile a pack borrows re-renders every team" \
	grep -q ' 7 rendered, 0 unchanged' "$scratch/borrowed.err"

# 5. A report's bytes depend on its inputs only, not on what the worker
# rendered before it: one team alone and the same team after five others.
"$binary" render -q -j 1 -f html,pdf -o "$scratch/batch" examples/answers
"$binary" render -q -j 1 -f html,pdf -o "$scratch/alone" examples/answers/kettlebrook-cs-2026-09-22.xml
for format in html pdf; do
	check "report.$format is the same alone and in a batch" \
		cmp -s "$scratch/batch/kettlebrook-cs/report.$format" "$scratch/alone/kettlebrook-cs/report.$format"
done

[ $failures -eq 0 ]
