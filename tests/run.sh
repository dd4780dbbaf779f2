#!/bin/sh
# The whole suite: unit tests and end-to-end cases, with the plain build
# and with AddressSanitizer + UndefinedBehaviorSanitizer.  Keeps going
# after a failure and ends on one line "N passed, N failed".
# Usage: tests/run.sh BUILD_FOLDER
build=${1:-build}
passed=0
failed=0
failures=""

count() { # count NAME STATUS
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		failures="$failures $1"
	fi
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
export LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

for binary in "$build"/tests/test_* "$build"/asan/tests/test_*; do
	[ -x "$binary" ] || continue
	echo "== $binary"
	"$binary"
	count "$binary" $?
done

for binary in "$build/maturity" "$build/asan/maturity"; do
	[ -x "$binary" ] || continue
	echo "== end-to-end cases with $binary"
	output=$(sh tests/e2e/run.sh "$binary")
	status=$?
	printf '%s\n' "$output" | grep -v '^ok ' || true
	e2e_passed=$(printf '%s\n' "$output" | grep -c '^ok ')
	e2e_failed=$(printf '%s\n' "$output" | grep -c '^FAIL ')
	passed=$((passed + e2e_passed))
	failed=$((failed + e2e_failed))
	[ "$e2e_failed" -gt 0 ] && failures="$failures $binary(e2e)"
	[ $status -ne 0 ] && [ "$e2e_failed" -eq 0 ] && count "$binary(e2e runner)" 1
done

for script in tests/e2e/test_*.sh; do
	[ -f "$script" ] || continue
	echo "== $script"
	sh "$script" "$build/maturity"
	count "$script" $?
done

[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
