#!/bin/sh
# Golden end-to-end cases: each tests/e2e/cases/NAME.args holds the
# arguments of one run of maturity (from the repository root); its expected
# standard output, standard error and exit status are NAME.stdout,
# NAME.stderr and NAME.status beside it.  Prints "ok NAME" or "FAIL NAME"
# and the difference.  With --update, rewrites the expected files instead.
# Usage: tests/e2e/run.sh BINARY [--update]
binary=$1
update=$2
cases=tests/e2e/cases
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM
status=0
# Reports carry their generation date: fix it so golden files are stable.
export SOURCE_DATE_EPOCH=1795000000

for args_file in "$cases"/*.args; do
	name=$(basename "$args_file" .args)
	# The arguments may name $OUT, a fresh output folder for this case.
	out="$scratch/$name.out"
	args=$(sed "s|\$OUT|$out|g" "$args_file")
	# shellcheck disable=SC2086
	eval "\"$binary\" $args" >"$scratch/stdout" 2>"$scratch/stderr"
	echo $? >"$scratch/status"
	# Sanitizer reports never belong in expected output.
	sed -i -e "s|$scratch|OUT|g" -e "s| in [0-9.]* s| in TIME s|" "$scratch/stdout" "$scratch/stderr"
	if [ "$update" = "--update" ]; then
		cp "$scratch/stdout" "$cases/$name.stdout"
		cp "$scratch/stderr" "$cases/$name.stderr"
		cp "$scratch/status" "$cases/$name.status"
		echo "updated $name"
		continue
	fi
	ok=1
	for part in stdout stderr status; do
		if ! diff -u "$cases/$name.$part" "$scratch/$part" >"$scratch/diff" 2>&1; then
			ok=0
			echo "FAIL $name ($part)"
			sed 's/^/    /' "$scratch/diff" | head -40
		fi
	done
	[ $ok -eq 1 ] && echo "ok $name" || status=1
done
exit $status
