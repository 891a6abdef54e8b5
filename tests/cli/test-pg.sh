# A register on a PostgreSQL server (mvb(1) SHARED REGISTER): concurrent
# writers, a writer killed or cut off mid-transaction, passwords kept out of
# every output, another application's database refused, connection
# failures, and the two schemas giving the same tables and columns. Runs in
# the PostgreSQL pass (MVB_TEST_ENGINE=pg, which tests/run.sh sets up).
. "$(dirname "$0")/lib.sh"

if [ "$ENGINE" != pg ]; then
	t "a register on a PostgreSQL server"
	skip "runs in the PostgreSQL pass (MVB_TEST_ENGINE=pg)"
	finish
	exit
fi

base="postgresql://postgres@127.0.0.1:$MVB_TEST_PG_PORT"
psql_c() { pg psql -X -q -t -A -d "$PG_DB" -c "$1"; }

t "init creates the schema and names the register without its user"
run init
expect_code 0
expect_out "postgresql://127.0.0.1:$MVB_TEST_PG_PORT/$PG_DB"
[ "$(psql_c 'SELECT version FROM mvb_version')" = 4 ] && ok ||
    bad "mvb_version is not 4"

t "both migration series give the same tables and columns"
if command -v sqlite3 >/dev/null; then
	"$MVB" --db "$T/file.db" init >/dev/null
	sqlite3 "$T/file.db" "SELECT m.name || '.' || p.name FROM sqlite_schema m,
	    pragma_table_info(m.name) p WHERE m.type = 'table'
	    ORDER BY 1" >"$T/lite"
	psql_c "SELECT table_name || '.' || column_name FROM
	    information_schema.columns WHERE table_schema = current_schema()
	    AND table_name <> 'mvb_version' ORDER BY 1" >"$T/pgcols"
	[ -s "$T/lite" ] && cmp -s "$T/lite" "$T/pgcols" && ok ||
	    bad "columns differ: $(diff "$T/lite" "$T/pgcols" | head -5)"
	sqlite3 "$T/file.db" "SELECT name FROM sqlite_schema WHERE
	    type = 'index' AND sql IS NOT NULL ORDER BY 1" >"$T/liteidx"
	psql_c "SELECT indexname FROM pg_indexes WHERE schemaname =
	    current_schema() AND indexname NOT LIKE '%_pkey' ORDER BY 1" \
	    >"$T/pgidx"
	cmp -s "$T/liteidx" "$T/pgidx" && ok ||
	    bad "indexes differ: $(diff "$T/liteidx" "$T/pgidx" | head -5)"
else
	skip "needs the sqlite3 shell"
fi

t "8 writers adding and reviewing at once: every row there, no id twice, no error"
start=$(date +%s.%N)
for w in 1 2 3 4 5 6 7 8; do
	(
		i=0
		while [ $i -lt 10 ]; do
			id=$("$MVB" add --title "w$w-$i" --capability c --choice buy \
			    --decided 2026-01-05 2>>"$T/werr") || echo fail >>"$T/werr"
			"$MVB" review "$id" --outcome keep --on 2026-06-01 \
			    >/dev/null 2>>"$T/werr" || echo fail >>"$T/werr"
			i=$((i + 1))
		done
	) &
done
wait
end=$(date +%s.%N)
[ ! -s "$T/werr" ] && ok || bad "writers failed: $(head -3 "$T/werr")"
[ "$(psql_c 'SELECT count(*) FROM decisions')" = 80 ] && ok ||
    bad "decisions: $(psql_c 'SELECT count(*) FROM decisions'), want 80"
[ "$(psql_c 'SELECT count(DISTINCT title) FROM decisions')" = 80 ] && ok ||
    bad "a decision is missing"
[ "$(psql_c 'SELECT count(*) FROM reviews')" = 80 ] && ok ||
    bad "reviews: $(psql_c 'SELECT count(*) FROM reviews'), want 80"
[ "$(psql_c 'SELECT max(id) FROM decisions')" = 80 ] && ok ||
    bad "ids are not 1 to 80"
echo "8 writers, 160 write commands: $(awk "BEGIN { print $end - $start }") s" >&2
run check
expect_code 0
expect_out ok

# A row the server holds for 3 s (a trigger of this test's) keeps the
# import below inside its transaction for as long as the kill or the cut
# needs, however fast the rest of it streams.
psql_c "CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS
    \$\$ BEGIN IF NEW.title = 'slow' THEN PERFORM pg_sleep(3); END IF;
    RETURN NEW; END \$\$; CREATE TRIGGER slow BEFORE INSERT ON decisions
    FOR EACH ROW EXECUTE FUNCTION slow()" >/dev/null
{
	echo "title,capability,choice,decided_on"
	i=0
	while [ $i -lt 20000 ]; do
		echo "k$i,c,buy,2026-01-05"
		[ $i -eq 10000 ] && echo "slow,c,buy,2026-01-05"
		i=$((i + 1))
	done
} >"$T/big.csv"

t "a writer killed mid-transaction leaves nothing half-written"
before=$(psql_c 'SELECT count(*) FROM decisions')
"$MVB" import "$T/big.csv" >/dev/null 2>&1 &
pid=$!
sleep 1
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
# The server ends the dead client's transaction once its trigger returns.
i=0
while [ $i -lt 50 ] && [ "$(psql_c "SELECT count(*) FROM pg_stat_activity
    WHERE datname = '$PG_DB' AND pid <> pg_backend_pid()")" != 0 ]; do
	sleep 0.1
	i=$((i + 1))
done
n=$(psql_c 'SELECT count(*) FROM decisions')
[ "$n" = "$before" ] && ok ||
    bad "decisions after the kill: $n (before $before)"
run check
expect_code 0

t "a command cut off from the server: exit 1, one line"
(
	sleep 1
	psql_c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE
	    datname = '$PG_DB' AND pid <> pg_backend_pid()" >/dev/null
) &
run import "$T/big.csv"
wait
expect_code 1
expect_err_has "cannot import: terminating connection"
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && ok ||
    bad "more than one line: $err"
n=$(psql_c 'SELECT count(*) FROM decisions')
[ "$n" = "$before" ] && ok ||
    bad "decisions after the cut: $n (before $before)"
psql_c "DROP TRIGGER slow ON decisions; DROP FUNCTION slow()" >/dev/null
run check
expect_code 0

t "the import's history links are checked a statement at a time, as keys would be"
# An import links what it creates to its entry; the rules of migrations/pg/
# 0004_links.sql hold for an insert, a removal, a change of id and a
# truncation, each refused by the server with nothing changed.
printf 'title,capability,choice\nl1,c,buy\nl2,c,oss\n' >"$T/links.csv"
run import "$T/links.csv"
expect_code 0
nlinks=$(psql_c 'SELECT count(*) FROM history_decisions')
[ "$nlinks" -gt 0 ] && ok || bad "no history links to test with"
linked=$(psql_c 'SELECT decision_id FROM history_decisions LIMIT 1')
entry=$(psql_c 'SELECT history_id FROM history_decisions LIMIT 1')
for sql in \
    "INSERT INTO history_decisions VALUES ($entry, 999999)" \
    "INSERT INTO history_decisions VALUES (999999, $linked)" \
    "DELETE FROM decisions WHERE id = $linked" \
    "UPDATE decisions SET id = 999999 WHERE id = $linked" \
    "UPDATE history SET id = 999999 WHERE id = $entry" \
    "TRUNCATE decisions CASCADE"; do
	if psql_c "$sql" >/dev/null 2>"$T/perr"; then
		bad "the server took: $sql"
	else
		grep -q 'history link\|names no\|foreign key\|append-only\|never deleted' \
		    "$T/perr" && ok || bad "$sql: $(cat "$T/perr")"
	fi
done
[ "$(psql_c 'SELECT count(*) FROM history_decisions')" = "$nlinks" ] &&
    ok || bad "the links changed"
# With the triggers off (a hand edit), check finds the dangling link.
psql_c "SET session_replication_role = replica;
    INSERT INTO history_decisions VALUES ($entry, 999999)" >/dev/null
run check
expect_code 1
expect_out_has "history_decisions: a row refers to a missing row of decisions"
psql_c "SET session_replication_role = replica;
    DELETE FROM history_decisions WHERE decision_id = 999999" >/dev/null
run check
expect_code 0

t "a password in the URI appears in no output, error or history row"
psql_c "CREATE ROLE mvb_pw_$$ LOGIN PASSWORD 'Sekr3tPw'" >/dev/null
psql_c "GRANT ALL ON ALL TABLES IN SCHEMA public TO mvb_pw_$$" >/dev/null
pw="postgresql://mvb_pw_$$:Sekr3tPw@127.0.0.1:$MVB_TEST_PG_PORT/$PG_DB"
"$MVB" --db "$pw" add --title pw --capability c --choice buy >"$T/o1" 2>&1
"$MVB" --db "$pw" history 1 >>"$T/o1" 2>&1
"$MVB" --db "$pw" init >>"$T/o1" 2>&1
"$MVB" --db "$pw" show 999 >>"$T/o1" 2>&1
"$MVB" --db "postgresql://mvb_pw_$$:Sekr3tPw@127.0.0.1:$MVB_TEST_PG_PORT/nonesuch" \
    list >>"$T/o1" 2>&1
"$MVB" --db "$pw" export --what decisions >>"$T/o1" 2>&1
grep -q Sekr3tPw "$T/o1" && bad "the password was printed" || ok
[ "$(psql_c "SELECT count(*) FROM history WHERE concat(what, old_value,
    new_value, who) LIKE '%Sekr3tPw%'")" = 0 ] && ok ||
    bad "the password is in the history"

t "a connection failure is one line naming host and database, exit 1"
fails 1 "cannot open register 'postgresql://127.0.0.1:1/nodb'" \
    --db "postgresql://u:Sekr3tPw@127.0.0.1:1/nodb" list
case "$err" in *Sekr3tPw*) bad "password in the error" ;; *) ok ;; esac
fails 1 "cannot open register 'postgresql://127.0.0.1:$MVB_TEST_PG_PORT/nonesuch'" \
    --db "postgres://postgres@127.0.0.1:$MVB_TEST_PG_PORT/nonesuch" list

t "another application's database is refused and left untouched"
other="${PG_DB}_other"
pg createdb "$other"
pg psql -X -q -d "$other" -c "CREATE TABLE invoices (id int); INSERT INTO invoices VALUES (1)"
pg pg_dump "$other" | sed '/^\\\(un\)\{0,1\}restrict /d' >"$T/o-before"
for c in list init "add --title x --capability c --choice buy"; do
	# shellcheck disable=SC2086
	fails 1 "is not an mvb register" --db "$base/$other" $c
done
pg pg_dump "$other" | sed '/^\\\(un\)\{0,1\}restrict /d' >"$T/o-after"
cmp -s "$T/o-before" "$T/o-after" && ok || bad "the other database changed"
pg dropdb "$other"

t "backup moves a file register onto an empty server database and back, byte-identical"
"$MVB" --db "$T/f.db" add --title A --capability c --choice buy \
    --decided 2026-01-05 >/dev/null
"$MVB" --db "$T/f.db" assume 1 "it holds" >/dev/null
"$MVB" --db "$T/f.db" metric 1 latency "<=" 200 --unit ms --by 2026-06-01 >/dev/null
"$MVB" --db "$T/f.db" measure 1 latency 150 --on 2026-02-01 >/dev/null
"$MVB" --db "$T/f.db" review 1 --outcome keep --on 2026-03-01 >/dev/null
"$MVB" --db "$T/f.db" option 1 "in house" --choice build --monthly 100 >/dev/null 2>&1
"$MVB" --db "$T/f.db" config currency EUR >/dev/null
moved="${PG_DB}_moved"
pg createdb "$moved"
run --db "$T/f.db" backup "$base/$moved"
expect_code 0
run --db "$base/$moved" backup "$T/g.db"
expect_code 0
run --db "$T/g.db" check
expect_out ok
for w in decisions assumptions metrics measurements sunset reviews options; do
	"$MVB" --db "$T/f.db" export --what "$w" >"$T/a.$w"
	"$MVB" --db "$T/g.db" export --what "$w" >"$T/b.$w"
	cmp -s "$T/a.$w" "$T/b.$w" && ok || bad "export of $w differs"
done
for c in "config" "history 1"; do
	# shellcheck disable=SC2086
	[ "$("$MVB" --db "$T/f.db" $c)" = "$("$MVB" --db "$T/g.db" $c)" ] &&
	    ok || bad "$c differs"
done
fails 1 "already holds a register" --db "$T/f.db" backup "$base/$moved"
pg dropdb "$moved"

t "a reader of an empty database creates nothing"
empty="${PG_DB}_empty"
pg createdb "$empty"
fails 1 "no register at 'postgresql://127.0.0.1:$MVB_TEST_PG_PORT/$empty'" \
    --db "$base/$empty" list
[ "$(pg psql -X -t -A -d "$empty" -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" = 0 ] &&
    ok || bad "tables were created"
pg dropdb "$empty"

finish
