#!/bin/sh
# The fuzz targets of tests/fuzz/, built as replay programs by 'make test'
# with whatever compiler builds mvb: every crash a fuzzer once found
# (tests/fuzz/regress/TARGET/) and every seed (tests/fuzz/corpus/TARGET/)
# runs once, and must neither crash nor break a property the target checks.
. "$(dirname "$0")/lib.sh"

for target in cmdline dates import money sunset; do
	t "fuzz target $target replays its saved inputs"
	bin=$TOP/build/fuzz/replay_$target
	if [ ! -x "$bin" ]; then
		skip "$bin not built (make test builds it; make cli does not)"
		continue
	fi
	"$bin" "$TOP/tests/fuzz/regress/$target" \
	    "$TOP/tests/fuzz/corpus/$target" >"$T/out" 2>"$T/err"
	code=$?
	err=$(cat "$T/err")
	expect_code 0
	n=$(sed -n 's/^replayed \([0-9]*\) inputs$/\1/p' "$T/err")
	want=$(find "$TOP/tests/fuzz/regress/$target" \
	    "$TOP/tests/fuzz/corpus/$target" -type f ! -name '.*' | wc -l)
	if [ "${n:-x}" = "$want" ] && [ "$want" -gt 0 ]; then
		ok
	else
		bad "replayed ${n:-none} of $want inputs"
	fi
done
finish
