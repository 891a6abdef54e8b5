#!/bin/sh
# Runs every test: the cmocka unit programs given as arguments, then the
# black-box scripts in tests/cli/ against ./mvb. Ends with one line
# "N passed, N failed" and exits non-zero when anything failed.
#   tests/run.sh [--unit-only | --cli-only] [UNIT_BINARY...]
set -u
mode=all
case "${1:-}" in
--unit-only) mode=unit; shift ;;
--cli-only) mode=cli; shift ;;
esac
top=$(cd "$(dirname "$0")/.." && pwd)
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

if [ "$mode" != cli ]; then
	for t in "$@"; do
		case "$t" in *.d) continue ;; esac
		"$t" >"$log" 2>&1
		rc=$?
		n=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\./\1/p' "$log")
		f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s), listed below:/\1/p' "$log")
		passed=$((passed + ${n:-0}))
		failed=$((failed + ${f:-0}))
		if [ "$rc" -ne 0 ]; then
			[ -n "$f" ] || failed=$((failed + 1))
			echo "FAIL $(basename "$t")"
			cat "$log"
		else
			echo "ok   $(basename "$t") (${n:-0} tests)"
		fi
	done
fi

if [ "$mode" != unit ]; then
	for t in "$top"/tests/cli/test-*.sh; do
		MVB="$top/mvb" TOP="$top" sh "$t" >"$log" 2>&1
		rc=$?
		n=$(sed -n 's/^cli: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$log")
		f=$(sed -n 's/^cli: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$log")
		passed=$((passed + ${n:-0}))
		failed=$((failed + ${f:-0}))
		if [ "$rc" -ne 0 ] || [ -z "$n" ]; then
			[ -n "$f" ] && [ "$f" -gt 0 ] || failed=$((failed + 1))
			echo "FAIL $(basename "$t")"
			cat "$log"
		else
			echo "ok   $(basename "$t") ($n checks)"
		fi
	done
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
