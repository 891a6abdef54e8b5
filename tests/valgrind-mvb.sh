#!/bin/sh
# Runs mvb under valgrind memcheck, for tests/valgrind.sh: any memory error
# or definitely lost block makes the run exit 99 and leaves valgrind's
# report in $MVB_VALGRIND_LOGS. The scripts named in $MVB_VALGRIND_SKIP
# (see tests/valgrind.sh) get the plain binary.
top=$(cd "$(dirname "$0")/.." && pwd)
for s in ${MVB_VALGRIND_SKIP:-}; do
	[ "$s" = "${MVB_TEST_SCRIPT:-}" ] && exec "$top/mvb" "$@"
done
# A run as another user (the read-only register test runs mvb as nobody)
# cannot keep the count or write a log: it gets the plain binary.
[ -w "${MVB_VALGRIND_LOGS:?}" ] || exec "$top/mvb" "$@"
# Every Nth run only (MVB_VALGRIND_EVERY, default 1: all), counted in the
# logs folder: a deterministic sample.
every=${MVB_VALGRIND_EVERY:-1}
n=$(($(cat "$MVB_VALGRIND_LOGS/count" 2>/dev/null || echo 0) + 1))
echo "$n" >"$MVB_VALGRIND_LOGS/count"
[ $((n % every)) -eq 0 ] || exec "$top/mvb" "$@"
exec valgrind -q --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --log-file="${MVB_VALGRIND_LOGS:?}/vg.%p" "$top/mvb" "$@"
