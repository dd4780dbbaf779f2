#!/bin/sh
# The report document both reports are set from: the two outputs say the
# same things, the PDF paginates by its rules, the words come from the
# catalogue (changed once, changed in both; partly translated, the rest
# falls back), the section list reorders and drops sections in both, and
# no sentence of the report is written in the C sources.
# Usage (from the repository root): tests/e2e/test_document.sh BINARY
# shellcheck disable=SC2317 # the check helpers run through check "$@"
binary=$1
if [ -z "$binary" ] || [ ! -x "$binary" ]; then
	echo "usage: tests/e2e/test_document.sh BINARY" >&2
	exit 2
fi
. tests/e2e/lib.sh
checker="python3 tests/e2e/check_report.py"

conforms() { xmllint --noout --relaxng content/schema/document.rng "$1" 2>/dev/null; }

render() { # render OUT [OPTIONS...] ANSWERS...
	render_out=$1
	shift
	"$binary" render -q -f pdf,html --document -o "$render_out" "$@" 2>"$render_out.stderr"
}

# Every team of a rendered folder: pagination and parity, each reported.
check_folder() { # check_folder LABEL OUT
	for folder in "$2"/*/; do
		team=$(basename "$folder")
		[ -f "$folder/document.xml" ] || continue
		check "$1 $team: the document conforms to document.rng" conforms "$folder/document.xml"
		check "$1 $team: no card or domain row split, no page under half full" \
			$checker pages "$folder/report.pdf" "$folder/document.xml"
		check "$1 $team: 95% of sentences in both the HTML and the PDF" \
			$checker parity "$folder/report.pdf" "$folder/report.html" "$folder/document.xml"
		check "$1 $team: journey, targets, playbooks and the move in both" \
			shows_advice "$folder"
	done
}

# The advice fitted to the team, in the PDF and the HTML: the journey
# cards, a metric target, the playbooks and, below the top stage, the
# risks of the move to the next.
shows_advice() { # shows_advice FOLDER
	pdftotext "$1/report.pdf" "$1/report.text" 2>/dev/null || return 1
	for text in 'You are here' 'Target' 'Playbooks'; do
		grep -q "$text" "$1/report.text" && grep -q "$text" "$1/report.html" || return 1
	done
	if grep -q 'Risks of the move' "$1/document.xml"; then
		grep -q 'Risks of the move' "$1/report.text" && grep -q 'Risks of the move' "$1/report.html"
	else
		grep -q 'is the last stage of the model' "$1/report.html"
	fi
}

# The examples with both brands --------------------------------------------
check "render the examples" render "$scratch/default" examples/answers
check_folder default "$scratch/default"
check "render the examples with the Northwind brand" \
	render "$scratch/northwind" --brand templates/brands/northwind-advisory.xml examples/answers
check_folder northwind "$scratch/northwind"
pages=$(pdfinfo "$scratch/default/brackenridge-cs/report.pdf" | sed -n 's/^Pages: *//p')
check "the three-respondent example is at most 20 pages ($pages)" test "$pages" -le 20

# What both say: ties named as ties, an unanswered domain named and left
# out of the chart's outline, the profile on the PDF's cover.
both() { # both TEAM TEXT: TEXT in the PDF's text as drawn (a column at a time) and in the HTML
	pdftotext -raw "$scratch/default/$1/report.pdf" - 2>/dev/null | tr '\n' ' ' | grep -q -- "$2" &&
		grep -q -- "$2" "$scratch/default/$1/report.html"
}
check "ties: the strongest tie, with its score" both kettlebrook-cs 'tie as the strongest, at 1.67'
check "ties: the weakest tie, with its score" both kettlebrook-cs 'tie as the weakest, at 1.00'
check "not assessed: the domain is named in both" both fernwick 'Nobody answered the questions of'
check "not assessed: no point of the chart's outline for it" \
	grep -q 'kind="current" label="[^"]*" values="[0-9. ]* -"' "$scratch/default/fernwick/document.xml"
pdftotext -l 1 "$scratch/default/brackenridge-cs/report.pdf" "$scratch/cover" 2>/dev/null
check "the profile is on the PDF's cover, every parameter given" \
	sh -c "grep -q 'Customers served' '$scratch/cover' && grep -q 'Enterprise customers' '$scratch/cover' &&
		grep -q 'Product complexity' '$scratch/cover'"

# A team assessed four times: its history in the document, four points in
# its trend and three outlines on its radar in both outputs, the change
# since the first assessment next to the change since the last.
history="$scratch/default/larkspur-cs"
xpath() { xmllint --xpath "$1" "$history/document.xml" 2>/dev/null; }
check "history: the trend has four dates" \
	test "$(xpath 'count(//*[local-name()="chart"][@kind="trend"]/*[local-name()="date"])')" = 4
check "history: the overall line has a score at each" \
	test "$(xpath 'string(//*[local-name()="line"][@role="overall"]/@values)')" = "1.46 1.81 2.15 2.38"
check "history: the radar has three of the team's outlines" \
	test "$(xpath 'count(//*[local-name()="chart"][@kind="radar"]/*[local-name()="series"][@kind="current" or @kind="previous"])')" = 3
check "history: four points of the trend in both outputs" \
	$checker chart "$history/report.pdf" "$history/report.html" trend \
	1.46 1.81 2.15 2.38 'March 2025' 'September 2025' 'March 2026' 'September 2026'
check "history: three outlines in the radar's legend in both outputs" \
	$checker chart "$history/report.pdf" "$history/report.html" radar \
	'This assessment, 8 September 2026' 'Previous, 10 March 2026' 'Earlier, 9 September 2025'
check "history: the change since the first beside the change since the last" \
	sh -c "grep -q 'overall since the first assessment' '$history/report.html' &&
		grep -q 'overall since the last assessment' '$history/report.html' &&
		pdftotext '$history/report.pdf' - | grep -q 'overall since the first assessment'"
check "history: a team assessed once has no trend" \
	sh -c "! grep -q 'kind=\"trend\"' '$scratch/default/ashgrove-cs/document.xml'"

# Any number of assessments: twelve, one of them with a domain nobody
# answered; the trend holds them all and labels the first and the last.
mkdir "$scratch/twelve"
for month in 01 02 03 04 05 06 07 08 09 10 11 12; do
	sed -e 's/team="larkspur-cs" date="2025-03-11"/team="twelve" date="2024-'$month'-15"/' \
		examples/answers/larkspur-cs-2025-03-11.xml >"$scratch/twelve/twelve-$month.xml"
done
sed -i '/question="ai_q/d' "$scratch/twelve/twelve-06.xml"
render "$scratch/twelve-out" "$scratch/twelve"
check_folder twelve "$scratch/twelve-out"
check "history: twelve assessments, twelve dates in the trend" \
	test "$(xmllint --xpath 'count(//*[local-name()="chart"][@kind="trend"]/*[local-name()="date"])' \
		"$scratch/twelve-out/twelve/document.xml")" = 12
check "history: the first and the last date labelled in both outputs" \
	$checker chart "$scratch/twelve-out/twelve/report.pdf" "$scratch/twelve-out/twelve/report.html" \
	trend 'January 2024' 'December 2024'

# Targets: a targets file reorders the roadmap as the README says.  For
# brackenridge-cs (Walk) the alignment action and the foundation (AI
# Leverage, below Walk's 2.00) come first either way; after them, without
# targets the weakest domain, with Journey & Lifecycle aimed at 4.00 (a gap
# of 1.22, the rest at most 0.28) Journey, the largest gap times weight.
"$binary" render -q -f roadmap -o "$scratch/unaimed" examples/answers/brackenridge-cs-2026-10-14.xml
render "$scratch/aimed" -f roadmap,pdf,html --targets tests/fixtures/targets/journey.xml \
	examples/answers/brackenridge-cs-2026-10-14.xml
check_folder aimed "$scratch/aimed"
row() { sed -n "$(($2 + 1))p" "$scratch/$1/brackenridge-cs/roadmap.csv" | cut -d, -f3; }
check "targets: the foundation first, with and without" \
	test "$(row unaimed 2)|$(row aimed 2)" = '"AI Leverage in CS"|"AI Leverage in CS"'
check "targets: without them the weakest domain next ($(row unaimed 3))" \
	test "$(row unaimed 3)" = '"CS Culture & Cross-Functional Alignment"'
check "targets: with them the largest gap times weight next ($(row aimed 3))" \
	test "$(row aimed 3)" = '"Journey & Lifecycle"'
aimed="$scratch/aimed/brackenridge-cs"
check "targets: the card says which gap it closes, in both" \
	sh -c "pdftotext '$aimed/report.pdf' - | tr '\n' ' ' | grep -q 'Closes the gap to target in Journey & Lifecycle: 2.78 now, 4.00 aimed for' &&
		grep -q 'Closes the gap to target</strong> in Journey &amp; Lifecycle: 2.78 now, 4.00 aimed for' '$aimed/report.html'"
check "targets: the radar draws the target as its own outline" \
	$checker chart "$aimed/report.pdf" "$aimed/report.html" radar Target
check "targets: the domain breakdown gives the gap, in both" \
	sh -c "pdftotext '$aimed/report.pdf' - | grep -q 'Target 4.00: 1.22 to go' &&
		grep -q 'Target 4.00: 1.22 to go' '$aimed/report.html'"

# Advice that fits the client, in both: whom it is written for, the
# enterprise team's own targets and typical team (not the SMB one), the
# journey, the move to the next stage with its risks, the playbooks, the
# strengths with why they matter, the cards' reasons.
check "profile: the summary says whom the advice is for" \
	both brackenridge-cs 'The advice in this report is fitted to a business at \$20M'
check "profile: the targets are the enterprise book's" both brackenridge-cs 'Target for an enterprise book'
check "profile: the typical team of the team's own segment" both brackenridge-cs 'In an enterprise book, account plans'
check "profile: not another segment's typical team" \
	sh -c "! grep -q 'In an SMB book, a pooled team works' '$scratch/default/brackenridge-cs/report.html'"
check "the path: a card for every stage, the team's marked" both brackenridge-cs 'You are here'
check "the path: the move to Run with its risks" both brackenridge-cs 'Models on weak data'
check "playbooks: the section and a playbook" both brackenridge-cs 'Monthly product feedback review'
check "strengths: why each matters" both brackenridge-cs 'give finance a forecast to plan on'
check "stage actions give their reason" both ashgrove-cs 'the lowest of the domains whose'
"$binary" render -q -f pdf,html,roadmap -o "$scratch/fallen" tests/fixtures/answers/regression 2>/dev/null
regressed() { # regressed TEXT: TEXT in the fallen team's PDF and HTML
	pdftotext "$scratch/fallen/fallowmere-cs/report.pdf" - 2>/dev/null | tr '\n' ' ' | grep -q -- "$1" &&
		grep -q -- "$1" "$scratch/fallen/fallowmere-cs/report.html"
}
check "a fall to an earlier stage is said plainly" regressed 'it has fallen back to Crawl'
check "each domain that fell is named" regressed 'from 2.33 to 1.33'
check "a fall gets an action of its own" regressed 'Find out why Health Scoring'
check "roadmap.md links to playbooks.md" grep -q '](playbooks.md#' "$scratch/fallen/fallowmere-cs/roadmap.md"
check "playbooks.md links to roadmap.md" grep -q '](roadmap.md)' "$scratch/fallen/fallowmere-cs/playbooks.md"

# White label: under a client's brand no page but the appendix's last shows
# the tool's name or version; the running header cuts a name at a word.
pdftotext "$scratch/northwind/brackenridge-cs/report.pdf" "$scratch/northwind.text" 2>/dev/null
check "white label: the tool is named once, in the appendix" \
	test "$(grep -c 'maturity [0-9]' "$scratch/northwind.text")" -eq 1
version=$(sed -n 's/.*<pack [^>]*version="\([^"]*\)".*/\1/p' content/crawl-walk-run/pack.xml)
check "white label: the pack's version ($version) once, in the appendix" \
	test "$(grep -c -F "$version" "$scratch/northwind.text")" -eq 1
check "white label: the brand's title heads the pages" \
	test "$(grep -c 'Customer Success Capability Review' "$scratch/northwind.text")" -ge 10
header=$(pdftotext -f 2 -l 2 -layout "$scratch/default/brackenridge-cs/report.pdf" - | sed -n '1p' |
	sed 's/.*   //')
case $header in
Brackenridge\ Ledgerworks\ Global\ Customer…) pass=0 ;;
*) pass=1 ;;
esac
check "the running header shortens the team's name at a word ($header)" test "$pass" -eq 0

# Thirty sample teams --------------------------------------------------------
"$binary" sample --teams 30 --seed 7 -o "$scratch/sample" >/dev/null 2>&1
check "render 30 sample teams" render "$scratch/samples" "$scratch/sample"
check_folder sample "$scratch/samples"

# No sentence of the report is written in the C sources ---------------------
check "no report sentence is a string literal of generator/" \
	$checker literals "$scratch"/default/*/report.pdf "$scratch"/default/*/report.html \
	-- generator/*.c

# One sentence changed in the catalogue changes in both outputs -------------
mkdir "$scratch/words"
cp -R templates content fonts "$scratch/words/" 2>/dev/null
sed 's|<message id="summary.one-respondent">[^<]*</message>|<message id="summary.one-respondent">A single voice answered for the whole team, so agreement cannot be judged.</message>|' \
	templates/messages.xml >"$scratch/words/templates/messages.xml"
mkdir "$scratch/words/bin"
cp "$binary" "$scratch/words/bin/maturity"
mkdir "$scratch/words/answers"
cp examples/answers/ashgrove-cs-2026-09-10.xml "$scratch/words/answers/"
check "render with one sentence changed" \
	"$scratch/words/bin/maturity" render -q -f pdf,html -o "$scratch/words/out" "$scratch/words/answers"
pdftotext "$scratch/words/out/ashgrove-cs/report.pdf" "$scratch/words/text" 2>/dev/null
tr '\n' ' ' <"$scratch/words/text" >"$scratch/words/flat"
check "the changed sentence is in the PDF" grep -q 'A single voice answered for the whole' "$scratch/words/flat"
check "the changed sentence is in the HTML" \
	grep -q 'A single voice answered for the whole team, so agreement cannot be judged.' \
	"$scratch/words/out/ashgrove-cs/report.html"
check "the old sentence is in neither" sh -c "! grep -q 'agreement within the team cannot' '$scratch/words/flat' '$scratch/words/out/ashgrove-cs/report.html'"

# A partial translation: a handful of messages, the rest from the default --
cat >"$scratch/fr.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<catalogue xmlns="urn:maturity:catalogue:1" lang="fr">
  <message id="summary.title">Synthèse</message>
  <message id="contents.title">Sommaire</message>
  <message id="date.october">octobre</message>
  <message id="figure.people-answered"><plural on="count"><one>personne a répondu</one><other>personnes ont répondu</other></plural></message>
  <message id="page.number">Page {page} sur {pages}</message>
</catalogue>
EOF
check "render with a partial French catalogue" \
	render "$scratch/fr" --messages "$scratch/fr.xml" examples/answers/brackenridge-cs-2026-10-14.xml
pdftotext "$scratch/fr/brackenridge-cs/report.pdf" "$scratch/fr/text" 2>/dev/null
page="$scratch/fr/brackenridge-cs/report.html"
check "translated: the section title in the PDF" grep -q '^Synthèse$' "$scratch/fr/text"
check "translated: the section title in the HTML" grep -q '>Synthèse</h2>' "$page"
check "translated: the month in both" sh -c "grep -q '14 octobre 2026' '$scratch/fr/text' && grep -q '14 octobre 2026' '$page'"
check "translated: the page numbers" grep -q 'Page 2 sur ' "$scratch/fr/text"
check "translated: French plural rules (3 personnes)" grep -q 'personnes ont répondu' "$page"
check "translated: the page's language" grep -q '<html lang="fr">' "$page"
check "not translated: the rest falls back to the default" \
	sh -c "grep -q 'Domain breakdown' '$page' && grep -q 'Domain breakdown' '$scratch/fr/text'"

# A catalogue that names what the report does not have fails at once --------
sed 's|</catalogue>|<message id="summary.titel">Oops</message></catalogue>|' "$scratch/fr.xml" >"$scratch/bad.xml"
"$binary" render -q -o "$scratch/bad" --messages "$scratch/bad.xml" examples/answers >/dev/null 2>"$scratch/bad.stderr"
check "an unknown message id: status 2" test $? -eq 2
check "an unknown message id: FILE:LINE names it" \
	grep -q 'bad.xml:[0-9]*: error: message "summary.titel" is not one the report uses' "$scratch/bad.stderr"
check "an unknown message id: nothing written" test ! -e "$scratch/bad/brackenridge-cs"
sed 's|Page {page} sur {pages}|Page {page} sur {total}|' "$scratch/fr.xml" >"$scratch/bad2.xml"
"$binary" render -q -o "$scratch/bad2" --messages "$scratch/bad2.xml" examples/answers >/dev/null 2>"$scratch/bad2.stderr"
check "an unknown placeholder: named with the message's own" \
	grep -q 'error: message "page.number": {total} is not one of its placeholders (page pages)' "$scratch/bad2.stderr"

# The section list: the roadmap first, no appendix, in both outputs ---------
cat >"$scratch/sections.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<sections xmlns="urn:maturity:sections:1">
  <section id="cover"/>
  <section id="roadmap" page="new"/>
  <section id="summary"/>
  <section id="domains"/>
</sections>
EOF
check "render with a section list of its own" \
	render "$scratch/sections" --sections "$scratch/sections.xml" examples/answers/brackenridge-cs-2026-10-14.xml
pdftotext "$scratch/sections/brackenridge-cs/report.pdf" "$scratch/sections/text" 2>/dev/null
page="$scratch/sections/brackenridge-cs/report.html"
order_pdf=$(grep -n -E '^(Priority-action roadmap|Executive summary|Domain breakdown)$' "$scratch/sections/text" | cut -d: -f2 | tr '\n' '|')
check "sections: the roadmap first in the PDF ($order_pdf)" \
	test "$order_pdf" = "Priority-action roadmap|Executive summary|Domain breakdown|"
order_html=$(grep -o -E '<h2 id="[a-z]+-title">' "$page" | tr '\n' '|')
check "sections: the roadmap first in the HTML" \
	test "$order_html" = '<h2 id="roadmap-title">|<h2 id="summary-title">|<h2 id="domains-title">|'
check "sections: no appendix in the PDF" sh -c "! grep -q 'Answers by domain' '$scratch/sections/text'"
check "sections: no appendix in the HTML" sh -c "! grep -q 'Answers by domain' '$page'"
check "sections: the roadmap is numbered 1" grep -q '^Section 1$' "$scratch/sections/text"

if [ "$failures" -gt 0 ]; then
	echo "test_document: $failures checks failed"
	exit 1
fi
echo "test_document: all checks passed"
