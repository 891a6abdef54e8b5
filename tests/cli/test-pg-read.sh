# Reading a register on a PostgreSQL server (mvb(1) SHARED REGISTER): long
# outputs stream, a batch of rows at a time, so that an export's memory does
# not grow with the register; queries stepped while others are open (show,
# report, due, lint, the flags of export) still give what a file gives; and
# a command reads one snapshot, whatever writers commit while it runs. Runs
# in the PostgreSQL pass (MVB_TEST_ENGINE=pg, which tests/run.sh sets up).
. "$(dirname "$0")/lib.sh"

if [ "$ENGINE" != pg ]; then
	t "reading a register on a PostgreSQL server"
	skip "runs in the PostgreSQL pass (MVB_TEST_ENGINE=pg)"
	finish
	exit
fi

base="postgresql://postgres@127.0.0.1:$MVB_TEST_PG_PORT"
SMALL_DB="${PG_DB}_small"
MID_DB="${PG_DB}_mid"
pg createdb "$SMALL_DB" || exit 1
pg createdb "$MID_DB" || exit 1
trap 'rm -rf "$T"; pg dropdb --if-exists "$PG_DB";
    pg dropdb --if-exists "$SMALL_DB"; pg dropdb --if-exists "$MID_DB"' EXIT

out=
err=
BIG=200000
SMALL=20000
SLACK=4096	# KiB the big export may take beyond the small one

# decisions N: N decisions with long titles; the first half retired, so that
# an export evaluates flags (and first reads the evidence) only half-way.
decisions() {
	awk -v n="$1" 'BEGIN {
		print "id,title,capability,choice,owner,status,decided_on"
		pad = sprintf("%180s", "")
		gsub(/ /, "x", pad)
		for (i = 1; i <= n; i++)
			printf "%d,Decision %d %s,cap,buy,team-%d,%s,2025-01-%02d\n",
			    i, i, pad, i % 40, i <= n / 2 ? "retired" : "active",
			    1 + i % 28
	}'
}

# The file (over 8 MiB: import's bulk path) streamed into the server.
t "a server register of $BIG decisions and a file register of the same"
decisions "$BIG" >"$T/big.csv"
"$MVB" import "$T/big.csv" >"$T/out" 2>"$T/err"
[ $? -eq 0 ] && ok || bad "import into the server: $(cat "$T/err")"
"$MVB" --db "$T/big.db" import "$T/big.csv" >/dev/null 2>"$T/err" && ok ||
    bad "import into a file: $(cat "$T/err")"
decisions "$SMALL" | "$MVB" --db "$base/$SMALL_DB" import - >/dev/null \
    2>"$T/err" && ok || bad "import of $SMALL: $(cat "$T/err")"

t "an export of $BIG decisions from the server is the file's, byte for byte"
"$MVB" export --what decisions >"$T/pg.csv" 2>"$T/err" && ok ||
    bad "export: $(cat "$T/err")"
"$MVB" --db "$T/big.db" export --what decisions >"$T/file.csv" && ok ||
    bad "export of the file"
[ "$(wc -l <"$T/pg.csv")" -eq $((BIG + 1)) ] && ok ||
    bad "$(wc -l <"$T/pg.csv") lines, not $((BIG + 1))"
cmp -s "$T/pg.csv" "$T/file.csv" && ok ||
    bad "exports differ: $(cmp "$T/pg.csv" "$T/file.csv" 2>&1)"
"$MVB" list --format csv >"$T/pg-list.csv" &&
    "$MVB" --db "$T/big.db" list --format csv >"$T/file-list.csv" &&
    cmp -s "$T/pg-list.csv" "$T/file-list.csv" && ok ||
    bad "list --format csv differs from the file's"

t "an export's memory does not grow with the register: $BIG near $SMALL"
if [ ! -x /usr/bin/time ] ||
    ! /usr/bin/time -f '%M' true >/dev/null 2>&1; then
	skip "no GNU time at /usr/bin/time to read the peak RSS"
elif [ -n "${MVB_UNDER_TEST:-}" ]; then
	skip "mvb runs under $MVB_UNDER_TEST, whose memory is not mvb's"
elif grep -qa __asan_init "$MVB" 2>/dev/null; then
	skip "a sanitizer build keeps freed memory in quarantine"
else
	/usr/bin/time -f '%M' -o "$T/rss-big" "$MVB" export --what decisions |
	    cat >/dev/null
	/usr/bin/time -f '%M' -o "$T/rss-small" "$MVB" --db "$base/$SMALL_DB" \
	    export --what decisions | cat >/dev/null
	big=$(tail -n 1 "$T/rss-big")
	small=$(tail -n 1 "$T/rss-small")
	case $big$small in
	*[!0-9]* | '') bad "no peak RSS from GNU time ('$big', '$small')" ;;
	*)
		[ "$big" -le $((small + SLACK)) ] && ok ||
		    bad "$BIG rows peaked at $big KiB, $SMALL at $small KiB" ;;
	esac
fi

t "an export reads one snapshot while another process writes"
# The export blocks on the pipe after its first rows: the reader takes one
# byte, waits until the writers have committed, then reads the rest. Its
# first open decision comes after every retired one, so that it first reads
# the evidence (the new sunset criterion) after the writers.
rm -f "$T/written"
(
	"$MVB" export --what decisions 2>"$T/snap-err"
	echo $? >"$T/snap-code"
) | {
	dd bs=1 count=1 2>/dev/null
	while [ ! -e "$T/written" ]; do sleep 0.1; done
	cat
} >"$T/snap.csv" &
reader=$!
i=0
while [ ! -s "$T/snap.csv" ] && [ ! -s "$T/snap-code" ] && [ $i -lt 600 ]; do
	sleep 0.1
	i=$((i + 1))
done
"$MVB" add --title "added during the export" --capability cap \
    --choice buy >"$T/add-out" 2>"$T/werr" &&
    "$MVB" sunset $((BIG - 10)) 'on 2026-01-01' >/dev/null 2>>"$T/werr" &&
    "$MVB" edit $((BIG - 1)) --title "edited during the export" \
    2>>"$T/werr" && ok || bad "the writers failed: $(cat "$T/werr")"
[ ! -s "$T/snap-code" ] && ok ||
    bad "the export ended before the writers ($(cat "$T/snap-code"))"
touch "$T/written"
wait "$reader"
[ "$(cat "$T/snap-code")" = 0 ] && ok ||
    bad "the export failed: $(cat "$T/snap-err")"
cmp -s "$T/snap.csv" "$T/pg.csv" && ok ||
    bad "not the rows as of its start: $(diff "$T/pg.csv" "$T/snap.csv" |
    cut -c 1-120 | head -4)"
# The writes are there for the next command: the test can tell.
"$MVB" export --what decisions >"$T/after.csv"
[ "$(wc -l <"$T/after.csv")" -eq $((BIG + 2)) ] && ok ||
    bad "$(wc -l <"$T/after.csv") lines after the writes"
grep -q "^$((BIG - 10)),.*sunset" "$T/after.csv" && ok ||
    bad "the sunset criterion does not flag decision $((BIG - 10))"

t "queries stepped inside others' batches: show, report, due, lint as a file"
# 3000 decisions, half with evidence; decision 1 with 600 options.
awk 'BEGIN {
	print "id,title,capability,choice,owner,status,decided_on,one_time_cost,monthly_cost"
	for (i = 1; i <= 3000; i++)
		printf "%d,Mid %d,cap-%d,%s,team-%d,%s,20%02d-%02d-%02d,%d.00,%d.50\n",
		    i, i, i % 7, i % 3 ? "buy" : "build", i % 11,
		    i % 5 ? "active" : "proposed", 24 + i % 3, 1 + i % 12,
		    1 + i % 28, i % 900, i % 300
}' >"$T/mid-decisions.csv"
awk 'BEGIN {
	print "decision_id,number,text,status,invalidated_on,confirmed_on,note"
	for (i = 1; i <= 3000; i += 2)
		printf "%d,1,Holds for %d,%s,%s,,\n", i, i,
		    i % 3 ? "holding" : "invalidated", i % 3 ? "" : "2026-03-01"
}' >"$T/mid-assumptions.csv"
awk 'BEGIN {
	print "decision_id,name,op,target,unit,target_on"
	for (i = 2; i <= 3000; i += 3)
		printf "%d,uptime,>=,99.5,%%,2026-06-30\n", i
}' >"$T/mid-metrics.csv"
awk 'BEGIN {
	print "decision_id,metric,measured_on,value"
	for (i = 2; i <= 3000; i += 6)
		printf "%d,uptime,2026-05-01,%s\n", i, i % 4 ? "99.9" : "98.1"
}' >"$T/mid-measurements.csv"
awk 'BEGIN {
	print "decision_id,number,expression"
	for (i = 3; i <= 3000; i += 4)
		printf "%d,1,%s\n", i,
		    (i % 8 == 3 ? "on 2026-09-01" : "monthly_cost > 100.00")
}' >"$T/mid-sunset.csv"
awk 'BEGIN {
	print "decision_id,number,name,choice,currency,one_time_cost," \
	    "monthly_cost,annual_increase_pct,ops_fte,fte_annual_cost," \
	    "lockin_cost,lockin_probability"
	for (i = 1; i <= 600; i++)
		printf "1,%d,Option %d,%s,USD,%d.00,%d.00,%d.00,0.50," \
		    "90000.00,0.00,0.00\n", i, i, i % 2 ? "buy" : "build",
		    i * 10, i, i % 20
}' >"$T/mid-options.csv"
for db in "$base/$MID_DB" "$T/mid.db"; do
	for table in decisions assumptions metrics measurements sunset \
	    options; do
		"$MVB" --db "$db" import --what "$table" \
		    "$T/mid-$table.csv" >/dev/null 2>"$T/err" ||
		    bad "import of $table into '$db': $(cat "$T/err")"
	done
done
for args in "show 1" "show 1 --format json" "show 1 --format md" \
    "show 2" "show 3 --format json" "compare 1" "report" \
    "report --format json" "report --quarter 2026Q3 --format md" "due" \
    "due --format csv" "lint" "list --format json" \
    "export --what decisions" "export --what options" \
    "export --what assumptions" "export --what calendar"; do
	# shellcheck disable=SC2086
	"$MVB" --db "$base/$MID_DB" $args >"$T/mid-pg" 2>"$T/err"
	pgcode=$?
	# shellcheck disable=SC2086
	"$MVB" --db "$T/mid.db" $args >"$T/mid-file" 2>>"$T/err"
	# A calendar's stamps and UIDs are its own register's and time's.
	if [ "$args" = "export --what calendar" ]; then
		sed -i -e '/^DTSTAMP:/d' -e '/^UID:/d' "$T/mid-pg" \
		    "$T/mid-file"
	fi
	if [ "$pgcode" -ne 0 ] && [ "$pgcode" -ne 3 ]; then
		bad "$args: exit $pgcode: $(cat "$T/err")"
	elif ! cmp -s "$T/mid-pg" "$T/mid-file"; then
		bad "$args differs from the file's: $(diff "$T/mid-file" \
		    "$T/mid-pg" | head -4)"
	elif [ "$(wc -c <"$T/mid-pg")" -lt 300 ]; then
		bad "$args: only $(wc -c <"$T/mid-pg") bytes"
	else
		ok
	fi
done

finish
