# Several mvb processes writing one register at once all succeed, and a
# killed writer leaves the register as it was.
. "$(dirname "$0")/lib.sh"

t "parallel adds on a fresh register all succeed with distinct ids"
i=0
while [ $i -lt 16 ]; do
	"$MVB" add --title "p$i" --capability c --choice buy >"$T/out.$i" 2>"$T/err.$i" &
	i=$((i + 1))
done
wait
i=0
okc=0
while [ $i -lt 16 ]; do
	[ -s "$T/err.$i" ] && cat "$T/err.$i"
	[ -s "$T/out.$i" ] && [ ! -s "$T/err.$i" ] && okc=$((okc + 1))
	i=$((i + 1))
done
[ "$okc" -eq 16 ] && ok || bad "$okc of 16 succeeded"
ids=$(cat "$T"/out.* | sort -n | tr '\n' ' ')
[ "$ids" = "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 " ] && ok || bad "ids: $ids"
run check
expect_out ok
finish
