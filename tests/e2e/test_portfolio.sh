#!/bin/sh
# The portfolio page and its data over the examples: units rolled up by
# path, the stages quarter by quarter and the teams that moved (expected
# values worked out by hand from the examples' dates and stages), the
# formats that write it, its script allowed by the page's policy, its
# links and its footer.  Usage: tests/e2e/test_portfolio.sh BINARY
binary=$1
. tests/e2e/lib.sh

"$binary" render -q -o "$scratch/all" examples/answers
json="$scratch/all/summary.json"
page="$scratch/all/index.html"

# Units: three teams in each of Americas and EMEA, Fernwick in none; a
# parent counts the teams of its own units and comes right before them.
check "units in path order, parents first" \
	test "$(jq -c '[.units[].unit]' "$json")" = \
	'["Americas","Americas/Enterprise","Americas/Mid-market","EMEA","EMEA/Enterprise","EMEA/Mid-market"]'
check "a unit's teams and stages" \
	test "$(jq -c '.units[] | select(.unit == "EMEA") | [.teams, .stages]' "$json")" = \
	'[3,{"crawl":1,"walk":2,"run":0}]'
# Americas: Corvane 3.29, Ostrander 3.17 and Larkspur 2.38 at their latest.
check "a unit's median overall" \
	test "$(jq '.units[] | select(.unit == "Americas") | .median_overall' "$json")" = 3.17
check "a unit's domain medians" \
	test "$(jq '.units[] | select(.unit == "EMEA/Mid-market") | .median.health_risk == 1' "$json")" = true
check "a team's unit in the team list" \
	test "$(jq -r '.team_list[] | select(.team == "ashgrove-cs") | .unit' "$json")" = EMEA/Enterprise
check "a team without a unit has none" \
	test "$(jq '.team_list[] | select(.team == "fernwick") | has("unit")' "$json")" = false
check "summary.csv has the unit column" \
	grep -q '^"ashgrove-cs","[^"]*","[^"]*","EMEA/Enterprise",' "$scratch/all/summary.csv"

# Quarters.  Larkspur: crawl 2025-03-11 and 2025-09-09, walk 2026-03-10
# and 2026-09-08; Brackenridge: crawl 2025-10-08, walk 2026-10-14;
# Corvane run 2026-06-30; Ashgrove walk, Kettlebrook crawl and Ostrander
# run in 2026-Q3; Fernwick walk 2026-11-03.  So, as crawl/walk/run:
# 2025-Q1 to Q3 1/0/0, 2025-Q4 2/0/0, 2026-Q1 1/1/0 (Larkspur up),
# 2026-Q2 1/1/1, 2026-Q3 2/2/2, 2026-Q4 1/4/2 (Brackenridge up).
jq -r '.quarters[] | "\(.quarter) \(.end) \(.teams) \(.stages.crawl)/\(.stages.walk)/\(.stages.run) \(.up) \(.down)"' \
	"$json" >"$scratch/quarters"
cat >"$scratch/expected" <<'END'
2025-Q1 2025-03-31 1 1/0/0 0 0
2025-Q2 2025-06-30 1 1/0/0 0 0
2025-Q3 2025-09-30 1 1/0/0 0 0
2025-Q4 2025-12-31 2 2/0/0 0 0
2026-Q1 2026-03-31 2 1/1/0 1 0
2026-Q2 2026-06-30 3 1/1/1 0 0
2026-Q3 2026-09-30 6 2/2/2 0 0
2026-Q4 2026-12-31 7 1/4/2 1 0
END
check "the stages at the end of each quarter" cmp -s "$scratch/quarters" "$scratch/expected"
check "the team that moved in the last quarter" \
	test "$(jq -c '.movers' "$json")" = \
	'[{"team":"brackenridge-cs","name":"Brackenridge Ledgerworks Global Customer Success","from":"crawl","to":"walk","direction":"up"}]'
check "a team's history in its summary" \
	test "$(jq -c '[.history[] | .stage]' "$scratch/all/larkspur-cs/summary.json")" = \
	'["crawl","crawl","walk","walk"]'
check "the page names the mover, from and to" \
	grep -q 'Brackenridge Ledgerworks Global Customer Success<br><small>brackenridge-cs</small></th><td><span class="chip stage-crawl">Crawl</span></td><td><span class="chip stage-walk">Walk</span>' "$page"
check "the page has a row a quarter" test "$(grep -o '<th scope="row">20[0-9][0-9]-Q[1-4]</th>' "$page" | wc -l)" -eq 8

# The heatmap: a colour legend in scores, and stage and overall columns.
check "the legend gives each colour's scores" grep -q '<strong>Walk</strong>: 2.00 to below 3.00' "$page"
check "the heatmap has a stage and an overall column" \
	grep -q '<th scope="col">Stage</th><th scope="col" class="num">Overall</th>' "$page"

# Every team's row is in the page as written: complete without the script.
check "every team is in the table without a script" \
	test "$(grep -o '<td data-label="Assessed"' "$page" | wc -l)" -eq 7
check "the reports column links playbooks.md" grep -q 'href="larkspur-cs/playbooks.md"' "$page"
check "each scrolling region can take the keyboard's focus" \
	test "$(grep -o 'class="scroll" role="region" tabindex="0" aria-label="[^"]*"' "$page" | wc -l)" -eq 4

# The script is allowed by its hash in the page's policy, and nothing else.
script=$(python3 -c 'import re, sys; print(re.search(r"<script>(.*?)</script>", open(sys.argv[1], encoding="utf-8").read(), re.S).group(1), end="")' "$page" |
	openssl dgst -sha256 -binary | openssl base64 -A)
check "the policy allows the page's script by its SHA-256" \
	grep -q "script-src 'sha256-$script'\"" "$page"
check "the script is the one in templates/index.js" \
	test "$(openssl dgst -sha256 -binary templates/index.js | openssl base64 -A)" = "$script"
check "no other script is on the page" test "$(grep -o '<script' "$page" | wc -l)" -eq 1

# The footer speaks of a portfolio.
check "the footer counts the teams and the dates" \
	grep -q 'A portfolio of 7 teams, latest assessments from 2026-06-30 to 2026-11-03' "$page"
check "and not of the team assessed" sh -c "! grep -q 'the team assessed' '$page'"

# Formats: roadmap alone still writes the portfolio's data; index on request.
"$binary" render -q -f roadmap -o "$scratch/roadmap" examples/answers
check "-f roadmap writes summary.csv and summary.json" \
	test -s "$scratch/roadmap/summary.csv" -a -s "$scratch/roadmap/summary.json"
check "but no index.html" test ! -e "$scratch/roadmap/index.html"
"$binary" render -q -f roadmap,index -o "$scratch/index" examples/answers
check "-f roadmap,index writes index.html too" grep -q 'Quarter by quarter' "$scratch/index/index.html"
check "and no team report" test ! -e "$scratch/index/larkspur-cs/report.html"
"$binary" render -q -f pdf -o "$scratch/pdf" examples/answers/fernwick-2026-11-03.xml
check "-f pdf writes no index.html" test ! -e "$scratch/pdf/index.html" -a -s "$scratch/pdf/summary.json"
"$binary" render -q -f html -o "$scratch/html" examples/answers/fernwick-2026-11-03.xml
check "-f html brings index.html" test -s "$scratch/html/index.html"

if [ "$failures" -gt 0 ]; then
	echo "test_portfolio: $failures checks failed"
	exit 1
fi
echo "test_portfolio: all checks passed"
