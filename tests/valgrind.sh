#!/bin/sh
# make test-valgrind: the CLI tests (tests/run.sh --cli-only) with every mvb
# run under valgrind memcheck (tests/valgrind-mvb.sh). Fails when a test
# fails or valgrind reports any memory error or definitely lost block; its
# reports are printed.
#
# Three scripts run mvb plainly, by name: two test timing that
# valgrind's twenty-fold slow-down breaks, one is too long under it:
#   test-concurrency.sh  writers racing within the busy timeout, readers
#                        during a long write
#   test-damage.sh       a process killed in the middle of an import
#   test-refusals.sh     some 7000 refused runs of one validation path each,
#                        hours under valgrind
# All three still run, uninstrumented, under 'make test' and with the
# sanitizers. The rest run every mvb under valgrind; MVB_VALGRIND_EVERY=N
# instruments every Nth run only (a deterministic sample, for a quick pass).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v valgrind >/dev/null; then
	echo "valgrind is not installed" >&2
	exit 1
fi
logs=$(mktemp -d "${TMPDIR:-/tmp}/mvb-valgrind.XXXXXX")
trap 'rm -rf "$logs"' EXIT
MVB_VALGRIND_LOGS=$logs
MVB_VALGRIND_SKIP="test-concurrency.sh test-damage.sh test-refusals.sh"
MVB_UNDER_TEST=$top/tests/valgrind-mvb.sh
export MVB_VALGRIND_LOGS MVB_VALGRIND_SKIP MVB_UNDER_TEST
start=$(date +%s)
sh "$top/tests/run.sh" --cli-only
rc=$?
runs=$(ls "$logs" | grep -c '^vg\.')
bad=0
for f in "$logs"/vg.*; do
	[ -s "$f" ] || continue
	bad=$((bad + 1))
	echo "valgrind: $(basename "$f"):"
	cat "$f"
done
echo "valgrind: $runs runs of mvb, $bad with errors, $(( $(date +%s) - start )) s"
[ "$rc" -eq 0 ] && [ "$bad" -eq 0 ]
