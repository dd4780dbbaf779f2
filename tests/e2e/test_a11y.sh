#!/bin/sh
# Accessibility: the HTML reports of the examples and their portfolio
# pages, with both brands and both content packs, pass axe-core's WCAG 2.1
# A and AA rules and its best practices in light and dark mode, wide and
# at phone width, in Debian's Chromium (tests/a11y/axe.js; its packages
# are installed by make test).  The portfolio's table sorts, its script
# allowed by the page's own content-security policy (tests/a11y/sort.js).
# Usage (from the repository root): tests/e2e/test_a11y.sh BINARY
binary=$1
if [ -z "$binary" ] || [ ! -x "$binary" ]; then
	echo "usage: tests/e2e/test_a11y.sh BINARY" >&2
	exit 2
fi
. tests/e2e/lib.sh
modules=$(dirname "$binary")/a11y/node_modules
if [ ! -d "$modules/axe-core" ] || [ ! -x /usr/bin/chromium ]; then
	echo "FAIL axe-core and Chromium are installed (run make test, which installs them)"
	exit 1
fi

render() { "$binary" render -q -f html -o "$@" 2>/dev/null; }

check "render the examples" render "$scratch/default" examples/answers
check "render with the Northwind brand" \
	render "$scratch/northwind" --brand templates/brands/northwind-advisory.xml examples/answers
check "render with the four-phase pack" \
	render "$scratch/phases" --content content/four-phase examples/answers
check "axe-core finds no violation" \
	env NODE_PATH="$modules" timeout 600 node tests/a11y/axe.js \
	"$scratch"/default/*/report.html "$scratch"/northwind/*/report.html \
	"$scratch/phases/ostrander-cs/report.html" \
	"$scratch/default/index.html" "$scratch/northwind/index.html" "$scratch/phases/index.html"
check "the portfolio's table sorts under the page's policy" \
	env NODE_PATH="$modules" timeout 120 node tests/a11y/sort.js "$scratch/default/index.html"

if [ "$failures" -gt 0 ]; then
	echo "test_a11y: $failures checks failed"
	exit 1
fi
echo "test_a11y: all checks passed"
