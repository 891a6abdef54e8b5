# mvb(1) OUTPUT: no command holds a whole table in memory to print it. On
# a register of 20,000 decisions with long titles (about 4 MiB of text),
# 'list' and 'due' as tables must peak within 4 MiB of the same command's
# CSV, which streams row by row; a table held whole takes 11-13 MiB more.
# Memory only (GNU time's peak RSS), never time.
. "$(dirname "$0")/lib.sh"

N=20000
SLACK=4096	# KiB a table may take beyond the CSV

# peak ARGS...: mvb's peak RSS in KiB for ARGS, stdout to a pipe.
peak() {
	/usr/bin/time -f '%M' -o "$T/rss" "$MVB" "$@" 2>"$T/err" | cat >"$T/out"
	tail -n 1 "$T/rss"
}

t "tables are not held whole: list and due peak near their CSV"
if [ ! -x /usr/bin/time ] ||
    ! /usr/bin/time -f '%M' true >/dev/null 2>&1; then
	skip "no GNU time at /usr/bin/time to read the peak RSS"
	finish
	exit
fi
if [ -n "${MVB_UNDER_TEST:-}" ]; then
	skip "mvb runs under $MVB_UNDER_TEST, whose memory is not mvb's"
	finish
	exit
fi
if grep -qa __asan_init "$MVB" 2>/dev/null; then
	skip "a sanitizer build keeps freed memory in quarantine"
	finish
	exit
fi

awk -v n="$N" 'BEGIN {
	print "id,title,capability,choice,owner,status,decided_on"
	pad = sprintf("%180s", "")
	gsub(/ /, "x", pad)
	for (i = 1; i <= n; i++)
		printf "%d,Decision %d %s,cap,buy,team-%d,active,2025-01-%02d\n",
		    i, i, pad, i % 40, 1 + i % 28
}' >"$T/big.csv"
run import "$T/big.csv"
expect_code 0

for cmd in list due; do
	csv=$(peak "$cmd" --format csv)
	table=$(peak "$cmd")
	rows=$(wc -l <"$T/out")
	# Every decision is listed and due (overdue): the header and N rows.
	[ "$rows" -eq $((N + 1)) ] && ok || bad "$cmd: $rows lines, not $((N + 1))"
	case $csv$table in
	*[!0-9]* | '')
		bad "$cmd: no peak RSS from GNU time ('$csv', '$table')"
		continue
		;;
	esac
	[ "$table" -le $((csv + SLACK)) ] && ok ||
	    bad "$cmd: the table peaked at $table KiB, the CSV at $csv KiB"
done

t "the last row's widest cell still sets the column (a table of N rows)"
run add --title "$(repeat W 200)" --capability cap --choice buy \
    --decided 2025-01-01
run list
expect_code 0
# "buy" starts at the same column in the first row and in the last.
cols=$(printf '%s\n' "$out" | sed -n '2p;$p' | awk '{ print index($0, "  buy  ") }' |
    sort -u)
case $cols in
*[!0-9]* | '' | 0) bad "the first and last rows' choice at columns '$cols'" ;;
*) ok ;;
esac
[ "$cols" -gt 200 ] && ok || bad "the choice column starts at $cols"

finish
