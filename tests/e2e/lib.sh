# Shared by the end-to-end scripts: a scratch folder removed on exit, a
# failure count, and check DESCRIPTION COMMAND... printing ok or FAIL.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
export SOURCE_DATE_EPOCH=1795000000

check() {
	description=$1
	shift
	if "$@"; then
		echo "ok   $description"
	else
		echo "FAIL $description"
		failures=$((failures + 1))
	fi
}
