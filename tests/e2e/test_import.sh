#!/bin/sh
# Answers from where they live: survey CSV and share links, and back.
# Usage: tests/e2e/test_import.sh BINARY
binary=$1
. tests/e2e/lib.sh
payload() { # the d= parameter of a link
	printf '%s\n' "${1#*d=}"
}
site_link() { # site_link JSON: a link to the site's report page, as its encoder makes them
	printf 'https://distilledcs.org/cs-maturity-report/?d=%s\n' \
		"$(printf '%s' "$1" | base64 -w0 | tr '+/' '-_' | tr -d '=')"
}
decode_link() { # decode_link LINK: its payload as JSON
	data=$(payload "$1" | tr -- '-_' '+/')
	while [ $((${#data} % 4)) -ne 0 ]; do data="$data="; done
	printf '%s' "$data" | base64 -d
}
json_is() { # json_is FILTER FILE: true when jq's FILTER holds for FILE
	jq -e "$1" "$2" >/dev/null
}
site_score() { # site_score "sc_q1=2 ...": overall and /10 by the site's rule
	printf '%s\n' "$1" | awk '
	function hundredths(x) { return int(x * 100 + 0.5) / 100 }
	{ for (i = 1; i <= NF; i++) { split($i, pair, "="); domain = substr(pair[1], 1, 2)
	      sum[domain] += pair[2]; count[domain]++ } }
	END {
		split("sc jl hr md ev os ca ai", domains, " ")
		for (i = 1; i <= 8; i++)
			if (count[domains[i]] > 0) { total += hundredths(sum[domains[i]] / count[domains[i]]); assessed++ }
		overall = hundredths(total / assessed)
		# toFixed(1): the exact decimals of the double, a half going up.
		split(sprintf("%.60f", overall * 2.5), part, ".")
		tenths = part[1] * 10 + substr(part[2], 1, 1) + (substr(part[2], 2, 1) + 0 >= 5)
		printf "%s %s\n", overall, tenths / 10 }'
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
check "a link opens the default page" test "${link%%\?*}" = "https://distilledcs.org/cs-maturity-report/"
"$binary" import -q link "$(payload "$link")" --team bare -o "$scratch/bare"
check "the payload alone imports too" test -s "$scratch/bare/bare-2026-08-19.xml"
check "the company becomes name and organisation" \
	grep -q '<organization>Ostrander Freightworks</organization>' "$scratch/bare/bare-2026-08-19.xml"
"$binary" export link examples/answers/brackenridge-cs-2026-10-14.xml >/dev/null 2>"$scratch/means.err"
check "several respondents: the rounded means are said on stderr" grep -q 'warning: 3 respondents' "$scratch/means.err"

# Links as the site makes them: every option of every profile parameter.
for parameter in \
	"company_arr arr_under_5m arr_5m_20m arr_20m_100m arr_over_100m" \
	"customer_segment seg_smb seg_midmarket seg_enterprise seg_mixed" \
	"industry_vertical ind_b2b_saas ind_b2c_saas ind_infra_platform ind_services ind_other" \
	"product_complexity complexity_low complexity_moderate complexity_high" \
	"cs_team_age age_under_1y age_1_3y age_over_3y" \
	"cs_team_size size_1_3 size_4_10 size_11_25 size_over_25" \
	"cs_ops_exists ops_no ops_partial ops_yes"; do
	set -- $parameter
	name=$1
	shift
	for option in "$@"; do
		link=$(site_link "{\"v\":1,\"c\":\"Acme Corp\",\"p\":{\"$name\":\"$option\"},\"r\":{\"sc_q1\":3,\"jl_q2\":2},\"t\":\"2026-05-15T12:30:00.000Z\"}")
		"$binary" import link "$link" --team "site-$option" -o "$scratch/site" 2>"$scratch/site.err" >/dev/null
		status=$?
		check "a site link with $name=$option imports without a warning" \
			sh -c "test $status -eq 0 && ! grep -q warning '$scratch/site.err'"
		check "... and its answer set says $name=\"$option\"" \
			grep -q "$name=\"$option\"" "$scratch/site/site-$option-2026-05-15.xml"
	done
done
"$binary" validate -q "$scratch/site"
check "every imported answer set is valid" test $? -eq 0

# Scores from imported links equal the site's rule (2.02 and 2.34 show 5.0 and 5.8).
for answers in \
	"sc_q1=1 sc_q2=1 jl_q1=2 jl_q2=3 hr_q1=1 hr_q2=4 md_q1=1 ev_q1=1 ev_q2=2 os_q1=2 os_q2=3 ca_q1=1 ca_q2=3 ca_q3=4 ai_q1=2 ai_q2=3" \
	"sc_q1=2 sc_q2=2 sc_q3=4 jl_q1=1 jl_q2=3 jl_q3=4 hr_q1=2 hr_q2=3 hr_q3=3 md_q1=1 md_q2=4 md_q3=4 ev_q1=2 ev_q2=2 ev_q3=4 os_q1=1 os_q2=1 os_q3=4 ca_q1=1 ca_q2=1 ca_q3=2 ai_q1=1 ai_q2=2 ai_q3=2" \
	"sc_q1=4 sc_q2=3 jl_q1=2 hr_q3=1 md_q2=3 ev_q1=4 os_q3=2 ca_q2=3 ai_q1=1"; do
	responses=$(printf '%s' "$answers" | sed 's/\([a-z]*_q[0-9]\)=\([0-9]\)/"\1":\2/g; s/ /,/g')
	rm -rf "$scratch/scored"
	"$binary" import -q link "$(site_link "{\"v\":1,\"r\":{$responses},\"t\":1763164800000}")" \
		--team scored -o "$scratch/scored"
	set -- $(site_score "$answers")
	check "overall $1 shows $2 out of 10, as on the site" \
		sh -c "'$binary' score --json '$scratch/scored' | jq -e --argjson o $1 --argjson s $2 \
			'.overall == \$o and .score10 == \$s and .date == \"2025-11-15\"' >/dev/null"
done
check "the rule gives the cited scores: 2.02 shows 5.0" \
	test "$(site_score "sc_q1=1 sc_q2=1 jl_q1=2 jl_q2=3 hr_q1=1 hr_q2=4 md_q1=1 ev_q1=1 ev_q2=2 os_q1=2 os_q2=3 ca_q1=1 ca_q2=3 ca_q3=4 ai_q1=2 ai_q2=3")" = "2.02 5"

# One unknown question and one unknown option: the rest, with two warnings.
link=$(site_link '{"v":1,"c":"Acme Corp","p":{"customer_segment":"seg_enterprise","cs_ops_exists":"ops_sometimes"},"r":{"sc_q1":3,"zz_q9":2,"hr_q2":4},"t":"2026-05-15T12:30:00.000Z"}')
"$binary" import link "$link" --team lenient -o "$scratch/lenient" 2>"$scratch/lenient.err"
check "a link with two unknowns still imports (status 0)" test $? -eq 0
check "... with exactly two warnings" test "$(grep -c '^maturity: link: warning: ' "$scratch/lenient.err")" -eq 2
check "... and keeps the rest" \
	sh -c "grep -q 'customer_segment=\"seg_enterprise\"' '$scratch/lenient/lenient-2026-05-15.xml' &&
		test \$(grep -c '<answer ' '$scratch/lenient/lenient-2026-05-15.xml') -eq 2"
"$binary" import -q link "$(site_link '{"v":1,"r":{"zz_q9":2}}')" --team nothing -o "$scratch/nothing" 2>/dev/null
check "a link with nothing usable gives status 1" test $? -eq 1

# Exported links decode to the site's keys and ids, at its report page.
link=$("$binary" export link examples/answers/ostrander-cs-2026-08-19.xml)
check "an exported link's path is /cs-maturity-report/" \
	sh -c "printf '%s' '$link' | grep -q '^https://distilledcs.org/cs-maturity-report/?d='"
decode_link "$link" >"$scratch/exported.json"
check "it decodes to the keys v, c, p, r, t" \
	json_is 'keys == ["c", "p", "r", "t", "v"] and .v == 1' "$scratch/exported.json"
check "its profile has the site's parameter and option ids" \
	json_is '.p == {"company_arr": "arr_5m_20m", "customer_segment": "seg_midmarket",
		"industry_vertical": "ind_b2b_saas", "product_complexity": "complexity_moderate",
		"cs_team_age": "age_over_3y", "cs_team_size": "size_4_10", "cs_ops_exists": "ops_yes"}' \
	"$scratch/exported.json"
check "its answers are the answer set's" \
	sh -c "jq -r '.r | to_entries[] | \"question=\\\"\\(.key)\\\" score=\\\"\\(.value)\\\"\"' '$scratch/exported.json' |
		sort >'$scratch/exported.answers' &&
		grep -o 'question=\"[a-z_0-9]*\" score=\"[1-4]\"' examples/answers/ostrander-cs-2026-08-19.xml |
		sort | cmp -s - '$scratch/exported.answers'"
check "its timestamp is written as the site writes it" \
	json_is '.t == "2026-08-19T00:00:00.000Z"' "$scratch/exported.json"

# --respondent: one respondent's own answers, and no warning.
link=$("$binary" export link --respondent miguel.serrano examples/answers/brackenridge-cs-2026-10-14.xml 2>"$scratch/one.err")
check "--respondent exports without a warning" test ! -s "$scratch/one.err"
decode_link "$link" | jq -r '.r | to_entries[] | "question=\"\(.key)\" score=\"\(.value)\""' | sort >"$scratch/miguel.json"
sed -n '/<respondent id="miguel.serrano"/,/<\/respondent>/p' examples/answers/brackenridge-cs-2026-10-14.xml |
	grep -o 'question="[a-z_0-9]*" score="[1-4]"' | sort >"$scratch/miguel.xml"
check "--respondent carries that respondent's answers" cmp -s "$scratch/miguel.json" "$scratch/miguel.xml"
"$binary" export link --respondent nobody examples/answers/brackenridge-cs-2026-10-14.xml >/dev/null 2>&1
check "--respondent with an unknown id gives status 1" test $? -eq 1

# Answer sets with the former profile ids still validate, with warnings.
"$binary" validate tests/fixtures/answers/old-profile-ids.xml 2>"$scratch/old.err"
check "an answer set with former ids is valid" test $? -eq 0
check "... each former id is a warning naming the new one" \
	test "$(grep -c 'warning: profile .* is read as' "$scratch/old.err")" -eq 3

[ $failures -eq 0 ]
