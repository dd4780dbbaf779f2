#!/bin/sh
# Answers from where they live: survey CSV and share links, and back.
# Usage: tests/e2e/test_import.sh BINARY
binary=$1
. tests/e2e/lib.sh
payload() { # the d= parameter of a link
	printf '%s\n' "${1#*d=}"
}

# CSV -> XML -> score equals scoring the CSV directly.
for survey in survey labels; do
	mapping=""
	[ $survey = labels ] && mapping="--mapping tests/fixtures/csv/labels-mapping.csv"
	# shellcheck disable=SC2086
	"$binary" import -q csv $mapping "tests/fixtures/csv/$survey.csv" -o "$scratch/$survey" 2>/dev/null
	# shellcheck disable=SC2086
	"$binary" score --json $mapping "tests/fixtures/csv/$survey.csv" >"$scratch/$survey.direct" 2>/dev/null
	"$binary" score --json "$scratch/$survey" >"$scratch/$survey.converted"
	check "$survey.csv: converting then scoring equals scoring the CSV" \
		cmp -s "$scratch/$survey.direct" "$scratch/$survey.converted"
	check "$survey.csv: the converted answer sets are valid" "$binary" validate -q "$scratch/$survey"
done
check "a quoted name with a comma and quotes survives" \
	grep -q 'ACME EMEA "Customer Success", Europe' "$scratch/survey/acme-emea-2026-11-01.xml"
check "a role with a line break survives" grep -q 'Head of CS' "$scratch/survey/beacon-2026-10-15.xml"

# A bad cell rejects its team only.
"$binary" import -q csv tests/fixtures/csv/bad-cells.csv -o "$scratch/bad" 2>/dev/null
check "a bad cell gives status 1" test $? -eq 1
check "the team with the bad cell is not written" test ! -e "$scratch/bad/bad-team-2026-11-01.xml"
check "the other team is" test -s "$scratch/bad/ok-team-2026-11-01.xml"

# render reads a CSV directly, and re-runs incrementally.
"$binary" render -q -f html,roadmap -o "$scratch/render" tests/fixtures/csv/survey.csv 2>/dev/null
check "render takes a CSV" test -s "$scratch/render/acme-emea/report.html" -a -s "$scratch/render/beacon/roadmap.md"
"$binary" render -f html,roadmap -o "$scratch/render" tests/fixtures/csv/survey.csv 2>"$scratch/again.err"
check "a CSV re-run with nothing changed renders nothing" grep -q ' 0 rendered, 2 unchanged' "$scratch/again.err"

# link -> XML -> link keeps the payload, for every example.
for answers in examples/answers/*.xml; do
	name=$(basename "$answers" .xml)
	link=$("$binary" export link "$answers" 2>/dev/null)
	"$binary" import -q link "$link" --team round-trip -o "$scratch/link-$name"
	again=$("$binary" export link "$scratch/link-$name"/*.xml)
	check "$name: link -> answer set -> link keeps the payload" \
		test "$(payload "$link")" = "$(payload "$again")"
done
link=$("$binary" export link examples/answers/ostrander-cs-2026-08-19.xml)
check "a link opens the default page" test "${link%%\?*}" = "https://distilledcs.com/assessment"
"$binary" import -q link "$(payload "$link")" --team bare -o "$scratch/bare"
check "the payload alone imports too" test -s "$scratch/bare/bare-2026-08-19.xml"
check "the company becomes name and organisation" \
	grep -q '<organization>Ostrander Freightworks</organization>' "$scratch/bare/bare-2026-08-19.xml"
"$binary" export link examples/answers/brackenridge-cs-2026-10-14.xml >/dev/null 2>"$scratch/means.err"
check "several respondents: the rounded means are said on stderr" grep -q 'note: 3 respondents' "$scratch/means.err"

# Answer sets with the former profile ids still validate, with warnings.
"$binary" validate tests/fixtures/answers/old-profile-ids.xml 2>"$scratch/old.err"
check "an answer set with former ids is valid" test $? -eq 0
check "... each former id is a warning naming the new one" \
	test "$(grep -c 'warning: profile .* is read as' "$scratch/old.err")" -eq 3

[ $failures -eq 0 ]
