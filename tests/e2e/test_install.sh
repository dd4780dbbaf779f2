#!/bin/sh
# make install: the binary, content, templates and fonts under PREFIX in
# DESTDIR, and the installed binary finds its data without flags.
# Usage: tests/e2e/test_install.sh BINARY (the build to install)
. tests/e2e/lib.sh

make -s install PREFIX=/opt/maturity DESTDIR="$scratch/root" >/dev/null
installed="$scratch/root/opt/maturity/bin/maturity"
check "the binary is installed" test -x "$installed"
check "the content packs are installed" \
	test -s "$scratch/root/opt/maturity/share/maturity/content/four-phase/pack.xml"
check "the templates are installed" test -s "$scratch/root/opt/maturity/share/maturity/templates/report.xsl"

# Run it from elsewhere, with no path to the sources anywhere.
cp -r examples/answers "$scratch/answers"
(
	cd "$scratch" &&
		"$installed" score --json answers >score.json &&
		"$installed" validate -q --content "$scratch/root/opt/maturity/share/maturity/content/four-phase" &&
		"$installed" render -q -f html,roadmap -o out answers
)
check "the installed binary scores, validates and renders on its own" test $? -eq 0
check "with its default pack" grep -q '"content": "crawl-walk-run"' "$scratch/score.json"
check "and its default brand and template" grep -q 'Customer Success Maturity' "$scratch/out/fernwick/report.html"

[ $failures -eq 0 ]
