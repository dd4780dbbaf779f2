#!/bin/sh
# The command line itself: each command's --help against the options it
# accepts, and what `sample` writes and when it dates it.
# Usage: tests/e2e/test_cli.sh BINARY
binary=$1
. tests/e2e/lib.sh
# A file that exists and does not match a pattern.
lacks() { test -s "$2" && ! grep -q -- "$1" "$2"; }

# The dates in the names of the answer sets in a folder, one a line.
dates_in() { ls "$1" | sed -n 's/^team-[0-9]*-\([0-9-]*\)\.xml$/\1/p' | sort; }

# sample: never an assessment dated after the day it runs, here the day
# of SOURCE_DATE_EPOCH (2025-12-01), and every team's latest within the
# year up to it.
SOURCE_DATE_EPOCH=1764547200 "$binary" sample -q --teams 40 --seed 5 -o "$scratch/sample" 2>/dev/null
check "sample writes the teams" test "$(ls "$scratch/sample" | wc -l)" -ge 40
dates_in "$scratch/sample" >"$scratch/sample.dates"
check "no assessment is dated after the day it runs" test "$(tail -n 1 "$scratch/sample.dates")" '<' 2025-12-02
check "nor more than two years before it" test "$(head -n 1 "$scratch/sample.dates")" '>' 2023-11-30
check "the latest is that day's or close to it" test "$(tail -n 1 "$scratch/sample.dates")" '>' 2025-11-01
SOURCE_DATE_EPOCH=1764547200 "$binary" sample -q --teams 40 --seed 5 -o "$scratch/again" 2>/dev/null
check "the same seed on the same day writes the same files" diff -r "$scratch/sample" "$scratch/again"
env -u SOURCE_DATE_EPOCH "$binary" sample -q --teams 40 --seed 5 -o "$scratch/today" 2>/dev/null
dates_in "$scratch/today" >"$scratch/today.dates"
check "without SOURCE_DATE_EPOCH, nothing after today" \
	test "$(tail -n 1 "$scratch/today.dates")" '<' "$(date -u -d tomorrow +%Y-%m-%d)"

# Help: the top level lists the commands and no command's options; each
# command's help lists exactly the options it accepts.  The options are
# those of the README's table, so an option missing from every help
# still counts.
"$binary" --help >"$scratch/help" 2>"$scratch/help.err"
check "--help exits 0, on standard output" test $? -eq 0 -a -s "$scratch/help" -a ! -s "$scratch/help.err"
commands=$(sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p' "$scratch/help")
check "the top-level help lists the eight commands" test "$(echo $commands)" = "render score validate index sample import export check"
check "and no command's options" lacks '--out' "$scratch/help"
absolute=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
sed -n 's/^| `\(-[a-z], \)\{0,1\}--\([a-z-]*\).*/\2/p' README.md | sort -u >"$scratch/documented"
check "the README's table lists options" test "$(wc -l <"$scratch/documented")" -ge 20
: >"$scratch/listed"
for command in $commands; do
	"$binary" "$command" --help >"$scratch/$command.help" 2>/dev/null
	check "$command --help exits 0" test $? -eq 0
	check "$command --help fits 79 columns" test "$(awk 'length > 79' "$scratch/$command.help" | wc -l)" -eq 0
	sed -n 's/^  \(-[a-zA-Z], \|    \)--\([a-z-]*\).*/\2/p' "$scratch/$command.help" | sort -u \
		>"$scratch/$command.options"
	cat "$scratch/$command.options" >>"$scratch/listed"
	wrong=""
	for option in $(cat "$scratch/documented") help version; do
		# "x" is the option's value, or an input for one that takes none;
		# run in a folder of its own, where a command may write.
		mkdir -p "$scratch/try"
		(cd "$scratch/try" && "$absolute" "$command" "--$option" x </dev/null >/dev/null 2>"$scratch/try.err")
		if grep -q -e 'does not apply here' -e 'unknown option' "$scratch/try.err"; then
			accepted=no
		else
			accepted=yes
		fi
		if grep -qx -- "$option" "$scratch/$command.options"; then listed=yes; else listed=no; fi
		[ $accepted = $listed ] || wrong="$wrong --$option(accepted $accepted, listed $listed)"
	done
	check "$command --help lists exactly the options it accepts$wrong" test -z "$wrong"
	# In its own words: no option's text is addressed to a command.
	sed -n '/^Options:/,$p' "$scratch/$command.help" >"$scratch/$command.words"
	addressed=""
	for other in $commands; do
		grep -q -w -e "$other:" -e "$other [a-z]*:" "$scratch/$command.words" && addressed="$addressed $other"
	done
	check "$command --help says nothing addressed to a command$addressed" test -z "$addressed"
done
sort -u "$scratch/listed" | grep -v -x -e help -e version >"$scratch/all-listed"
check "every option in a help is in the README's table, and the other way" \
	cmp -s "$scratch/all-listed" "$scratch/documented"
# The README's table names the commands of each option as the helps do.
for option in $(cat "$scratch/documented"); do
	said=$(sed -n "s/^| \`\(-[a-z], \)\{0,1\}--$option[ \`][^|]*| \([a-z, ]*\) |.*/\2/p" README.md)
	[ "$said" = all ] && said=$(echo $commands)
	taking=""
	for command in $commands; do
		grep -qx -- "$option" "$scratch/$command.options" && taking="$taking $command"
	done
	check "the README gives --$option to the commands that take it ($said)" \
		test "$(echo "$said" | tr -d , | tr ' ' '\n' | sort | tr '\n' ' ')" = \
		"$(echo $taking | tr ' ' '\n' | sort | tr '\n' ' ')"
done

[ $failures -eq 0 ]
