#!/bin/sh
# Runs every test: the cmocka unit programs given as arguments, then the
# black-box scripts in tests/cli/ against ./mvb. Ends with one line
# "N passed, N failed, N skipped", after naming each skipped test, and exits
# non-zero when anything failed. MVB_UNDER_TEST names another program to run
# in place of ./mvb (tests/valgrind.sh's wrapper); each script gets its own
# name in MVB_TEST_SCRIPT.
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
skipped=0
log=$(mktemp)
skips=$(mktemp)
trap 'rm -f "$log" "$skips"' EXIT

if [ "$mode" != cli ]; then
	for t in "$@"; do
		case "$t" in *.d) continue ;; esac
		"$t" >"$log" 2>&1
		rc=$?
		n=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\./\1/p' "$log")
		f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s), listed below:/\1/p' "$log")
		# cmocka lists a skipped test apart from the passed ones.
		s=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test(s), listed below:/\1/p' "$log")
		s=${s:-0}
		sed -n "s/^\[  SKIPPED \] \(test_.*\)/$(basename "$t"): \1/p" \
		    "$log" | sort -u >>"$skips"
		passed=$((passed + ${n:-0}))
		failed=$((failed + ${f:-0}))
		skipped=$((skipped + s))
		if [ "$rc" -ne 0 ]; then
			[ -n "$f" ] || failed=$((failed + 1))
			echo "FAIL $(basename "$t")"
			cat "$log"
		else
			echo "ok   $(basename "$t") (${n:-0} tests)"
		fi
	done
fi

# MVB_TEST_ENGINE=pg: the CLI scripts again, each on a database of its own
# on a throwaway PostgreSQL server started here and stopped at the end; when
# no server can start, one named skip says why.
if [ "$mode" != unit ] && [ "${MVB_TEST_ENGINE:-}" = pg ]; then
	pgdir=$(mktemp -d /tmp/mvb-pg.XXXXXX)
	trap 'rm -f "$log" "$skips"; sh "$top/tests/pg-server.sh" stop "$pgdir"' EXIT
	trap 'exit 1' INT TERM
	if MVB_TEST_PG_PORT=$(sh "$top/tests/pg-server.sh" start "$pgdir" \
	    2>"$log"); then
		export MVB_TEST_PG_PORT
		echo "PostgreSQL pass: a server on 127.0.0.1:$MVB_TEST_PG_PORT"
	else
		echo "PostgreSQL pass: cannot start a server: $(cat "$log")" \
		    >>"$skips"
		skipped=$((skipped + 1))
		mode=none
	fi
fi

# What a script checks that a register on a server does not have, or does
# not yet pass there: the reason, named in the summary as a skip.
pg_skip() {
	case "$1" in
	test-damage.sh) echo "damaged register files are a file's" ;;
	test-concurrency.sh) echo "SQLite's locks on one file (a server's" \
	    "writers: test-pg.sh)" ;;
	test-fuzz-replay.sh|test-layering.sh) echo "engine-independent, run" \
	    "in the file pass" ;;
	esac
}

if [ "$mode" != unit ] && [ "$mode" != none ]; then
	for t in "$top"/tests/cli/test-*.sh; do
		# The server-only scripts (test-pg*.sh) belong to the
		# PostgreSQL pass, which make test runs after this one.
		case $(basename "$t"):${MVB_TEST_ENGINE:-} in
		test-pg*.sh:pg) ;;
		test-pg*.sh:*)
			echo "--   $(basename "$t") (in the PostgreSQL pass)"
			continue ;;
		esac
		if [ "${MVB_TEST_ENGINE:-}" = pg ] &&
		    why=$(pg_skip "$(basename "$t")") && [ -n "$why" ]; then
			echo "$(basename "$t") on PostgreSQL: $why" >>"$skips"
			skipped=$((skipped + 1))
			continue
		fi
		MVB="${MVB_UNDER_TEST:-$top/mvb}" TOP="$top" \
		    MVB_TEST_SCRIPT=$(basename "$t") sh "$t" >"$log" 2>&1
		rc=$?
		line=$(sed -n 's/^cli: \([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped$/\1 \2 \3/p' "$log")
		n=${line%% *}
		f=$(echo "$line" | cut -d' ' -f2)
		s=${line##* }
		sed -n "s/^SKIP: /$(basename "$t"): /p" "$log" >>"$skips"
		passed=$((passed + ${n:-0}))
		failed=$((failed + ${f:-0}))
		skipped=$((skipped + ${s:-0}))
		if [ "$rc" -ne 0 ] || [ -z "$line" ]; then
			[ -n "$f" ] && [ "$f" -gt 0 ] || failed=$((failed + 1))
			echo "FAIL $(basename "$t")"
			cat "$log"
		else
			echo "ok   $(basename "$t") ($n checks)"
		fi
	done
fi

if [ -s "$skips" ]; then
	echo "skipped:"
	sed 's/^/  /' "$skips"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
