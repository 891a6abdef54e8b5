# Import into a register on a PostgreSQL server streams its rows with COPY
# (mvb(1) SHARED REGISTER): the same registers, the same ids and the same
# errors (message, line, exit code, nothing written) as an import into a
# file, whatever the order of the ids. Runs in the PostgreSQL pass
# (MVB_TEST_ENGINE=pg, which tests/run.sh sets up).
. "$(dirname "$0")/lib.sh"

if [ "$ENGINE" != pg ]; then
	t "import into a PostgreSQL server streams with COPY"
	skip "runs in the PostgreSQL pass (MVB_TEST_ENGINE=pg)"
	finish
	exit
fi

base="postgresql://postgres@127.0.0.1:$MVB_TEST_PG_PORT"
psql_c() { pg psql -X -q -t -A -d "$1" -c "$2"; }
cd "$T" || exit 1
n_db=0

# fresh: a new server register in $S and a new file register in $F.
fresh() {
	n_db=$((n_db + 1))
	sdb="${PG_DB}_$n_db"
	pg createdb "$sdb" || exit 1
	echo "$sdb" >>"$T/dbs"
	S="$base/$sdb"
	F="$T/f$n_db.db"
	"$MVB" --db "$S" init >/dev/null && "$MVB" --db "$F" init >/dev/null ||
	    exit 1
}
trap 'cd /; [ -f "$T/dbs" ] && while read -r d; do
	pg dropdb --if-exists "$d"; done <"$T/dbs"; rm -rf "$T";
	pg dropdb --if-exists "$PG_DB"' EXIT

# both ARGS...: run mvb ARGS on the server register, then on the file;
# expect the same exit code, stdout and stderr. Sets $out, $err, $code
# (the server's).
both() {
	"$MVB" --db "$F" "$@" >"$T/fout" 2>"$T/ferr"
	fcode=$?
	run --db "$S" "$@"
	if [ "$code" -eq "$fcode" ] && cmp -s "$T/out" "$T/fout" &&
	    cmp -s "$T/err" "$T/ferr"; then
		ok
	else
		bad "server (exit $code) and file (exit $fcode) differ:" \
		    "$(diff "$T/out" "$T/fout" | head -4)" \
		    "$(diff "$T/err" "$T/ferr" | head -4)"
	fi
}

# same_registers: every table exported, and each decision's history
# without its times, the same on both.
same_registers() {
	for w in decisions assumptions metrics measurements sunset reviews \
	    options; do
		both export --what "$w"
	done
	both export --format json
	for id in $(psql_c "$sdb" "SELECT id FROM decisions ORDER BY
	    random() LIMIT 5"); do
		"$MVB" --db "$S" history "$id" | cut -c 22- >"$T/sh"
		"$MVB" --db "$F" history "$id" | cut -c 22- >"$T/fh"
		cmp -s "$T/sh" "$T/fh" && [ -s "$T/sh" ] && ok ||
		    bad "history of $id differs: $(diff "$T/sh" "$T/fh")"
	done
	[ "$(psql_c "$sdb" 'SELECT count(*) FROM history_decisions')" = \
	    "$(sqlite3 "$F" 'SELECT count(*) FROM history_decisions' \
	    2>/dev/null || psql_c "$sdb" 'SELECT count(*) FROM
	    history_decisions')" ] && ok || bad "history links differ"
}

# snap_both / unchanged_both: the two registers are what they were.
# snap_server / unchanged_server: the same for the server register alone.
snap_server() {
	pg pg_dump "$sdb" | sed '/^\\\(un\)\{0,1\}restrict /d' >"$T/ssnap"
}
unchanged_server() {
	pg pg_dump "$sdb" | sed '/^\\\(un\)\{0,1\}restrict /d' >"$T/snow"
	cmp -s "$T/ssnap" "$T/snow" && ok || bad "server register changed"
}
snap_both() {
	snap_server
	cp "$F" "$T/fsnap"
}
unchanged_both() {
	unchanged_server
	cmp -s "$T/fsnap" "$F" && ok || bad "file register changed"
}

# gen N FIRST STEP [IDS]: N decisions with ids FIRST, FIRST+STEP, ...
# (IDS=none: no id column), with text COPY must escape in their titles:
# backslashes, tabs, CRs and newlines.
gen() {
	awk -v n="$1" -v first="$2" -v step="$3" -v ids="${4:-}" '
	BEGIN {
		split("build buy oss assemble", ch, " ")
		printf "%stitle,capability,choice,vendor,status,decided_on," \
		    "currency,one_time_cost,monthly_cost,rationale\n",
		    ids == "none" ? "" : "id,"
		for (i = 0; i < n; i++) {
			id = first + i * step
			c = ch[i % 4 + 1]
			printf "%s\"Decision %d, \\\\N \\\\ back\tslash\r" \
			    "\n\"\"q\"\"\",cap %d,%s,%s,%s,2025-%02d-%02d," \
			    "%s,%d.%02d,%d,%s\n", ids == "none" ? "" : id ",",
			    i, i % 50, c, c == "build" ? "" : "V" i % 7,
			    i % 9 ? "active" : "proposed", 1 + i % 12,
			    1 + i % 28, i % 5 ? "USD" : "EUR", i * 7, i % 100,
			    i % 300, i % 3 ? "" : "why\\t" i
		}
	}'
}

t "20,000 decisions: the server register equals the file register"
fresh
gen 20000 1 1 >big.csv
# Each statement that writes decisions, logged by a trigger of this test.
psql_c "$sdb" "CREATE TABLE stmts (q TEXT); CREATE FUNCTION log_stmt()
    RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN INSERT INTO stmts
    VALUES (left(current_query(), 30)); RETURN NULL; END \$\$;
    CREATE TRIGGER log_stmt AFTER INSERT ON decisions FOR EACH STATEMENT
    EXECUTE FUNCTION log_stmt()" >/dev/null
both import big.csv
expect_code 0
[ "$(psql_c "$sdb" 'SELECT q FROM stmts')" = \
    "COPY decisions (id, title, cap" ] && ok || bad "not one COPY: $(psql_c "$sdb" 'SELECT q FROM stmts' | head -3)"
psql_c "$sdb" "DROP TRIGGER log_stmt ON decisions; DROP FUNCTION log_stmt;
    DROP TABLE stmts" >/dev/null
same_registers
[ "$(psql_c "$sdb" 'SELECT count(*) FROM decisions')" = 20000 ] && ok ||
    bad "not 20000 decisions on the server"
both check

t "ids absent: assigned as on a file, into a fresh register and after"
fresh
gen 300 0 0 none >noid.csv
both import noid.csv
expect_code 0
both import noid.csv
expect_code 0
same_registers
[ "$(psql_c "$sdb" "SELECT min(id) || ' ' || max(id) FROM decisions")" = \
    "1 600" ] && ok || bad "ids are not 1 to 600"

t "ids ascending with gaps, then descending, then mixed with absent ones"
fresh
gen 400 10 3 >asc.csv
both import asc.csv
expect_code 0
gen 300 5000 -2 >desc.csv
both import desc.csv
expect_code 0
{
	echo "id,title,capability,choice"
	for i in 9000 7 '' 8 9500 '' 2 12000 '' 11999 6000 ''; do
		echo "$i,mixed $i,cap,buy"
	done
} >mixed.csv
both import mixed.csv
expect_code 0
same_registers
[ "$(psql_c "$sdb" "SELECT id FROM decisions WHERE title = 'mixed '
    ORDER BY id" | tr '\n' ' ')" = "9001 9501 12001 12002 " ] && ok ||
    bad "absent ids not one past the largest so far"
both check

t "errors: the same message, line and exit code, nothing written"
fresh
gen 50 1 1 >base.csv
both import base.csv
snap_both
# A duplicate id within the file, after a long run of streamed rows.
{ gen 3000 100 1; echo "150,again,cap,buy,,active,2025-01-01,USD,1,1,"; } \
    >dup.csv
both import dup.csv
expect_code 2
expect_err_has "dup.csv:6002: id: decision 150 already exists"
unchanged_both
# An id already in the register, first and after streamed rows.
{ echo "id,title,capability,choice"; echo "7,again,cap,buy"; } >taken.csv
both import taken.csv
expect_code 2
expect_err_has "taken.csv:2: id: decision 7 already exists"
{ gen 2000 51 1; echo "50,again,cap,buy,,active,2025-01-01,USD,1,1,"; } \
    >taken2.csv
both import taken2.csv
expect_code 2
expect_err_has "taken2.csv:4002: id: decision 50 already exists"
unchanged_both
# A bad value at line N after N - 1 good lines (each generated row
# takes two), ids absent and given.
{ gen 2500 0 0 none; echo "t,cap,bought,,active,2025-01-01,USD,1,1,"; } \
    >badval.csv
both import badval.csv
expect_code 2
expect_err_has "badval.csv:5002: choice: invalid choice 'bought'"
{ gen 2500 1000 1; echo "9999,t,cap,buy,,active,2025-13-01,USD,1,1,"; } \
    >baddate.csv
both import baddate.csv
expect_code 2
expect_err_has "baddate.csv:5002: decided_on: invalid date '2025-13-01'"
unchanged_both
# No ids left: an absent id after the largest.
{ echo "id,title,capability,choice"; echo "999999999999999999,last,c,buy";
    echo ",next,c,buy"; } >last.csv
both import last.csv
expect_code 2
expect_err_has "last.csv:3: id: no decision ids left"
unchanged_both

t "an error the server raises when the stream ends: one line, exit 1, \
nothing written"
psql_c "$sdb" "ALTER TABLE decisions ADD CONSTRAINT no_forbidden
    CHECK (title <> 'forbidden')" >/dev/null
snap_server
{ gen 1000 500 1; echo "1500,forbidden,cap,buy,,active,2025-01-01,USD,1,1,"; } \
    >forbid.csv
run --db "$S" import forbid.csv
expect_code 1
expect_err_has "forbid.csv: cannot import: new row for relation \
\"decisions\" violates check constraint \"no_forbidden\""
unchanged_server
# The refused row first: the server says so while the stream goes on.
gen 20000 5000 1 | sed \
    '1a 1400,forbidden,cap,buy,,active,2025-01-01,USD,1,1,' >forbid2.csv
run --db "$S" import forbid2.csv
expect_code 1
expect_err_has "forbid2.csv: cannot import: new row for relation \
\"decisions\" violates check constraint \"no_forbidden\""
unchanged_server
psql_c "$sdb" "ALTER TABLE decisions DROP CONSTRAINT no_forbidden" >/dev/null

t "a stream cut off from the server: exit 1, one line, nothing written"
# A row the server holds for 3 s (a trigger of this test's), cut off
# after 1 s: the connection ends while the stream is open.
psql_c "$sdb" "CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS
    \$\$ BEGIN IF NEW.title = 'slow' THEN PERFORM pg_sleep(3); END IF;
    RETURN NEW; END \$\$; CREATE TRIGGER slow BEFORE INSERT ON decisions
    FOR EACH ROW EXECUTE FUNCTION slow()" >/dev/null
snap_server
{ gen 1000 2000 1; echo "3000,slow,cap,buy,,active,2025-01-01,USD,1,1,"; } \
    >slow.csv
(
	sleep 1
	psql_c "$sdb" "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
	    WHERE datname = '$sdb' AND pid <> pg_backend_pid()" >/dev/null
) &
run --db "$S" import slow.csv
wait
expect_code 1
expect_err_has "slow.csv: cannot import: "
unchanged_server
psql_c "$sdb" "DROP TRIGGER slow ON decisions; DROP FUNCTION slow" \
    >/dev/null

t "a bulk import (8 MiB and more) on the server, then the other tables"
fresh
gen 100000 1 1 >bulk.csv
[ "$(wc -c <bulk.csv)" -ge 8388608 ] && ok || bad "bulk.csv under 8 MiB"
both import bulk.csv
expect_code 0
expect_err_empty
{
	echo "decision_id,number,text,status,invalidated_on"
	echo "3,,holds,holding,"
	echo "3,,went,invalidated,2026-01-02"
	echo "59999,1,far,holding,"
} >a.csv
{ echo "decision_id,name,op,target,unit,target_on";
    echo "3,uptime,>=,99.9,%,2026-05-01"; echo "4,cost,<=,10,k,"; } >m.csv
{ echo "decision_id,metric,measured_on,value";
    echo "3,uptime,2026-05-20,99.95"; echo "4,cost,2026-06-01,12"; } >s.csv
{ echo "decision_id,number,expression"; echo "3,,uptime < 99.7";
    echo "4,2,on 2027-01-01"; } >u.csv
{ echo "decision_id,reviewed_on,outcome,next_review_on,replaced_by,notes";
    echo "5,2026-02-01,keep,,,fine"; echo "6,2026-03-01,replace,,7,moved"; } \
    >r.csv
{ printf '%s' "decision_id,number,name,choice,currency,one_time_cost,"
    echo "monthly_cost,annual_increase_pct,ops_fte,fte_annual_cost,\
lockin_cost,lockin_probability";
    echo "3,,in-house,build,,100,10,0,1,,0,0";
    echo "3,,vendor,buy,EUR,0,99,3,0,,500,0.5"; } >o.csv
for w in assumptions:a metrics:m measurements:s sunset:u reviews:r options:o
do
	both import --what "${w%%:*}" "${w##*:}.csv"
	expect_code 0
done
same_registers
both check

finish
