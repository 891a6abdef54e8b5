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

t "a writer killed in the middle leaves the register as it was"
awk 'BEGIN { print "title,capability,choice,rationale";
	for (i = 0; i < 200000; i++)
		printf "Decision %d,capability %d,buy,\"a, b\"\n", i, i % 97 }' \
	>"$T/big.csv"
"$MVB" export >"$T/before.csv"
size=$(wc -c <"$T/big.csv")
"$MVB" import "$T/big.csv" >/dev/null 2>&1 &
pid=$!
# Kill it only once it has read (and so written into its transaction)
# the first megabyte of rows, as the CSV file's read position in /proc
# shows: a kill before the import began would prove nothing.
pos=0
n=0
while [ -d /proc/$pid/fd ] && [ $n -lt 500 ]; do
	for f in /proc/$pid/fd/*; do
		if [ "$(readlink "$f" 2>/dev/null)" = "$T/big.csv" ]; then
			p=$(awk '/^pos:/ { print $2 }' \
			    "/proc/$pid/fdinfo/${f##*/}" 2>/dev/null)
			[ -n "$p" ] && pos=$p
		fi
	done
	[ "$pos" -gt 1000000 ] && break
	sleep 0.01
	n=$((n + 1))
done
if kill -9 "$pid" 2>/dev/null; then killed=1; else killed=0; fi
wait "$pid" 2>/dev/null
if [ ! -d /proc/self/fdinfo ]; then
	skip "no /proc here to see how far the import got before the kill"
elif [ "$killed" -eq 1 ] && [ "$pos" -gt 1000000 ] && [ "$pos" -lt "$size" ]; then
	ok
else
	bad "the kill did not land mid-import (read $pos of $size bytes, killed $killed)"
fi
run check
expect_out ok
"$MVB" export >"$T/after.csv"
cmp -s "$T/before.csv" "$T/after.csv" && ok || bad "the register changed"
run add --title "after the kill" --capability c --choice buy
expect_code 0
expect_out 17

t "a backup copy is read at once while another program reads it, then made WAL"
if command -v sqlite3 >/dev/null; then
	run backup "$T/copy.db"
	expect_code 0
	[ "$(sqlite3 "$T/copy.db" 'PRAGMA journal_mode')" = delete ] && ok || bad "copy is WAL"
	sqlite3 "$T/copy.db" "BEGIN; SELECT count(*) FROM decisions;" ".shell sleep 30" >/dev/null 2>&1 </dev/null &
	holder=$!
	sleep 0.5
	run --db "$T/copy.db" list --format csv
	expect_code 0
	expect_out_has "17,after the kill"
	kill -0 "$holder" 2>/dev/null && ok || bad "the reader was gone before list ended"
	kill "$holder" 2>/dev/null
	wait "$holder" 2>/dev/null
	run --db "$T/copy.db" add --title "into the copy" --capability c --choice buy
	expect_out 18
	[ "$(sqlite3 "$T/copy.db" 'PRAGMA journal_mode')" = wal ] && ok || bad "copy not made WAL"
fi
t "the first import into a new register, killed midway, leaves it empty and WAL"
# That import writes through a rollback journal (mvb(1) FILES): the kill
# leaves the -journal file, which the next command rolls back.
new="$T/new/register.db"
"$MVB" --db "$new" import "$T/big.csv" >/dev/null 2>&1 &
pid=$!
journal=0
n=0
while [ -d /proc/$pid ] && [ $n -lt 500 ]; do
	[ -e "$new-journal" ] && [ -s "$new" ] && { journal=1; break; }
	sleep 0.01
	n=$((n + 1))
done
sleep 0.1
if kill -9 "$pid" 2>/dev/null; then killed=1; else killed=0; fi
wait "$pid" 2>/dev/null
if [ ! -d /proc/self ]; then
	skip "no /proc here to see whether the import still ran"
elif [ "$journal" -eq 1 ] && [ "$killed" -eq 1 ] && [ -e "$new-journal" ]; then
	ok
else
	bad "no rollback journal while the import ran (journal $journal, killed $killed)"
fi
[ ! -e "$new-wal" ] && ok || bad "the import wrote a -wal file"
MVB_DB="$new" run check
expect_out ok
[ "$("$MVB" --db "$new" list --format csv | wc -l)" -eq 1 ] && ok ||
    bad "rows of the killed import were kept"
MVB_DB="$new" run add --title "after the kill" --capability c --choice buy
expect_out 1
if command -v sqlite3 >/dev/null; then
	[ "$(sqlite3 "$new" 'PRAGMA journal_mode')" = wal ] && ok || bad "not WAL"
else
	skip "no sqlite3 shell to read the journal mode"
fi

t "the first import into a new register ends in WAL mode, with its rows"
MVB_DB="$T/new2.db" run import "$T/big.csv"
expect_code 0
[ ! -e "$T/new2.db-journal" ] && ok || bad "a -journal file was left"
if command -v sqlite3 >/dev/null; then
	[ "$(sqlite3 "$T/new2.db" 'PRAGMA journal_mode')" = wal ] && ok || bad "not WAL"
	[ "$(sqlite3 "$T/new2.db" 'SELECT count(*) FROM decisions')" = 200000 ] &&
	    ok || bad "rows missing"
else
	skip "no sqlite3 shell to read the journal mode"
fi

finish
