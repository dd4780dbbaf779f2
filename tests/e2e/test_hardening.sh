#!/bin/sh
# Hostile input and hostile conditions: output that cannot be written, a
# full disk, markup in names and content, entities that point elsewhere;
# then links below OUT, formulas in CSV, named pipes, decompression bombs,
# huge answer sets, reserved names, imports, control characters, logos
# outside the brand's folder, and signals.
# Usage: tests/e2e/test_hardening.sh BINARY
binary=$1
. tests/e2e/lib.sh
# A folder that exists and holds no temporary file.
no_temporary_files() { test -d "$1" && test -z "$(find "$1" -name '.*.??????')"; }
# A file that exists and does not match a pattern.
lacks() { test -s "$2" && ! grep -q -- "$1" "$2"; }
# An answer set for team with its name and one answer.
answer_set() { # answer_set TEAM NAME
	printf '<assessment xmlns="urn:maturity:answers:1" team="%s" date="2026-11-01">\n' "$1"
	printf '  <name>%s</name>\n' "$2"
	printf '  <respondent id="alice"><answer question="sc_q1" score="3"/></respondent>\n'
	printf '</assessment>\n'
}

# An output folder that cannot be created: its parent is a file.
touch "$scratch/file"
"$binary" render -q -f roadmap -o "$scratch/file/out" examples/answers 2>"$scratch/unwritable.err"
check "an unwritable output folder gives status 3" test $? -eq 3
check "and says which folder, once" test "$(grep -c "file/out: error: cannot create folder: Not a directory" "$scratch/unwritable.err")" -eq 1

# A full disk, simulated by a file-size limit smaller than a report.
(
	ulimit -f 40
	"$binary" render -q -f pdf,html -j 1 -o "$scratch/full" examples/answers/brackenridge-cs-2026-10-14.xml
) 2>"$scratch/full.err"
check "a full disk gives status 3" test $? -eq 3
check "and reports the write that failed" grep -q "cannot write: File too large" "$scratch/full.err"
check "no partial report is left" test -d "$scratch/full/brackenridge-cs" -a ! -e "$scratch/full/brackenridge-cs/report.pdf"
check "no temporary file is left" no_temporary_files "$scratch/full"
# The disk filling up at any point of a file: before the first page,
# mid-page, in the fonts at the end.  Each is reported, none crashes.
for blocks in 4 16 64 160; do
	(
		ulimit -f $blocks
		"$binary" render -q -f pdf,html -j 1 -o "$scratch/full-$blocks" examples/answers/brackenridge-cs-2026-10-14.xml
	) 2>"$scratch/full-$blocks.err"
	status=$?
	check "a disk full after $blocks blocks gives status 3, no crash" \
		test $status -eq 3 -a -z "$(grep -e crashed -e Assertion -e 'I/O error' "$scratch/full-$blocks.err")"
	check "and names the PDF's failed write" grep -q "report.pdf: error: cannot write: File too large" "$scratch/full-$blocks.err"
done

# Names and comments are data: escaped in HTML, literal in the PDF.
"$binary" render -q -f html,pdf -o "$scratch/hostile" tests/fixtures/answers/hostile-markup.xml
check "a name with markup renders" test -s "$scratch/hostile/hostile/report.html"
check "no script element comes from a name or comment" \
	lacks '<script[^>]*>alert' "$scratch/hostile/hostile/report.html"
check "no img element comes from an organisation" \
	lacks '<img src="x"' "$scratch/hostile/hostile/report.html"
check "the name is shown escaped in HTML" \
	grep -q '&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co' "$scratch/hostile/hostile/report.html"
pdftotext "$scratch/hostile/hostile/report.pdf" "$scratch/hostile.txt"
check "the name is literal text in the PDF" grep -q '<script>alert(1)</script> & Co' "$scratch/hostile.txt"

# Raw HTML and javascript: links in a content pack are never rendered.
"$binary" render -q -f html,pdf --content tests/fixtures/packs/raw-html -o "$scratch/pack" \
	tests/fixtures/answers/tiny-pack.xml 2>/dev/null
check "a pack with raw HTML renders" test -s "$scratch/pack/tiny/report.html"
check "raw HTML from content is dropped" \
	lacks '<script>alert(1)' "$scratch/pack/tiny/report.html"
check "javascript: links from content are dropped" \
	lacks 'href="[jJ]ava[sS]cript:' "$scratch/pack/tiny/report.html"

# Entities pointing at files or hosts are never followed.
strace -f -e trace=openat,connect -o "$scratch/trace" \
	"$binary" validate tests/fixtures/answers/external-entity.xml tests/fixtures/answers/network-dtd.xml \
	2>/dev/null
check "an external entity is refused" test $? -eq 1
check "strace saw the answer sets opened" grep -q 'network-dtd.xml' "$scratch/trace"
check "/etc/passwd is never opened" lacks '/etc/passwd' "$scratch/trace"
check "no connection is attempted" lacks 'connect(' "$scratch/trace"

# An entity bomb is refused at its DOCTYPE, in bounded memory.
/usr/bin/time -f '%M' -o "$scratch/bomb.kb" "$binary" validate -q tests/fixtures/answers/entity-bomb.xml 2>/dev/null
check "an entity bomb uses under 64 MB" test "$(tail -n 1 "$scratch/bomb.kb")" -lt 65536

# 1. A folder below OUT that is a link elsewhere is never written through.
mkdir -p "$scratch/linked/out" "$scratch/elsewhere"
ln -s "$scratch/elsewhere" "$scratch/linked/out/ashgrove-cs"
"$binary" render -q -f roadmap -o "$scratch/linked/out" examples/answers 2>"$scratch/linked.err"
check "a linked team folder gives status 3" test $? -eq 3
check "and is named as a link" grep -q 'out/ashgrove-cs: error: is a symbolic link' "$scratch/linked.err"
check "nothing is written where it points" test -z "$(ls -A "$scratch/elsewhere")"
check "the other teams are written" test -s "$scratch/linked/out/fernwick/roadmap.csv"
mkdir -p "$scratch/linked/csv"
ln -s "$scratch/elsewhere" "$scratch/linked/csv/.maturity-csv"
"$binary" render -q -f roadmap -o "$scratch/linked/csv" tests/fixtures/csv/survey.csv 2>"$scratch/linked-csv.err"
check "a linked .maturity-csv gives status 3" test $? -eq 3
check "and nothing is written where it points" test -z "$(ls -A "$scratch/elsewhere")"

# 2. Cells a spreadsheet would run as formulas are written as text.
mkdir -p "$scratch/formula"
answer_set formula-team '=HYPERLINK("http://evil.example","x")' >"$scratch/formula/formula.xml"
answer_set plus-team '+cmd|calc' >"$scratch/formula/plus.xml"
cp -R content/crawl-walk-run "$scratch/formula-pack"
sed -i 's/<next-step title="Set basic AI usage rules"/<next-step title="@SUM(1+1)"/' \
	"$scratch/formula-pack/domains/ai_leverage.xml"
printf '<assessment xmlns="urn:maturity:answers:1" team="pack-team" date="2026-11-01">
  <respondent id="alice"><answer question="ai_q1" score="1"/></respondent>
</assessment>\n' >"$scratch/formula/pack.xml"
"$binary" render -q -f roadmap --content "$scratch/formula-pack" -o "$scratch/formula-out" "$scratch/formula" 2>/dev/null
"$binary" score --csv "$scratch/formula" >"$scratch/formula-score.csv" 2>/dev/null
check "summary.csv neutralises a leading =" grep -q "\"'=HYPERLINK" "$scratch/formula-out/summary.csv"
check "summary.csv neutralises a leading +" grep -q "\"'+cmd" "$scratch/formula-out/summary.csv"
check "score --csv neutralises a leading =" grep -q "\"'=HYPERLINK" "$scratch/formula-score.csv"
check "roadmap.csv neutralises pack text" grep -q "\"'@SUM(1+1)\"" "$scratch/formula-out/pack-team/roadmap.csv"
for file in "$scratch/formula-out/summary.csv" "$scratch/formula-score.csv" "$scratch/formula-out/pack-team/roadmap.csv"; do
	check "no cell of $(basename "$file") starts a formula" lacks '\(^\|,\)"\?[=+@]' "$file"
done

# 3. A named pipe is refused at once, wherever it is named.
mkfifo "$scratch/pipe.xml" "$scratch/pipe.png" "$scratch/pipe.csv"
mkdir -p "$scratch/pipes" && mkfifo "$scratch/pipes/team.xml"
timeout 30 "$binary" validate "$scratch/pipe.xml" 2>"$scratch/pipe.err"
check "a named pipe as an answer file gives status 1, without hanging" test $? -eq 1
check "and is said to be a named pipe" grep -q 'pipe.xml: error: not a regular file (a named pipe)' "$scratch/pipe.err"
timeout 30 "$binary" validate "$scratch/pipes" 2>/dev/null
check "a named pipe found in a folder gives status 1" test $? -eq 1
timeout 30 "$binary" validate --mapping "$scratch/pipe.csv" examples/answers 2>/dev/null
check "a named pipe as --mapping gives status 2" test $? -eq 2
sed 's|<logo>logo.png</logo>|<logo>pipe.png</logo>|' tests/fixtures/brands/good.xml >"$scratch/pipe-brand.xml"
timeout 30 "$binary" render -f roadmap --brand "$scratch/pipe-brand.xml" -o "$scratch/pipe-out" examples/answers 2>/dev/null
check "a named pipe as the logo gives status 2" test $? -eq 2

# 4. A decompression bomb of a logo is refused from its header, named by
# the limit, before it is decoded.
/usr/bin/time -f '%M' -o "$scratch/png.kb" "$binary" render -q -f pdf \
	--brand tests/fixtures/brands/logo-bomb.xml -o "$scratch/png" examples/answers/fernwick-2026-11-03.xml \
	2>"$scratch/png.err"
check "a 20000 x 20000 logo gives status 2" test "$(head -n 1 "$scratch/png.kb" | grep -c 'exited with non-zero status 2')" -eq 1
check "the message names the pixel limit" \
	grep -q 'logo "bomb.png" is 20000 by 20000 pixels, over the limit of 16777216 pixels' "$scratch/png.err"
check "and it costs under 64 MB" test "$(tail -n 1 "$scratch/png.kb")" -lt 65536

# 5. Respondents: a limit said with its line, before the schema, and
# duplicates found in linear time (the limit's worth of ids, in bounded
# memory).
respondents() { # respondents COUNT [DUPLICATE]: an answer set of COUNT respondents
	awk -v count="$1" -v duplicate="$2" 'BEGIN {
		print "<assessment xmlns=\"urn:maturity:answers:1\" team=\"crowd\" date=\"2026-11-01\">"
		for (n = 1; n <= count; n++) {
			id = (duplicate != "" && n == count) ? "r1" : "r" n
			printf "  <respondent id=\"%s\"><answer question=\"sc_q1\" score=\"2\"/></respondent>\n", id
		}
		print "</assessment>"
	}'
}
respondents 10000 >"$scratch/crowd.xml"
/usr/bin/time -f '%M' -o "$scratch/crowd.kb" "$binary" validate "$scratch/crowd.xml" 2>"$scratch/crowd.err"
check "10,000 respondents are refused" grep -q 'crowd.xml:502: error: more than 500 respondents, the limit of an answer set' "$scratch/crowd.err"
check "in under 64 MB" test "$(tail -n 1 "$scratch/crowd.kb")" -lt 65536
respondents 500 duplicate >"$scratch/duplicate.xml"
"$binary" validate "$scratch/duplicate.xml" 2>"$scratch/duplicate.err"
check "a duplicate among 500 respondents is found" \
	grep -q 'duplicate.xml:501: error: respondent "r1" appears twice (first on line 2)' "$scratch/duplicate.err"

# 6. The portfolio's names are not team ids.
mkdir -p "$scratch/reserved"
for team in index.html summary.csv summary.json; do
	answer_set "$team" "Taken" >"$scratch/reserved/$team.xml"
done
cp examples/answers/fernwick-2026-11-03.xml "$scratch/reserved/"
"$binary" render -q -f roadmap -o "$scratch/reserved-out" "$scratch/reserved" 2>"$scratch/reserved.err"
check "a team called index.html, summary.csv or summary.json gives status 1" test $? -eq 1
check "each is said to be taken by the portfolio" test "$(grep -c 'is taken by the portfolio' "$scratch/reserved.err")" -eq 3
check "the portfolio is written" test -f "$scratch/reserved-out/summary.json" -a -f "$scratch/reserved-out/summary.csv"

# 7. import checks what it writes as render does; NUL, control characters
# and overlong UTF-8 never pass.
printf 'team,date,respondent,name,sc_q1\nesc-team,2026-11-01,alice,\033]0;pwned\007 Team,3\n' >"$scratch/escape.csv"
printf 'team,date,respondent,organization,sc_q1\nlong-form,2026-11-01,alice,\300\257 Corp,3\n' >"$scratch/overlong.csv"
printf 'team,date,respondent,name,sc_q1\nnul-team,2026-11-01,alice,A\000B,3\n' >"$scratch/nul.csv"
awk 'BEGIN { printf "team,date,respondent,name,sc_q1\nbig-team,2026-11-01,alice,"
	for (n = 0; n < 100000; n++) printf "0123456789"; print ",3" }' >"$scratch/big-name.csv"
for input in escape overlong nul big-name; do
	"$binary" import -q csv "$scratch/$input.csv" -o "$scratch/imported-$input" 2>"$scratch/$input.err"
	check "import refuses $input.csv with status 1" test $? -eq 1
	check "and writes no answer set from it" test -z "$(ls -A "$scratch/imported-$input")"
done
check "a control character is named" grep -q 'escape.csv:2: error: the name holds the control character U+001B' "$scratch/escape.err"
check "overlong UTF-8 is refused" grep -q 'overlong.csv:2: error: the organisation is not valid UTF-8' "$scratch/overlong.err"
check "a NUL is refused with its row and column" grep -q 'nul.csv:2:4: error: a NUL byte in a cell' "$scratch/nul.err"
check "a 1,000,000-character name is refused by its limit" \
	grep -q 'big-name.csv:2: error: the name is 1000000 characters long, over the limit of 5000' "$scratch/big-name.err"
# 7. Messages: a control character from input is escaped, so input
# cannot drive the terminal that shows its errors.
printf 'team,date,respondent,\033[31mred\033[0m,sc_q1\nok-team,2026-11-01,alice,x,3\n' >"$scratch/header.csv"
"$binary" validate "$scratch/header.csv" 2>"$scratch/terminal.err"
check "control characters from input are escaped in messages" grep -q '\\x1b\[31mred' "$scratch/terminal.err"
check "no escape byte reaches standard error" lacks "$(printf '\033')" "$scratch/terminal.err"

# 8. Long text: a message with a line that names the limit.
awk 'BEGIN { printf "<assessment xmlns=\"urn:maturity:answers:1\" team=\"wordy\" date=\"2026-11-01\">\n  <name>"
	for (n = 0; n < 5001; n++) printf "x"
	print "</name>\n  <respondent id=\"a\">\n    <answer question=\"sc_q1\" score=\"2\"/>"
	printf "    <comment question=\"sc_q1\">"
	for (n = 0; n < 4001; n++) printf "y"
	print "</comment>\n  </respondent>\n</assessment>" }' >"$scratch/wordy.xml"
"$binary" validate "$scratch/wordy.xml" 2>"$scratch/wordy.err"
check "an over-long name is said with its line and the limit" \
	grep -q 'wordy.xml:2: error: the name is 5001 characters long, over the limit of 5000' "$scratch/wordy.err"
check "an over-long comment is said with its line and the limit" \
	grep -q 'wordy.xml:5: error: the comment is 4001 characters long, over the limit of 4000' "$scratch/wordy.err"

# 9. A logo is read from the brand's folder or below it, unless allowed.
for logo in ../../../../etc/passwd /etc/passwd; do
	sed "s|<logo>logo.png</logo>|<logo>$logo</logo>|" tests/fixtures/brands/good.xml >"$scratch/escape-brand.xml"
	strace -f -e trace=open,openat -o "$scratch/logo.trace" "$binary" render -q -f roadmap \
		--brand "$scratch/escape-brand.xml" -o "$scratch/logo-out" examples/answers 2>"$scratch/logo.err"
	check "logo $logo gives status 2" test $? -eq 2
	check "logo $logo: strace saw the brand read" grep -q 'escape-brand.xml' "$scratch/logo.trace"
	check "logo $logo: /etc/passwd is never opened" lacks '/etc/passwd"' "$scratch/logo.trace"
	check "logo $logo: the message says why" grep -q "is not in the brand file's folder" "$scratch/logo.err"
done
"$binary" render -q -f roadmap --allow-brand-path --brand "$scratch/escape-brand.xml" -o "$scratch/logo-out" \
	examples/answers 2>"$scratch/allowed.err"
check "--allow-brand-path lets any file be tried" grep -q 'logo "/etc/passwd" is not a PNG image' "$scratch/allowed.err"

# 10. A stamp does not depend on how a path is written.
cp -R examples/answers "$scratch/stamped"
"$binary" render -q -f roadmap -o "$scratch/stamped-out" "$scratch/stamped"
(cd "$scratch" && "$OLDPWD/$binary" render -f roadmap -o stamped-out ./stamped/) 2>"$scratch/stamped.err"
check "the same answer sets named another way render nothing" grep -q ' 0 rendered, 7 unchanged' "$scratch/stamped.err"

# 11. Signals: Ctrl-C while the answer sets are read, delivered by strace
# as the first of them is opened, even to a run started with SIGINT
# ignored (as a shell starts a background job); workers die with their
# parent.
mkdir -p "$scratch/signal"
cp examples/answers/*.xml "$scratch/signal/"
first=$(ls "$scratch/signal"/*.xml | head -n 1)
(
	trap '' INT
	strace -f -o "$scratch/signal.trace" -P "$first" -e trace=openat -e inject=openat:signal=SIGINT \
		"$binary" render -f roadmap -o "$scratch/signal-out" "$scratch/signal" 2>"$scratch/signal.err"
)
check "Ctrl-C while reading gives status 130" test $? -eq 130
check "by exiting, not by dying of the signal" grep -q '+++ exited with 130 +++' "$scratch/signal.trace"
check "and nothing is rendered" test ! -e "$scratch/signal-out"

# 12. Counts: teams, the portfolio and interruptions each said apart.
# (No file can grow, so messages go through a pipe, with the status.)
(
	ulimit -f 0
	"$binary" render -f roadmap -j 1 -o "$scratch/nospace" examples/answers 2>&1
	echo "status $?"
) | cat >"$scratch/nospace.err"
check "nothing writable: status 3" grep -q '^status 3$' "$scratch/nospace.err"
check "six teams failed, and the portfolio is said apart" \
	grep -q ' 0 rendered, 0 unchanged, 0 rejected, 7 failed; the portfolio could not be written' "$scratch/nospace.err"

# 13. The portfolio reads its teams in bounded memory: 2,000 teams'
# summaries, copied from one rendered team.
"$binary" render -q -f roadmap -o "$scratch/one" examples/answers/fernwick-2026-11-03.xml
awk 'BEGIN { for (n = 1; n <= 2000; n++) print n }' | while read -r number; do
	mkdir "$scratch/one/team-$number"
	sed "s/\"team\": \"fernwick\"/\"team\": \"team-$number\"/" "$scratch/one/fernwick/summary.json" \
		>"$scratch/one/team-$number/summary.json"
done
/usr/bin/time -f '%M' -o "$scratch/index.kb" "$binary" index -q -o "$scratch/site" "$scratch/one"
check "index over 2,000 teams succeeds" test $? -eq 0
check "and lists them all" test "$(grep -c '^"team-' "$scratch/site/summary.csv")" -eq 2000
check "in under 32 MB" test "$(tail -n 1 "$scratch/index.kb")" -lt 32768

[ $failures -eq 0 ]
