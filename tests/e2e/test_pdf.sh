#!/bin/sh
# The PDF report, checked with tools that share no code with it: qpdf
# (structure, outline), pdffonts (embedding), pdftotext (content) and
# pdfinfo (metadata, destinations).  Renders examples/answers twice for
# byte identity, then a hostile answer set (a 5,000-character name with
# markup characters, right-to-left text, combining marks and emoji).
# Prints one line per check, "ok ..." or "FAIL ...", and exits non-zero
# when any check fails.
# Usage: tests/e2e/test_pdf.sh BINARY   (from the repository root)
binary=${1:?usage: tests/e2e/test_pdf.sh BINARY}
pack=content/crawl-walk-run
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM
failures=0
export SOURCE_DATE_EPOCH=1795000000

pass() { echo "ok $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() { # check DESCRIPTION COMMAND...: passes when COMMAND succeeds
	description=$1
	shift
	if "$@" >/dev/null 2>&1 </dev/null; then pass "$description"; else fail "$description"; fi
}

# Runs the binary, never for longer than five minutes.
maturity() {
	timeout 300 "$binary" "$@"
}

# The text of a PDF on one line, whitespace collapsed, so that a phrase
# wrapped across lines is still found.
pdf_text() {
	pdftotext -enc UTF-8 "$1" - 2>/dev/null | tr '\n\f\t' '   ' | tr -s ' '
}

# True when the one-line text in file $1 contains the phrase $2.
contains() {
	phrase=$(printf '%s' "$2" | tr -s ' ')
	grep -F -q -- "$phrase" "$1"
}

# XML character entities back to characters.
xml_unescape() {
	sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&amp;/\&/g'
}

# The label of stage id $1 in the pack.
stage_label() {
	awk -v id="$1" '
		index($0, "<stage id=\"" id "\"") { found = 1; next }
		found && /<label>/ { sub(/.*<label>/, ""); sub(/<\/label>.*/, ""); print; exit }
	' "$pack/pack.xml" | xml_unescape
}

# The title column (the fifth) of a roadmap.csv, one title per line;
# fields may be quoted with doubled quotes inside.
csv_titles() {
	tr -d '\r' <"$1" | awk 'NR > 1 {
		field = 1; value = ""; quoted = 0
		for (i = 1; i <= length($0); i++) {
			c = substr($0, i, 1)
			if (quoted) {
				if (c == "\"" && substr($0, i + 1, 1) == "\"") { value = value c; i++ }
				else if (c == "\"") quoted = 0
				else value = value c
			} else if (c == "\"") quoted = 1
			else if (c == ",") { if (field == 5) break; field++; value = "" }
			else value = value c
		}
		if (field == 5) print value
	}'
}

# Structure, fonts and metadata of one PDF.
check_structure() { # check_structure NAME PDF
	if qpdf --check "$2" >"$scratch/qpdf.out" 2>&1 && ! grep -q WARNING "$scratch/qpdf.out"; then
		pass "$1: qpdf --check"
	else
		fail "$1: qpdf --check"
		sed 's/^/    /' "$scratch/qpdf.out" | head -5
	fi
	pdffonts "$2" >"$scratch/fonts.out" 2>/dev/null
	fonts=$(awk 'NR > 2' "$scratch/fonts.out" | wc -l)
	# The "emb" column is the fifth from the end, whatever the font names.
	unembedded=$(awk 'NR > 2 && $(NF - 4) != "yes"' "$scratch/fonts.out" | wc -l)
	if [ "$fonts" -gt 0 ] && [ "$unembedded" -eq 0 ]; then
		pass "$1: all $fonts fonts embedded"
	else
		fail "$1: fonts embedded ($unembedded of $fonts not)"
	fi
	pdfinfo "$2" >"$scratch/info.out" 2>/dev/null
	for field in Title Author Creator; do
		check "$1: pdfinfo $field" grep -E -q "^$field: +[^ ]" "$scratch/info.out"
	done
	check "$1: Creator is maturity" grep -E -q '^Creator: +maturity [0-9]' "$scratch/info.out"
	check "$1: creation date is the report date" \
		grep -E -q '^CreationDate: .* Nov 18 00:00:00 2026' "$scratch/info.out"
}

# The report of examples/answers ---------------------------------------------
out="$scratch/a"
if maturity render -q -f pdf,roadmap -o "$out" examples/answers >"$scratch/render.out" 2>&1; then
	pass "render examples/answers -f pdf,roadmap"
else
	fail "render examples/answers -f pdf,roadmap"
	sed 's/^/    /' "$scratch/render.out" | head -10
fi

# Each team's newest assessment: team, name and stage id from `score`.
maturity score --json examples/answers >"$scratch/scores.json" 2>/dev/null
jq -r '[.team, .name] | @tsv' "$scratch/scores.json" | paste - "$scratch/scores.json" |
	awk -F'\t' '{ last[$1] = $0 } END { for (team in last) print last[team] }' |
	sort >"$scratch/teams"
if [ -s "$scratch/teams" ]; then pass "score --json lists the teams"; else fail "score --json"; fi

# The domain labels, from the pack's own files.
for file in "$pack"/domains/*.xml; do
	sed -n 's:.*<label>\(.*\)</label>.*:\1:p' "$file" | head -1 | xml_unescape
done >"$scratch/domains"
check "the pack has eight domains" test "$(wc -l <"$scratch/domains")" -eq 8

while IFS="$(printf '\t')" read -r team name line; do
	pdf="$out/$team/report.pdf"
	if [ ! -f "$pdf" ]; then
		fail "$team: report.pdf written"
		continue
	fi
	pass "$team: report.pdf written"
	check_structure "$team" "$pdf"
	pdf_text "$pdf" >"$scratch/text"

	# What the report must say.
	check "$team: the team name" contains "$scratch/text" "$name"
	stage=$(printf '%s\n' "$line" | sed -n 's/.*"stage": "\([^"]*\)".*/\1/p')
	label=$(stage_label "$stage")
	check "$team: the stage label \"$label\"" contains "$scratch/text" "is at $label, stage"
	missing=0
	while IFS= read -r domain; do
		contains "$scratch/text" "$domain" || { missing=$((missing + 1)); echo "    missing: $domain"; }
	done <"$scratch/domains"
	check "$team: all eight domain labels" test "$missing" -eq 0
	if printf '%s' "$line" | grep -q ': null'; then
		check "$team: an unassessed domain shows as not assessed" \
			contains "$scratch/text" "not assessed"
	fi
	csv_titles "$out/$team/roadmap.csv" >"$scratch/titles"
	titles=$(wc -l <"$scratch/titles")
	missing=0
	while IFS= read -r title; do
		contains "$scratch/text" "$title" || { missing=$((missing + 1)); echo "    missing: $title"; }
	done <"$scratch/titles"
	if [ "$titles" -gt 0 ] && [ "$missing" -eq 0 ]; then
		pass "$team: all $titles roadmap action titles"
	else
		fail "$team: roadmap action titles ($missing of $titles missing)"
	fi

	# Pagination: "Page N of M" on the last page, from the two passes.
	pages=$(sed -n 's/^Pages: *//p' "$scratch/info.out")
	check "$team: the last page says Page $pages of $pages" \
		sh -c "pdftotext -f $pages -l $pages '$pdf' - | grep -q 'Page $pages of $pages'"

	# Navigation: every section in the contents is in the outline and is a
	# named destination.
	qpdf --json --json-key=outlines "$pdf" >"$scratch/outline.json" 2>/dev/null
	pdfinfo -dests "$pdf" >"$scratch/dests" 2>/dev/null
	pdftotext -f 2 -l 2 "$pdf" - >"$scratch/contents" 2>/dev/null
	for section in "Cover" "Contents" "Executive summary" "Strengths" "Domain profile" \
		"Domain breakdown" "The current stage" "Priority-action roadmap" "Appendix"; do
		case $section in
		Cover)
			# The cover's entry is the team's name.
			check "$team: outline has the cover" grep -q "\"title\": \"$name\"" "$scratch/outline.json"
			continue
			;;
		Contents) ;;
		Strengths) grep -q "^$section\$" "$scratch/contents" || continue ;;
		*) check "$team: contents lists $section" grep -q "^$section" "$scratch/contents" ;;
		esac
		check "$team: outline has $section" grep -q "\"title\": \"$section" "$scratch/outline.json"
	done
	for dest in cover contents summary profile domains stage roadmap appendix; do
		check "$team: destination $dest" grep -q "\"$dest\"" "$scratch/dests"
	done
done <"$scratch/teams"

# The same inputs give the same bytes.
if maturity render -q -f pdf -o "$scratch/b" examples/answers >/dev/null 2>&1; then
	for pdf in "$out"/*/report.pdf; do
		team=$(basename "$(dirname "$pdf")")
		check "$team: two renders are byte-identical" cmp -s "$pdf" "$scratch/b/$team/report.pdf"
	done
else
	fail "second render of examples/answers"
fi
check "no temporary files left" test -z "$(find "$out" "$scratch/b" -name '.*.??????' -type f)"

# Glyphs sit at the font's own advances, not rounded to whole points: in
# the text operators, a position correction (the number between two
# strings of a TJ array) is then a kerning pair (one letter in eight
# here), not nearly every glyph (more than one a letter when rounded).
qpdf --qdf --object-streams=disable "$out/kettlebrook-cs/report.pdf" "$scratch/qdf.pdf" 2>/dev/null
corrections=$(grep -a -o ')-\{0,1\}[0-9][0-9]*(' "$scratch/qdf.pdf" | wc -l)
characters=$(grep -a -o '([^()]*)' "$scratch/qdf.pdf" | tr -d -c 'a-zA-Z' | wc -c)
check "glyph positions are not rounded ($corrections corrections, $characters letters)" \
	test "$corrections" -gt 0 -a "$((corrections * 5))" -lt "$characters"

# A report that cannot be written leaves nothing behind ----------------------
mkdir -p "$scratch/c/fernwick/report.pdf"
if maturity render -q -f pdf -o "$scratch/c" examples/answers/fernwick-2026-11-03.xml \
	>/dev/null 2>"$scratch/c.err"; then
	fail "an unwritable report.pdf is an error"
else
	pass "an unwritable report.pdf is an error"
fi
check "the error names report.pdf" grep -q 'fernwick/report.pdf: error' "$scratch/c.err"
check "no temporary file after the failure" test -z "$(find "$scratch/c" -name '.*.??????' -type f)"

# A hostile answer set ----------------------------------------------------------
# The name: 18 chunks of 266 characters and 212 more, 5,000 in all.
mkdir -p "$scratch/hostile"
run=$(awk 'BEGIN { for (i = 0; i < 180; i++) printf "A" }')
chunk="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot; &apos; فريق نجاح العملاء צוות הצלחת לקוחות é̃ a̸̧ 👩‍💻🚀🇫🇷 $run "
name=""
count=0
while [ $count -lt 18 ]; do
	name="$name$chunk"
	count=$((count + 1))
done
name="$name$(awk 'BEGIN { for (i = 0; i < 212; i++) printf "B" }')"
long_word=$(awk 'BEGIN { for (i = 0; i < 3000; i++) printf "W" }')
{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	echo '<assessment xmlns="urn:maturity:answers:1" team="hostile" date="2026-10-01">'
	echo "  <name>$name</name>"
	echo "  <organization>مؤسسة &lt;b&gt;الاختبار&lt;/b&gt; &amp; שות׳ 😀</organization>"
	for respondent in one two; do
		echo "  <respondent id=\"$respondent\" role=\"מנהל &lt;i&gt;הצלחת&lt;/i&gt; לקוחות 👩‍💼\">"
		score=1
		for domain in sc jl hr md ev os ca ai; do
			for number in 1 2 3; do
				echo "    <answer question=\"${domain}_q$number\" score=\"$score\"/>"
				score=$((score % 4 + 1))
			done
		done
		echo "    <comment question=\"hr_q1\">$long_word تعليق 🎉 &lt;script&gt;&amp;</comment>"
		echo "  </respondent>"
	done
	echo '</assessment>'
} >"$scratch/hostile/hostile.xml"

if maturity render -q -f pdf -o "$scratch/h" "$scratch/hostile" >"$scratch/h.out" 2>&1; then
	pass "hostile: render"
else
	fail "hostile: render"
	sed 's/^/    /' "$scratch/h.out" | head -10
fi
if [ -f "$scratch/h/hostile/report.pdf" ]; then
	pass "hostile: report.pdf written"
	check_structure "hostile" "$scratch/h/hostile/report.pdf"
	pdf_text "$scratch/h/hostile/report.pdf" >"$scratch/text"
	check "hostile: markup characters print as text" \
		contains "$scratch/text" '<script>alert("x")</script>'
	check "hostile: the long name is wrapped, not cut" \
		test "$(grep -o AAAAAAAAAA "$scratch/text" | wc -l)" -ge 100
else
	fail "hostile: report.pdf written"
fi

# Twelve respondents: each question's line of levels is too long for one
# line of parts and wraps as a paragraph, every respondent still in it.
mkdir -p "$scratch/many"
{
	sed -n '1,5p' examples/answers/brackenridge-cs-2026-10-14.xml
	for number in 01 02 03 04 05 06 07 08 09 10 11 12; do
		sed -n '/<respondent id="dana.okafor"/,/<\/respondent>/p' \
			examples/answers/brackenridge-cs-2026-10-14.xml |
			sed "s/id=\"dana.okafor\"/id=\"respondent-$number-of-a-panel\"/"
	done
	echo '</assessment>'
} >"$scratch/many/brackenridge-cs-2026-10-14.xml"
maturity render -q -f pdf -o "$scratch/many/out" "$scratch/many/brackenridge-cs-2026-10-14.xml"
pdftotext "$scratch/many/out/brackenridge-cs/report.pdf" "$scratch/many/text" 2>/dev/null
check "twelve respondents: each question's levels name the last respondent" \
	test "$(grep -o 'respondent-12-of-a-panel' "$scratch/many/text" | wc -l)" -ge 24
check "twelve respondents: each question gives its mean" \
	test "$(grep -o 'Mean [1-4]\.[0-9][0-9]' "$scratch/many/text" | wc -l)" -eq 24

# A large logo is kept to 300 pixels an inch at the size the cover prints
# it (44 points tall: 184 pixels), not embedded at full size.
maturity render -q --chart-png -f html -o "$scratch/big" examples/answers/kettlebrook-cs-2026-09-22.xml
sed 's|<logo>logo.png</logo>|<logo>big.png</logo>|' templates/brand.xml >"$scratch/big/brand.xml"
cp "$scratch/big/kettlebrook-cs/chart.png" "$scratch/big/big.png"
maturity render -q -f pdf -b "$scratch/big/brand.xml" -o "$scratch/big/out" \
	examples/answers/kettlebrook-cs-2026-09-22.xml
pdfimages -list "$scratch/big/out/kettlebrook-cs/report.pdf" 2>/dev/null |
	awk '$3 == "image" { print $4, $5 }' | sort -u >"$scratch/big/sizes"
check "a 1040x820 logo is embedded once, resampled to 184 pixels tall" \
	test "$(cat "$scratch/big/sizes")" = "233 184"

# Names in scripts the brand's font lacks: fontconfig holds only the
# application's fonts, the brand's and the fallback families (fonts.h), so
# Japanese, Arabic and emoji must come from those, never as empty boxes.
mkdir -p "$scratch/scripts"
sed 's|<name>[^<]*</name>|<name>東京チーム فريق النجاح 🚀🎉</name>|' \
	examples/answers/fernwick-2026-11-03.xml >"$scratch/scripts/fernwick-2026-11-03.xml"
maturity render -q -f pdf -o "$scratch/scripts/out" "$scratch/scripts/fernwick-2026-11-03.xml"
scripts_pdf="$scratch/scripts/out/fernwick/report.pdf"
pdffonts "$scripts_pdf" >"$scratch/scripts/fonts" 2>/dev/null
pdftotext -enc UTF-8 "$scripts_pdf" "$scratch/scripts/text" 2>/dev/null
check "scripts: the Japanese comes from Noto Sans CJK" grep -q 'NotoSansCJK' "$scratch/scripts/fonts"
check "scripts: the Arabic comes from DejaVu Sans" grep -q 'DejaVuSans' "$scratch/scripts/fonts"
check "scripts: the emoji come from Symbola" grep -q 'Symbola' "$scratch/scripts/fonts"
check "scripts: the Japanese reads back as text" grep -q '東京チーム' "$scratch/scripts/text"
# pdftotext may give right-to-left words in either order of letters.
check "scripts: the Arabic reads back as text" \
	grep -q -e 'النجاح' -e 'حاجنلا' "$scratch/scripts/text"
check "scripts: the emoji read back as text" grep -q '🚀' "$scratch/scripts/text"

if [ $failures -eq 0 ]; then
	echo "test_pdf: all checks passed"
else
	echo "test_pdf: $failures checks failed"
fi
[ $failures -eq 0 ]
