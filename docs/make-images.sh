#!/bin/sh
# Renders the pictures the README shows: the HTML report with each brand,
# the portfolio page, the PDF's pages, the radar chart and the trend of a
# team assessed four times.  Needs chromium,
# pdftoppm and ImageMagick's montage.  Usage: sh docs/make-images.sh
set -eu
binary=build/maturity
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1795000000

shot() { # shot URL PNG HEIGHT
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$work/profile" --hide-scrollbars --screenshot="$2" \
		--window-size=1200,"$3" "$1" 2>/dev/null
}

"$binary" render -q --chart-png -o "$work/default" examples/answers
"$binary" render -q -f html,pdf -o "$work/northwind" \
	--brand templates/brands/northwind-advisory.xml examples/answers

shot "file://$work/default/brackenridge-cs/report.html" docs/html-default.png 1500
shot "file://$work/northwind/brackenridge-cs/report.html" docs/html-northwind.png 1500
shot "file://$work/default/index.html" docs/portfolio.png 2500
cp "$work/default/brackenridge-cs/chart.png" docs/chart.png
cp "$work/default/larkspur-cs/trend.png" docs/trend.png

for brand in default northwind; do
	pdftoppm -png -r 40 "$work/$brand/brackenridge-cs/report.pdf" "$work/$brand-page"
	montage "$work/$brand-page"-0[1-8].png -tile 4x2 -geometry +6+6 -background '#d5d9de' \
		"docs/pdf-$brand.png"
done
echo "docs/: $(ls docs/*.png | tr '\n' ' ')"
