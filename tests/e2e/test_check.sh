#!/bin/sh
# Gates for CI: `check` and `render --check` over answer sets, each rule at
# its limit, a baseline (teams that fell back, new and missing), the JUnit
# report read by a JUnit consumer, and reassess.ics.
# Usage: tests/e2e/test_check.sh BINARY
binary=$1
. tests/e2e/lib.sh
# The report date is 2026-11-18 (SOURCE_DATE_EPOCH, set by lib.sh).
# Debian's Python, where python3-junitparser is installed.
python=/usr/bin/python3

# An answer set of one respondent who gives every question of the pack
# the same score.
team_set() { # team_set TEAM DATE SCORE
	printf '<assessment xmlns="urn:maturity:answers:1" team="%s" date="%s">\n' "$1" "$2"
	printf '  <respondent id="alice">\n'
	for question in $(sed -n 's/.*<question id="\([a-z_0-9]*\)".*/\1/p' \
		content/crawl-walk-run/domains/*.xml); do
		printf '    <answer question="%s" score="%s"/>\n' "$question" "$3"
	done
	printf '  </respondent>\n</assessment>\n'
}
# Two assessments of one team, the later one a point lower, and a team
# assessed once.
mkdir -p "$scratch/fall"
team_set falling 2026-01-10 3 >"$scratch/fall/falling-2026-01-10.xml"
team_set falling 2026-07-10 2 >"$scratch/fall/falling-2026-07-10.xml"
team_set steady 2026-07-10 3 >"$scratch/fall/steady-2026-07-10.xml"

# Each rule at its limit holds, and just past it breaches.
"$binary" check -q --min-overall 3 --max-drop 1 "$scratch/fall/steady-2026-07-10.xml" >"$scratch/hold.out"
check "rules at their limit hold: status 0" test $? -eq 0
check "and nothing is printed" test ! -s "$scratch/hold.out"
"$binary" check -q --min-overall 3.01 "$scratch/fall/steady-2026-07-10.xml" >"$scratch/overall.out"
check "an overall score under --min-overall: status 4" test $? -eq 4
check "and its line" grep -qx 'steady: min-overall: 3.00, 3.01' "$scratch/overall.out"
"$binary" check -q --max-drop 0.99 "$scratch/fall" >"$scratch/drop.out"
check "a fall over --max-drop since the previous assessment: status 4" test $? -eq 4
check "and its line" grep -qx 'falling: max-drop: 1.00, 0.99' "$scratch/drop.out"
check "a team with one assessment has no fall" sh -c "! grep -q steady '$scratch/drop.out'"
"$binary" check -q --max-drop 1 "$scratch/fall" >"$scratch/drop.out"
check "a fall equal to --max-drop holds" test $? -eq 0

# A rejected answer set beside a breach: the breach decides the status.
cp tests/fixtures/answers/score-five.xml "$scratch/fall/"
"$binary" check -q --min-stage run "$scratch/fall" >"$scratch/mixed.out" 2>"$scratch/mixed.err"
check "a breach and a rejected set: status 4" test $? -eq 4
check "the rejected set is reported" grep -q 'score-five.xml:4: error' "$scratch/mixed.err"
rm "$scratch/fall/score-five.xml"
"$binary" check -q --min-stage crawl "$scratch/fall" tests/fixtures/answers/score-five.xml 2>/dev/null
check "a rejected set and no breach: status 1" test $? -eq 1

# A baseline: the portfolio of the examples, then a run in which one team
# fell back a stage, one is gone and two are new.
"$binary" render -q -f roadmap -o "$scratch/base" examples/answers
mkdir -p "$scratch/now"
cp examples/answers/*.xml examples/profiles/*.xml "$scratch/now/"
rm "$scratch/now"/ashgrove-cs-*.xml
sed -i 's/score="[34]"/score="1"/g' "$scratch/now"/ostrander-cs-*.xml
"$binary" check --baseline "$scratch/base/summary.json" --max-drop 0.5 "$scratch/now" \
	>"$scratch/baseline.out" 2>"$scratch/baseline.err"
check "a team that fell back from the baseline: status 4" test $? -eq 4
check "its stage is named" grep -qx 'ostrander-cs: stage-held: Crawl, Run' "$scratch/baseline.out"
check "--max-drop measures from the baseline" grep -qx 'ostrander-cs: max-drop: 2.00, 0.50' "$scratch/baseline.out"
check "no other team breaches" test "$(wc -l <"$scratch/baseline.out")" -eq 2
check "a missing team is listed" grep -qx 'maturity: ashgrove-cs: in the baseline, missing from this run' "$scratch/baseline.err"
check "new teams are listed" test "$(grep -c 'new since the baseline' "$scratch/baseline.err")" -eq 2
"$binary" check -q --baseline "$scratch/base/summary.json" examples/answers
check "the baseline's own answer sets hold against it" test $? -eq 0
"$binary" check --baseline examples/answers/fernwick-2026-11-03.xml examples/answers 2>"$scratch/notjson.err"
check "an answer set as the baseline: status 2" test $? -eq 2
check "and says what it is not" grep -q "fernwick-2026-11-03.xml:1: error: not a portfolio's summary.json" "$scratch/notjson.err"
"$binary" render -q -f roadmap -c content/four-phase -o "$scratch/four" examples/answers
"$binary" check --baseline "$scratch/four/summary.json" examples/answers 2>"$scratch/pack.err"
check "a baseline of another pack: status 2" test $? -eq 2
check "and names both packs" grep -q 'scored with content pack four-phase, not crawl-walk-run' "$scratch/pack.err"

# The JUnit report, read by a JUnit consumer: a suite a team, a case a
# rule, a failure a breach.
"$binary" check -q --min-stage walk --min-domain health_risk=2 --junit "$scratch/ci/junit.xml" \
	examples/answers >/dev/null
check "check with --junit: status 4" test $? -eq 4
check "the JUnit file is well-formed XML" xmllint --noout "$scratch/ci/junit.xml"
"$python" - "$scratch/ci/junit.xml" >"$scratch/junit.txt" <<'EOF'
import sys
from junitparser import JUnitXml
suites = JUnitXml.fromfile(sys.argv[1])
for suite in suites:
    for case in suite:
        failed = [result.message for result in case.result]
        print(suite.name, case.name, failed[0] if failed else "held")
EOF
check "junitparser reads it" test $? -eq 0
teams=$(ls examples/answers | sed 's/-[0-9]\{4\}-[0-9-]*\.xml$//' | sort -u | wc -l)
check "a case for each of the $teams teams and 2 rules" test "$(wc -l <"$scratch/junit.txt")" -eq $((2 * teams))
check "each breach a failure with its value and limit" \
	grep -qx 'kettlebrook-cs min-stage Crawl, limit Walk' "$scratch/junit.txt"
check "and the rest held" test "$(grep -c ' held$' "$scratch/junit.txt")" -eq $((2 * teams - 3))

# render --check: every output written, then the same verdict.
"$binary" render -q --check --min-stage walk --junit "$scratch/rendered/junit.xml" \
	-o "$scratch/rendered" examples/answers >"$scratch/render.out"
check "render --check with a breach: status 4" test $? -eq 4
check "its line" grep -qx 'kettlebrook-cs: min-stage: Crawl, Walk' "$scratch/render.out"
check "the reports are written all the same" test -s "$scratch/rendered/kettlebrook-cs/report.pdf" -a -s "$scratch/rendered/index.html"
check "and the JUnit report" test -s "$scratch/rendered/junit.xml"
"$binary" render -q -f roadmap --check --min-stage crawl -o "$scratch/rendered" examples/answers
check "render --check with every rule held: status 0" test $? -eq 0

# reassess.ics: a reminder for each team, never in the past.
check "every team gets reassess.ics" \
	test "$(ls "$scratch"/rendered/*/reassess.ics | wc -l)" -eq "$(ls -d "$scratch"/rendered/*/ | wc -l)"
check "90 days after the assessment" \
	grep -q '^DTSTART;VALUE=DATE:20270201' "$scratch/rendered/fernwick/reassess.ics"
check "overdue: the day after the report date, and said so" \
	sh -c "grep -q '^DTSTART;VALUE=DATE:20261119' '$scratch/rendered/corvane-clinical-cs/reassess.ics' &&
	       tr -d '\r\n ' <'$scratch/rendered/corvane-clinical-cs/reassess.ics' | grep -q 'overdue'"
today=20261118
late=0
for file in "$scratch"/rendered/*/reassess.ics; do
	day=$(sed -n 's/^DTSTART;VALUE=DATE:\([0-9]*\).*/\1/p' "$file")
	[ "$day" -gt "$today" ] || late=$((late + 1))
done
check "no reminder is dated today or earlier" test $late -eq 0
"$binary" render -q -f roadmap --reassess-days 0 -o "$scratch/none" examples/answers
check "--reassess-days 0 writes none" test -z "$(ls "$scratch"/none/*/reassess.ics 2>/dev/null)"
"$binary" render -q -f roadmap --reassess-days 30 -o "$scratch/thirty" examples/answers/fernwick-2026-11-03.xml
check "--reassess-days 30: a month after" \
	grep -q '^DTSTART;VALUE=DATE:20261203' "$scratch/thirty/fernwick/reassess.ics"

[ $failures -eq 0 ]
