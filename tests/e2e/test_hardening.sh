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

# 2. Cells a spreadsheet would run as formulas are written as text.
mkdir -p "$scratch/formula"
answer_set formula-team '=HYPERLINK("http://evil.example","x")' >"$scratch/formula/formula.xml"
answer_set plus-team '+cmd|calc' >"$scratch/formula/plus.xml"
cp -R content/crawl-walk-run "$scratch/formula-pack"
sed -i 's/<next-step title="Set basic AI usage rules">/<next-step title="@SUM(1+1)">/' \
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

# 7. Messages: a control character from input is escaped, so input
# cannot drive the terminal that shows its errors.
printf 'team,date,respondent,\033[31mred\033[0m,sc_q1\nok-team,2026-11-01,alice,x,3\n' >"$scratch/header.csv"
"$binary" validate "$scratch/header.csv" 2>"$scratch/terminal.err"
check "control characters from input are escaped in messages" grep -q '\\x1b\[31mred' "$scratch/terminal.err"
check "no escape byte reaches standard error" lacks "$(printf '\033')" "$scratch/terminal.err"

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
check "the same answer sets named another way render nothing" grep -q ' 0 rendered, 6 unchanged' "$scratch/stamped.err"

[ $failures -eq 0 ]
