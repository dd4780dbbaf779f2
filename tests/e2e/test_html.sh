#!/bin/sh
# The HTML report: renders the example answer sets with both brands and both
# content packs, a team whose name is markup, then checks the pages as text
# (escaping, one h1, heading order, no request to any host, the brand) and
# opens them in headless Chromium (console errors, CSP violations, print
# size).  Prints "ok - CHECK" or "FAIL - CHECK" per check; exits 1 on any
# failure.  Chromium checks are skipped, with a message, when
# /usr/bin/chromium is missing.
# Usage (from the repository root): tests/e2e/test_html.sh BINARY
# shellcheck disable=SC2317 # the check helpers run through check "$@"
binary=$1
if [ -z "$binary" ] || [ ! -x "$binary" ]; then
	echo "usage: tests/e2e/test_html.sh BINARY" >&2
	exit 2
fi
chromium=/usr/bin/chromium
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0
SOURCE_DATE_EPOCH=1795000000
export SOURCE_DATE_EPOCH

# A run that hangs fails instead of stopping the suite.
limit=""
command -v timeout >/dev/null 2>&1 && limit="timeout 300"

check() { # check DESCRIPTION COMMAND...: passes when COMMAND succeeds
	check_description=$1
	shift
	if "$@" >/dev/null 2>&1; then
		echo "ok - $check_description"
	else
		echo "FAIL - $check_description"
		failed=$((failed + 1))
	fi
}

# Functions share the script's variables (POSIX sh has no locals), so each
# names its own with its prefix.
render() { # render OUT [OPTIONS...] ANSWERS
	render_out=$1
	shift
	$limit "$binary" render -q -f html -o "$render_out" "$@" 2>"$render_out.stderr"
}

# Every <h1>..<h6> in order: the first is h1 and none skips a level.
headings_in_order() {
	grep -o '<h[1-6][ >]' "$1" | tr -dc '0-9\n' |
		awk 'NR == 1 && $1 != 1 { bad = 1 } $1 > previous + 1 { bad = 1 } { previous = $1 } END { exit bad }'
}

one_h1() { [ "$(grep -o '<h1[ >]' "$1" | wc -l)" -eq 1 ]; }

# src= only data:; href= only #fragment, data:, or an http, https or mailto
# link from the content pack's Markdown.  No CSS url() or @import either.
no_outside_reference() {
	! grep -o -E '(src|href)="[^"]*"' "$1" |
		grep -v -E '^src="data:|^href="(#|data:|https?://|mailto:)' | grep -q . &&
		! grep -q -i -E 'url\(|@import' "$1"
}

has_csp() {
	grep -q "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">" "$1"
}

no_script_element() { ! grep -q -i '<script' "$1"; }

lacks() { ! grep -q -e "$1" "$2"; } # lacks TEXT FILE

# Chromium's own noise (D-Bus, GPU) goes to stderr too; only the page's
# console messages and refused requests count.
chromium_clean() { # chromium_clean STDERR
	! grep -E 'CONSOLE' "$1" | grep -q -i -E 'error|refused to|violates|content security policy|blocked|net::ERR' &&
		! grep -q 'Refused to' "$1"
}

chromium_run() { # chromium_run NAME HTML [OPTIONS...]: stderr in $tmp/NAME.stderr
	chromium_name=$1
	chromium_page=$2
	shift 2
	chromium_profile=$(mktemp -d)
	$limit "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$chromium_profile" --enable-logging=stderr --v=0 "$@" \
		"file://$chromium_page" >"$tmp/$chromium_name.stdout" 2>"$tmp/$chromium_name.stderr"
	rm -rf "$chromium_profile"
}

png_file() { [ -s "$1" ] && head -c 8 "$1" | grep -q 'PNG'; }

pdf_points() { # pdf_points PDF WIDTH HEIGHT: the first page's size, rounded
	pdfinfo "$1" | awk -v w="$2" -v h="$3" \
		'/^Page size:/ { exit !(int($3 + 0.5) == w && int($5 + 0.5) == h) }'
}

# The examples, with the default brand ------------------------------------
out=$tmp/default
check "render examples/answers to HTML" render "$out" examples/answers
teams=$(sed -n 's/.*<assessment[^>]* team="\([^"]*\)".*/\1/p' examples/answers/*.xml | sort -u)
check "examples/answers names at least one team" test -n "$teams"
for team in $teams; do
	page=$out/$team/report.html
	check "$team: report.html exists" test -s "$page"
	check "$team: exactly one h1" one_h1 "$page"
	check "$team: headings start at h1 and skip no level" headings_in_order "$page"
	check "$team: src and href only data:, #fragment or content links" no_outside_reference "$page"
	check "$team: Content-Security-Policy meta tag" has_csp "$page"
	check "$team: no script element" no_script_element "$page"
	check "$team: lang=\"en\"" grep -q '<html lang="en">' "$page"
	check "$team: brand footer and confidentiality in a <footer>" \
		grep -q '<footer class="report-footer"><p><span class="report-footer-brand">Customer Success Maturity Assessment</span><span class="report-footer-note">Confidential: prepared for the team assessed and its leadership.</span>' "$page"
done
page=$out/brackenridge-cs/report.html
check "default brand: organisation name" grep -q 'Customer Success Maturity</span>' "$page"
check "default brand: primary colour as a CSS custom property" grep -q -- '--brand-primary:#1f3a5f;' "$page"
check "default brand: A4 paper" grep -q '@page{size:A4}' "$page"
check "brackenridge-cs: inline SVG chart" grep -q '<svg xmlns="http://www.w3.org/2000/svg"' "$page"
check "brackenridge-cs: chart labels are SVG text, not glyph outlines" \
	grep -q '<text [^>]*text-anchor="middle">Expansion &amp; Value</text>' "$page"
check "brackenridge-cs: chart scores are SVG text" grep -q '<text [^>]*font-weight="600"[^>]*>[1-4]\.[0-9][0-9]</text>' "$page"
check "brackenridge-cs: chart legend is SVG text" grep -q '>Previous, 8 October 2025</text>' "$page"
check "brackenridge-cs: no glyph outlines in the chart" lacks '<symbol' "$page"
check "brackenridge-cs: logo as a data URI" grep -q '<img class="cover-logo" src="data:image/png;base64,' "$page"
check "brackenridge-cs: change since the previous assessment" grep -q 'Since the last assessment' "$page"
check "brackenridge-cs: disagreement flagged" grep -q '<span class="flag">Not aligned</span>' "$page"
check "brackenridge-cs: stage actions section left out" lacks 'Priority actions</h3>' "$page"
check "brackenridge-cs: generation date in the appendix" grep -q '18 November 2026 by maturity' "$page"
check "fernwick: unassessed domain" grep -q 'Not assessed' "$out/fernwick/report.html"
check "corvane-clinical-cs: top stage sustains" grep -q 'Sustain' "$out/corvane-clinical-cs/report.html"

# The second brand ----------------------------------------------------------
northwind=$tmp/northwind
check "render with the Northwind brand" render "$northwind" --brand templates/brands/northwind-advisory.xml examples/answers
page=$northwind/brackenridge-cs/report.html
check "northwind: organisation name" grep -q 'Northwind Advisory</span>' "$page"
check "northwind: #5b1f4a in the CSS" grep -q -- '--brand-primary:#5b1f4a;' "$page"
check "northwind: serif headings" grep -q -- '--font-heading:"DejaVu Serif",' "$page"
check "northwind: Letter paper" grep -q '@page{size:letter}' "$page"
check "northwind: exactly one h1" one_h1 "$page"

# The four-phase pack, with charters ---------------------------------------
phases=$tmp/four-phase
check "render with the four-phase pack" render "$phases" --content content/four-phase examples/answers
page=$phases/ostrander-cs/report.html
check "four-phase: ostrander-cs has report.html" test -s "$page"
check "four-phase: charters shown" grep -q '<h3>Charters</h3>' "$page"
check "four-phase: headings start at h1 and skip no level" headings_in_order "$page"

# A team whose name is markup -----------------------------------------------
mkdir "$tmp/hostile"
sed 's|<name>[^<]*</name>|<name>\&lt;script\&gt;alert(1)\&lt;/script\&gt; \&amp; Co</name>|' \
	examples/answers/kettlebrook-cs-2026-09-22.xml >"$tmp/hostile/kettlebrook-cs-2026-09-22.xml"
check "hostile name: answer set changed" grep -q '<name>&lt;script&gt;' "$tmp/hostile/kettlebrook-cs-2026-09-22.xml"
hostile=$tmp/hostile-out
check "hostile name: render" render "$hostile" "$tmp/hostile/kettlebrook-cs-2026-09-22.xml"
page=$hostile/kettlebrook-cs/report.html
check "hostile name: escaped text in the page" grep -q -F '&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co' "$page"
check "hostile name: no script element" no_script_element "$page"
check "hostile name: exactly one h1" one_h1 "$page"

# Chromium --------------------------------------------------------------------
if [ ! -x "$chromium" ]; then
	echo "skip - Chromium checks: $chromium is missing (make deps installs it)"
else
	for name in default northwind hostile; do
		case $name in
		default) page=$out/brackenridge-cs/report.html ;;
		northwind) page=$northwind/brackenridge-cs/report.html ;;
		hostile) page=$hostile/kettlebrook-cs/report.html ;;
		esac
		check "chromium $name: the page exists" test -s "$page"
		chromium_run "$name-screen" "$page" --screenshot="$tmp/$name.png" --window-size=1200,3000
		check "chromium $name: screenshot taken" png_file "$tmp/$name.png"
		check "chromium $name: no console error or CSP violation" chromium_clean "$tmp/$name-screen.stderr"
	done
	if command -v pdfinfo >/dev/null 2>&1; then
		chromium_run default-print "$out/brackenridge-cs/report.html" --no-pdf-header-footer \
			--print-to-pdf="$tmp/default.pdf"
		check "chromium print: default brand prints on A4" pdf_points "$tmp/default.pdf" 595 842
		chromium_run northwind-print "$northwind/brackenridge-cs/report.html" --no-pdf-header-footer \
			--print-to-pdf="$tmp/northwind.pdf"
		check "chromium print: Northwind prints on Letter" pdf_points "$tmp/northwind.pdf" 612 792
	else
		echo "skip - print size: pdfinfo is missing"
	fi
fi

if [ "$failed" -gt 0 ]; then
	echo "$failed HTML check(s) failed"
	exit 1
fi
exit 0
