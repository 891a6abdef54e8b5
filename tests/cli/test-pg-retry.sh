# A conflict with another writer on a server is run again, never lost and
# never half-written (mvb(1) SHARED REGISTER): a psql session holds a lock
# that mvb's transaction waits on, then asks for mvb's write lock, so that
# the server finds a deadlock and aborts mvb's transaction (mvb's backend
# waits the server's 1 s deadlock_timeout and detects it; psql's waits
# 60 s). Also: the completion of ids on a server register. Runs in the
# PostgreSQL pass (MVB_TEST_ENGINE=pg, which tests/run.sh sets up).
. "$(dirname "$0")/lib.sh"

if [ "$ENGINE" != pg ]; then
	t "conflicts with another writer on a PostgreSQL server"
	skip "runs in the PostgreSQL pass (MVB_TEST_ENGINE=pg)"
	finish
	exit
fi

psql_c() { pg psql -X -q -t -A -d "$PG_DB" -c "$1"; }

# conflict LOCK ROUNDS [LAST]: in the background, a psql session that takes
# LOCK (SQL) in its transaction, then ROUNDS times waits (server side, so no
# timing of the shell's matters) until another session is blocked by it and
# asks for mvb's write lock (src/engine-pg.c WRITE_LOCK): a deadlock, of
# which mvb's transaction is the victim. Before the last round's lock is
# released it runs LAST (a PL/pgSQL statement), as another writer would;
# the last round's lock is held until its commit. Returns once LOCK is held;
# conflict_end waits for it and checks that every round happened.
conflict() {
	cat >"$T/conflict.sql" <<EOF
SET deadlock_timeout = '60s';
BEGIN;
$1;
DO \$\$
DECLARE
	give_up timestamptz := clock_timestamp() + interval '30 s';
BEGIN
	FOR i IN 1..$2 LOOP
		WHILE NOT EXISTS (SELECT 1 FROM pg_locks l WHERE NOT l.granted
		    AND pg_backend_pid() = ANY (pg_blocking_pids(l.pid))) LOOP
			IF clock_timestamp() > give_up THEN
				RAISE EXCEPTION 'round %: no writer waited', i;
			END IF;
			PERFORM pg_sleep(0.01);
		END LOOP;
		IF i < $2 THEN
			PERFORM pg_advisory_lock(1836475953);
			PERFORM pg_advisory_unlock(1836475953);
		ELSE
			PERFORM pg_advisory_xact_lock(1836475953);
			${3:-NULL;}
		END IF;
		RAISE NOTICE 'round % of %', i, $2;
	END LOOP;
END \$\$;
COMMIT;
EOF
	PGAPPNAME=mvb_conflict pg psql -X -q -v ON_ERROR_STOP=1 -d "$PG_DB" \
	    -f "$T/conflict.sql" >"$T/conflict.out" 2>&1 &
	cpid=$!
	n=0
	until [ "$(psql_c "SELECT count(*) FROM pg_stat_activity WHERE
	    application_name = 'mvb_conflict' AND query LIKE 'DO%'")" = 1 ]; do
		n=$((n + 1))
		if [ $n -gt 500 ] || ! kill -0 $cpid 2>/dev/null; then
			echo "conflict: psql did not start: $(cat "$T/conflict.out")"
			break
		fi
		sleep 0.02
	done
}

# The psql session of conflict ended well, after ROUNDS rounds.
conflict_end() {
	wait $cpid
	crc=$?
	[ $crc -eq 0 ] && grep -q "round $1 of $1" "$T/conflict.out" && ok ||
	    bad "the conflicting session: exit $crc, $(tr '\n' ' ' <"$T/conflict.out")"
}

history_count() {
	psql_c "SELECT count(*) FROM history WHERE what = '$1'"
}

"$MVB" add --title first --capability c --choice buy --decided 2026-01-05 \
    >/dev/null
printf 'title,capability,choice,decided_on\nimp1,c,buy,2026-01-05\nimp2,c,oss,2026-01-05\n' \
    >"$T/two.csv"

t "edit in a deadlock with another writer is run again and applied once"
conflict "SELECT id FROM decisions WHERE id = 1 FOR UPDATE" 1
run edit 1 --owner bob
conflict_end 1
expect_code 0
expect_out ""
expect_err_empty
[ "$(field 1 owner)" = bob ] && ok || bad "owner is '$(field 1 owner)'"
[ "$(history_count owner)" = 1 ] && ok ||
    bad "owner history rows: $(history_count owner), want 1"

t "review in a deadlock with another writer is run again and recorded once"
conflict "SELECT id FROM decisions WHERE id = 1 FOR UPDATE" 1
run review 1 --outcome keep --on 2026-06-01
conflict_end 1
expect_code 0
expect_out ""
expect_err_empty
[ "$(psql_c 'SELECT count(*) FROM reviews')" = 1 ] && ok ||
    bad "reviews: $(psql_c 'SELECT count(*) FROM reviews'), want 1"
[ "$(history_count review)" = 1 ] && ok ||
    bad "review history rows: $(history_count review), want 1"

# The decision is written, then its history row waits: the attempt that
# fails had taken id 2, which the other writer takes before mvb runs again.
t "add in a deadlock is run again: one decision, the next free id, printed once"
conflict "LOCK TABLE history IN SHARE MODE" 1 "INSERT INTO decisions (id,
    title, capability, choice, status, decided_on, anchor_on, next_review_on,
    deadline_on, currency) VALUES (2, 'other', 'c', 'buy', 'active',
    '2026-01-05', '2026-01-05', '2027-01-05', '2027-07-05', 'USD');"
run add --title added --capability c --choice buy --decided 2026-01-05
conflict_end 1
expect_code 0
expect_out 3
expect_err_empty
[ "$(psql_c "SELECT string_agg(id || ':' || title, ' ' ORDER BY id)
    FROM decisions")" = "1:first 2:other 3:added" ] && ok ||
    bad "decisions: $(psql_c "SELECT string_agg(id || ':' || title, ' '
    ORDER BY id) FROM decisions")"
[ "$(psql_c "SELECT count(*) FROM history WHERE what = 'created'
    AND decision_id = 3")" = 1 ] && ok || bad "not one history row for 3"

t "import from a file in a deadlock is read again and loaded once"
conflict "LOCK TABLE history IN SHARE MODE" 1
run import "$T/two.csv"
conflict_end 1
expect_code 0
expect_err_empty
[ "$(psql_c "SELECT count(*) FROM decisions WHERE title LIKE 'imp%'")" = 2 ] &&
    ok || bad "imported: $(psql_c "SELECT count(*) FROM decisions WHERE
    title LIKE 'imp%'"), want 2"
[ "$(history_count import)" = 1 ] && ok ||
    bad "import history rows: $(history_count import), want 1"

t "import from standard input that is a file is read again too"
sed 's/imp/std/' "$T/two.csv" >"$T/std.csv"
conflict "LOCK TABLE history IN SHARE MODE" 1
"$MVB" import - <"$T/std.csv" >"$T/out" 2>"$T/err"
code=$? out=$(cat "$T/out") err=$(cat "$T/err")
conflict_end 1
expect_code 0
expect_err_empty
[ "$(psql_c "SELECT count(*) FROM decisions WHERE title LIKE 'std%'")" = 2 ] &&
    ok || bad "imported: not 2 rows"

t "import from a pipe in a deadlock: not run again, one line, nothing written"
snapshot
conflict "LOCK TABLE history IN SHARE MODE" 1
sed 's/imp/pipe/' "$T/two.csv" | "$MVB" import - >"$T/out" 2>"$T/err"
code=$? out=$(cat "$T/out") err=$(cat "$T/err")
conflict_end 1
expect_code 1
expect_err_has "deadlock detected (a conflict with another writer, and its input, a pipe, cannot be read again): nothing was written; run the command again"
expect_unchanged

t "a conflict that lasts 5 runs: the 5th retry commits"
snapshot
conflict "SELECT id FROM decisions WHERE id = 1 FOR UPDATE" 5
run edit 1 --owner dave
conflict_end 5
expect_code 0
expect_err_empty
[ "$(psql_c "SELECT owner FROM decisions WHERE id = 1")" = dave ] && ok ||
    bad "the edit after 5 retries did not take"

t "a conflict that lasts 6 runs: exit 1, one line naming it, nothing written"
snapshot
conflict "SELECT id FROM decisions WHERE id = 1 FOR UPDATE" 6
run edit 1 --owner carol
conflict_end 6
expect_code 1
expect_out ""
expect_err_has "deadlock detected (a conflict with another writer, still there after 5 retries): nothing was written; run the command again"
expect_unchanged

t "add in a conflict that lasts: no id printed, nothing written"
snapshot
conflict "LOCK TABLE history IN SHARE MODE" 6
run add --title lost --capability c --choice buy
conflict_end 6
expect_code 1
expect_out ""
expect_err_has "(a conflict with another writer, still there after 5 retries)"
expect_unchanged

t "the register passes check after the conflicts"
run check
expect_code 0
expect_out ok

t "__complete ids completes the decision ids of a server register"
run __complete ids
expect_code 0
expect_out "$(printf '1\tfirst\n2\tother\n3\tadded\n4\timp1\n5\timp2\n6\tstd1\n7\tstd2')"
run __complete ids -- 3
expect_out "$(printf '3\tadded')"
run __complete ids -- x
expect_code 0
expect_out ""
run __complete ids --db "postgresql://postgres@127.0.0.1:1/nodb"
expect_code 0
expect_out ""
expect_err_empty
pg createdb "${PG_DB}_empty"
run __complete ids --db "postgresql://postgres@127.0.0.1:$MVB_TEST_PG_PORT/${PG_DB}_empty"
expect_code 0
expect_out ""
expect_err_empty
n=$(pg psql -X -q -t -A -d "${PG_DB}_empty" -c "SELECT count(*) FROM pg_tables
    WHERE schemaname = 'public'")
[ "$n" = 0 ] && ok || bad "completion made $n tables in an empty database"
pg dropdb "${PG_DB}_empty"

finish
