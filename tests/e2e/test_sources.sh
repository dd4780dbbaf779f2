#!/bin/sh
# The sources' shape, as the README and the style describe it: the
# layout names every file of generator/, the model's headers include no
# library header, and no module includes one that leads back to it.
# Usage: tests/e2e/test_sources.sh BINARY (not used: the sources are read)
. tests/e2e/lib.sh

# The README's layout names every file of generator/, and no other.
sed -n '/^## Layout/,/^## /s/^    \([a-z_]*\)\.\(\[ch\]\|c\|h\) .*/\1.\2/p' README.md |
	sed 's/\(.*\)\.\[ch\]$/\1.c\n\1.h/' | sort >"$scratch/layout"
ls generator | sort >"$scratch/sources"
check "the README's layout lists the files of generator/ ($(wc -l <"$scratch/layout") of $(wc -l <"$scratch/sources"))" \
	cmp -s "$scratch/layout" "$scratch/sources"

# The model, the score, the roadmap and the answer sets they read know
# nothing of libxml2.
check "no model header includes libxml2" \
	sh -c '! grep -l libxml generator/model.h generator/score.h generator/roadmap.h generator/answers.h'

# The include graph between modules (a .c, its .h and its _parts.h) has
# no circle: tsort says so when it finds one.
for file in generator/*.c generator/*.h; do
	module=$(basename "$file" | sed 's/\.[ch]$//; s/_parts$//')
	sed -n 's/^#include "\([a-z_]*\)\.h"/\1/p' "$file" | sed 's/_parts$//' |
		while read -r included; do
			[ "$included" = "$module" ] || echo "$module $included"
		done
done >"$scratch/includes"
check "the include graph has edges" test -s "$scratch/includes"
check "the include graph has no circle" sh -c "tsort '$scratch/includes' 2>&1 >/dev/null | grep -q . && exit 1 || exit 0"

[ $failures -eq 0 ]
