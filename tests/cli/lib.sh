# Shared by the black-box tests: run mvb on a throwaway register and check
# its exit status, stdout and stderr. Each script sources this file, makes
# its checks, and ends with 'finish'.
#
#   run ARGS...          run "$MVB" ARGS; sets $out, $err, $code
#   expect_code N        the last run exited N
#   expect_out TEXT      stdout is exactly TEXT (plus the final newline)
#   expect_out_has TEXT  stdout contains TEXT
#   expect_err_has TEXT  stderr is one "mvb: " line containing TEXT
#   fails CODE TEXT ARGS...  run ARGS, expect CODE and the error line
#   skip REASON          the behaviour named by t cannot be checked here
#   expect_err_shorter N stderr is under N bytes
#   repeat TEXT N        prints N copies of TEXT
#   file_only REASON     true (after a named skip) when the register is on
#                        PostgreSQL: the checks that follow are of a file
#   register NAME        prints where a second, fresh register named NAME
#                        lives: a file in $T, or a database of its own on
#                        the server (dropped at the end)
set -u
: "${MVB:?MVB must name the binary}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export MVB_DB="$T/register.db"
# MVB_TEST_ENGINE=pg (tests/run.sh starts the server): the register is a
# fresh database of its own on it, dropped at the end.
ENGINE=${MVB_TEST_ENGINE:-sqlite}
if [ "$ENGINE" = pg ]; then
	: "${MVB_TEST_PG_PORT:?tests/run.sh sets MVB_TEST_PG_PORT}"
	PG_DB="mvb_$(basename "${MVB_TEST_SCRIPT:-$0}" .sh | tr -c 'a-z0-9\n' _)_$$"
	pg() { "$@" -h 127.0.0.1 -p "$MVB_TEST_PG_PORT" -U postgres; }
	pg createdb "$PG_DB" || exit 1
	: >"$T/pg-dbs"
	trap 'cd /; while read -r d; do pg dropdb --if-exists "$d"; done <"$T/pg-dbs"
	    rm -rf "$T"; pg dropdb --if-exists "$PG_DB"' EXIT
	export MVB_DB="postgresql://postgres@127.0.0.1:$MVB_TEST_PG_PORT/$PG_DB"
fi
export MVB_TODAY=2026-11-22
unset XDG_DATA_HOME NO_COLOR COLUMNS
export USER=tester
pass=0
fail=0
skipped=0
name=""

# Name the behaviour the next checks pin.
t() {
	name=$1
}

ok() {
	pass=$((pass + 1))
}

# The checks of the current behaviour cannot run here: count and name it.
skip() {
	skipped=$((skipped + 1))
	echo "SKIP: $name: $1"
}

# Checks of what only a file register has: skipped by name on a server.
file_only() {
	if [ "$ENGINE" = pg ]; then
		skip "file register only: $1"
		return 0
	fi
	return 1
}

bad() {
	fail=$((fail + 1))
	echo "FAIL: $name: $1"
	echo "  stdout: $(printf '%s' "$out" | head -c 600)"
	echo "  stderr: $(printf '%s' "$err" | head -c 600)"
}

run() {
	"$MVB" "$@" >"$T/out" 2>"$T/err"
	code=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}

# Run with stdin from a string.
run_in() {
	input=$1
	shift
	printf '%s' "$input" | "$MVB" "$@" >"$T/out" 2>"$T/err"
	code=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}

expect_code() {
	if [ "$code" -eq "$1" ]; then ok; else bad "exit $code, expected $1"; fi
}

expect_out() {
	if [ "$out" = "$1" ]; then ok; else bad "stdout differs from: $1"; fi
}

expect_out_has() {
	case "$out" in
	*"$1"*) ok ;;
	*) bad "stdout lacks: $1" ;;
	esac
}

expect_out_match() {
	if printf '%s\n' "$out" | grep -Eq "$1"; then ok; else bad "stdout does not match: $1"; fi
}

expect_out_lacks() {
	case "$out" in
	*"$1"*) bad "stdout has: $1" ;;
	*) ok ;;
	esac
}

expect_err_has() {
	lines=$(printf '%s\n' "$err" | wc -l)
	case "$err" in
	"mvb: "*"$1"*)
		if [ "$lines" -eq 1 ]; then ok; else bad "stderr not one line"; fi ;;
	*) bad "stderr lacks: mvb: ...$1" ;;
	esac
}

expect_err_empty() {
	if [ -z "$err" ]; then ok; else bad "stderr not empty"; fi
}

expect_err_shorter() {
	bytes=$(printf '%s\n' "$err" | wc -c)
	if [ "$bytes" -lt "$1" ]; then ok
	else bad "stderr is $bytes bytes, not under $1"; fi
}

# N copies of TEXT (no /, & or \ in it), without a line end.
repeat() {
	printf "%0${2}d" 0 | sed "s/0/$1/g"
}

fails() {
	want=$1
	text=$2
	shift 2
	run "$@"
	expect_code "$want"
	expect_err_has "$text"
}

# A fresh register NAME besides $MVB_DB: a file, or an empty database on
# the server (mvb makes its tables on the first write).
register() {
	if [ "$ENGINE" = pg ]; then
		pg createdb "${PG_DB}_$1" || exit 1
		echo "${PG_DB}_$1" >>"$T/pg-dbs"
		echo "postgresql://postgres@127.0.0.1:$MVB_TEST_PG_PORT/${PG_DB}_$1"
	else
		echo "$T/$1.db"
	fi
}

# The fingerprint of the server register $MVB_DB, in one psql run: every
# table's and sequence's row count and the md5 of its rows (history
# included) in a fixed order, then the count and md5 of every table's
# columns and types, so that any row written, changed or removed, and any
# table made, shows. pg_snap_sql prints the psql input that makes it.
pg_snap() {
	pg_snap_sql | psql -X -q -A -t -v ON_ERROR_STOP=1 "$MVB_DB"
}

pg_snap_sql() {
	cat <<'EOF'
SELECT string_agg(format('SELECT %L, count(*), md5(coalesce(string_agg('
    't::text, E''\n'' ORDER BY t::text COLLATE "C"), '''')) FROM %I.%I t',
    n.nspname || '.' || c.relname, n.nspname, c.relname), ' UNION ALL ')
    || ' ORDER BY 1'
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'S') AND n.nspname <> 'information_schema'
    AND n.nspname !~ '^pg_'
\gexec
SELECT count(*), md5(string_agg(format('%s.%s.%s %s', n.nspname, c.relname,
    a.attname, format_type(a.atttypid, a.atttypmod)), E'\n'
    ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", a.attnum))
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
    AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_';
EOF
}

# Snapshot the register and later check it is byte-identical (on a server,
# its pg_snap fingerprint is).
snapshot() {
	case $MVB_DB in
	postgres://*|postgresql://*) pg_snap >"$T/snap" ;;
	*) cp "$MVB_DB" "$T/snap" ;;
	esac
}

expect_unchanged() {
	case $MVB_DB in
	postgres://*|postgresql://*)
		pg_snap >"$T/now"
		set -- "$T/now" ;;
	*) set -- "$MVB_DB" ;;
	esac
	if cmp -s "$1" "$T/snap"; then ok; else bad "register changed"; fi
}

# The value of one column of one decision, via list --format csv.
field() {
	"$MVB" show "$1" --format json | sed -n "s/.*\"$2\":\"\{0,1\}\([^\",]*\).*/\1/p"
}

finish() {
	echo "cli: $pass passed, $fail failed, $skipped skipped"
	[ "$fail" -eq 0 ]
}
