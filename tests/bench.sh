#!/bin/sh
# The speed benchmark: each mvb operation against the tool a user would
# otherwise use doing the raw part of the same work on the same data, side
# by side, at 10k, 100k and 1M decisions. Prints a table of ratios and
# writes it, with the machine it ran on, to BENCHMARKS.md beside the
# Makefile. Not a test: it gates nothing.
#
#   sh tests/bench.sh ./mvb                   (or: make bench)
#   BENCH_SIZES=10000 sh tests/bench.sh ./mvb  (a quick run)
#
# The data (an awk generator, seeded, so every run sees the same): an
# import CSV of 11 columns per decision, titles quoted with commas and
# quotes, five currencies, decided dates over 2019-01 to 2026-10; one
# decision in 7 has assumptions (one in 21 an invalidated one), one in 11
# a metric with two measurements, and sunset criteria on about one in 8.
#
# The pairs, each run BENCH_RUNS times alternating (mvb, peer, mvb, ...),
# the median wall time of each and mvb's peak RSS (GNU time %M) reported:
#   import      mvb import of the CSV into a new register, against the
#               sqlite3 shell's .import of the same CSV into a plain
#               11-column table with one index (on decided_on)
#   export      mvb export (27 columns, derived ones included), against
#               sqlite3 -csv of the decisions table of the same register
#   due         mvb due --format csv, against sqlite3's indexed range
#               query for the same dates (open decisions whose window opens
#               within 30 days or whose deadline passed, sorted) on the
#               same register
#   start-up    mvb due on an empty register, against sqlite3 DB 'select 1'
#               (four times BENCH_RUNS runs: each takes milliseconds)
#   report      mvb report --format json, against a sqlite3 GROUP BY of
#               the same spend (when mvb has a report command)
#   due at 10k  against Taskwarrior (Debian taskwarrior) listing what is
#               due, fed the same 10k items with their due dates (private
#               TASKRC and TASKDATA in the temporary folder)
#   import (PostgreSQL)
#               mvb import of the CSV into a register on a throwaway server
#               (tests/pg-server.sh), which streams it with COPY, against
#               psql's \copy of the same decisions into the same table of
#               a fresh mvb-initialised database (same indexes, same
#               triggers): the rows as COPY TO wrote them from mvb's first
#               import, every stored column, since the table keeps cents,
#               not the CSV's amounts. mvb's part also checks every row and
#               links each decision to the import's history entry.
#
# Needs sqlite3, GNU time and GNU date; Taskwarrior and a PostgreSQL server
# and psql for their rows (else each row says why it is missing). Exits 1
# only when a command fails.
set -u

MVB=${1:?usage: bench.sh PATH-TO-MVB}
case $MVB in
/*) ;;
*) MVB=$(pwd)/$MVB ;;
esac
[ -x "$MVB" ] || { echo "bench: '$MVB' is not an executable" >&2; exit 1; }
top=$(cd "$(dirname "$0")/.." && pwd)
SIZES=${BENCH_SIZES:-10000 100000 1000000}
RUNS=${BENCH_RUNS:-5}
OUT=${BENCH_OUT:-$top/BENCHMARKS.md}

die() {
	echo "bench: $*" >&2
	exit 1
}

command -v sqlite3 >/dev/null 2>&1 || die "needs the sqlite3 shell (sqlite3)"
[ -x /usr/bin/time ] || die "needs GNU time at /usr/bin/time (time)"
case $(date +%N) in
*[!0-9]* | '') die "needs a date(1) that knows %N (GNU coreutils)" ;;
esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mvb-bench.XXXXXX") || exit 1
pgdir=
trap 'rm -rf "$tmp"; [ -z "$pgdir" ] ||
    sh "$top/tests/pg-server.sh" stop "$pgdir"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

TODAY=2026-11-22
HORIZON=2026-12-22	# today + the default 'within' of 30 days
export MVB_TODAY=$TODAY
unset MVB_DB XDG_DATA_HOME NO_COLOR COLUMNS

# gen N DIR: the CSVs of N decisions and their evidence.
gen() {
	awk -v n="$1" -v dir="$2" '
	function pad(x) { return x < 10 ? "0" x : x }
	BEGIN {
		srand(12345)
		split("USD USD USD USD USD EUR EUR GBP CHF JPY", cur, " ")
		split("build buy oss assemble", ch, " ")
		split("proposed active active active active active active " \
		    "active superseded retired", st, " ")
		split("Postgres,Kafka,Redis,Vault,Grafana,Okta,Stripe,Twilio," \
		    "Datadog,Sentry", ven, ",")
		D = dir "/decisions.csv"; A = dir "/assumptions.csv"
		M = dir "/metrics.csv"; S = dir "/measurements.csv"
		U = dir "/sunset.csv"
		print "id,title,capability,choice,vendor,owner,status," \
		    "decided_on,currency,one_time_cost,monthly_cost" > D
		print "decision_id,number,text,status,invalidated_on" > A
		print "decision_id,name,op,target,unit,target_on" > M
		print "decision_id,metric,measured_on,value" > S
		print "decision_id,number,expression" > U
		for (i = 1; i <= n; i++) {
			c = ch[i % 4 + 1]
			y = 2019 + int(rand() * 8); mo = 1 + int(rand() * 12)
			dd = 1 + int(rand() * 28)
			if (y == 2026 && mo > 10) mo = 10
			date = y "-" pad(mo) "-" pad(dd)
			v = c == "build" ? "" : ven[i % 10 + 1] " " (i % 300)
			t = "\"Decision " i ", " (c == "build" ? "in-house" : \
			    "with \"\"" v "\"\"") " for capability " (i % 250) "\""
			printf "%d,%s,capability %d,%s,%s,team-%d,%s,%s,%s," \
			    "%d.%02d,%d.%02d\n", i, t, i % 250, c, v, i % 40,
			    st[i % 10 + 1], date, cur[i % 10 + 1],
			    int(rand() * 100000), i % 100, int(rand() * 20000),
			    i % 97 > D
			if (i % 7 == 0) {
				print i ",1,\"Load stays under " (i % 90) \
				    "k requests, per day\",holding," > A
				if (i % 21 == 0)
					print i ",2,Vendor keeps the price," \
					    "invalidated,2026-0" (1 + i % 9) "-15" > A
			}
			if (i % 11 == 0) {
				print i ",uptime,>=,99.9,%,2026-0" (1 + i % 9) \
				    "-01" > M
				print i ",uptime,2026-0" (1 + i % 9) "-20," \
				    (i % 3 ? "99.95" : "99.5") > S
				print i ",uptime,2026-10-01,99." (i % 10) > S
				if (i % 33 == 0)
					print i ",1,uptime < 99.7" > U
			}
			if (i % 13 == 0)
				print i ",2,monthly_cost > " (i % 150) "00" > U
			if (i % 29 == 0)
				print i ",3,on 2026-0" (1 + i % 9) "-01" > U
		}
	}'
}

now_ns() {
	date +%s%N
}

# run NAME CMD...: run CMD once under GNU time; appends its wall time in
# ms to $tmp/NAME.t and its peak RSS in KB to $tmp/NAME.m.
run() {
	rn=$1
	shift
	t0=$(now_ns)
	/usr/bin/time -f '%M' -o "$tmp/rss" "$@" >"$tmp/out" 2>"$tmp/err" || {
		echo "bench: $rn: $* failed: $(head -n 3 "$tmp/err")" >&2
		failed=1
		return 1
	}
	t1=$(now_ns)
	echo $(((t1 - t0) / 1000000)) >>"$tmp/$rn.t"
	tail -n 1 "$tmp/rss" >>"$tmp/$rn.m"
}

median() {
	sort -n "$1" | awk '{ v[NR] = $1 } END {
		if (NR % 2) print v[(NR + 1) / 2]
		else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

maxof() {
	sort -n "$1" | tail -n 1
}

# ms -> "1.234 s" / "56 ms"
fmt_ms() {
	if [ "$1" -ge 1000 ]; then
		awk -v m="$1" 'BEGIN { printf "%.2f s", m / 1000 }'
	else
		printf '%d ms' "$1"
	fi
}

# KB -> "12.3 MiB"
fmt_kb() {
	awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'
}

# memrow SIZE OPERATION MVB_MS RSS_KB: a line held to the memory bound
# alone (16 MiB), with no peer.
memrow() {
	ok=$(awk -v k="$4" 'BEGIN { print (k <= 16384) ? "met" : "MISSED" }')
	line="| $1 | $2 | $(fmt_ms "$3") | - | - | - | ≤ 16 MiB | $(fmt_kb "$4") | $ok |"
	echo "$line" >>"$rows"
	echo "$line"
}

failed=0
rows="$tmp/rows"
: >"$rows"

# row SIZE OPERATION MVB_MS PEER PEER_MS RSS_KB KIND LIMIT: one line of the
# table. KIND 'le': the ratio mvb/peer must be at most LIMIT; 'ge': the
# speed-up peer/mvb at least LIMIT.
row() {
	size=$1 op=$2 m=$3 peer=$4 p=$5 kb=$6 kind=$7 limit=$8
	[ "$m" -gt 0 ] || m=1
	[ "$p" -gt 0 ] || p=1
	if [ "$kind" = le ]; then
		ratio=$(awk -v a="$m" -v b="$p" 'BEGIN { printf "%.2f×", a / b }')
		ok=$(awk -v a="$m" -v b="$p" -v l="$limit" \
		    'BEGIN { print (a / b <= l) ? "met" : "MISSED" }')
		target="≤ $limit×"
	else
		ratio="$(awk -v a="$m" -v b="$p" \
		    'BEGIN { printf "%.1f×", b / a }') faster"
		ok=$(awk -v a="$m" -v b="$p" -v l="$limit" \
		    'BEGIN { print (b / a >= l) ? "met" : "MISSED" }')
		target="≥ $limit× faster"
	fi
	mem=$(fmt_kb "$kb")
	case $op in
	import* | export*)
		if [ "$kb" -gt 16384 ]; then
			ok="$ok; RSS MISSED"
		fi
		mem="$mem (≤ 16 MiB)" ;;
	esac
	line="| $size | $op | $(fmt_ms "$m") | $peer | $(fmt_ms "$p") | $ratio | $target | $mem | $ok |"
	echo "$line" >>"$rows"
	echo "$line"
}

# pair NAME 'MVB COMMAND' 'PEER COMMAND' [SETUP]: RUNS alternating runs of
# each (SETUP eval'd before every run, for fresh files).
pair() {
	name=$1 mcmd=$2 pcmd=$3 setup=${4:-:}
	rm -f "$tmp/$name-m.t" "$tmp/$name-m.m" "$tmp/$name-p.t" "$tmp/$name-p.m"
	i=1
	while [ "$i" -le "$RUNS" ]; do
		eval "$setup"
		eval "run $name-m $mcmd" || return 1
		eval "$setup"
		eval "run $name-p $pcmd" || return 1
		i=$((i + 1))
	done
	m_ms=$(median "$tmp/$name-m.t")
	p_ms=$(median "$tmp/$name-p.t")
	m_kb=$(maxof "$tmp/$name-m.m")
}

label() {
	case $1 in
	10000) echo 10k ;;
	100000) echo 100k ;;
	1000000) echo 1M ;;
	*) echo "$1" ;;
	esac
}

has_report=0
"$MVB" report --help >/dev/null 2>&1 && has_report=1

sq_range="SELECT id, title, choice, owner, next_review_on, deadline_on
    FROM decisions WHERE status IN ('proposed', 'active') AND
    (next_review_on <= '$HORIZON' OR deadline_on < '$TODAY')
    ORDER BY next_review_on, id"
sq_spend="SELECT currency, choice, count(*), sum(monthly_cents) * 12,
    sum(one_time_cents) FROM decisions WHERE status IN ('proposed',
    'active') GROUP BY currency, choice ORDER BY currency, choice"

# Taskwarrior: the same items (title, due = next_review_on, or the
# deadline when that passed) as JSON, imported once, listed RUNS times.
taskwarrior() {
	db=$1
	command -v task >/dev/null 2>&1 || {
		echo "| 10k | due vs Taskwarrior | - | task due.before:$HORIZON | - | n/a: taskwarrior not installed | ≥ 10× faster | - | - |" |
		    tee -a "$rows"
		return 0
	}
	export TASKRC="$tmp/taskrc" TASKDATA="$tmp/task"
	mkdir -p "$TASKDATA"
	: >"$TASKRC"
	sqlite3 "$db" "SELECT json_object('description', title, 'status',
	    'pending', 'entry', replace(decided_on, '-', '') || 'T000000Z',
	    'due', replace(CASE WHEN deadline_on < '$TODAY' THEN deadline_on
	    ELSE next_review_on END, '-', '') || 'T000000Z',
	    'project', 'mvb', 'tags', json_array(choice))
	    FROM decisions WHERE status IN ('proposed', 'active')" \
	    >"$tmp/tasks.json"
	task rc.confirmation=off rc.verbose=nothing import "$tmp/tasks.json" \
	    >/dev/null 2>&1 || { echo "bench: task import failed" >&2; return 0; }
	pair tw "\"\$MVB\" --db \"\$db\" due --format csv" \
	    "task rc.confirmation=off rc.verbose=nothing rc.color=off rc.gc=off due.before:$HORIZON list" ||
	    return 1
	row 10k "due vs Taskwarrior" "$m_ms" "task due.before:… list" \
	    "$p_ms" "$m_kb" ge 10
	unset TASKRC TASKDATA
}

# PostgreSQL: a throwaway server for the import rows, or why there is none.
pg_why=
if ! command -v psql >/dev/null 2>&1; then
	pg_why="no psql (Debian's postgresql-client)"
else
	pgdir=$(mktemp -d /tmp/mvb-bench-pg.XXXXXX) || exit 1
	pgport=$(sh "$top/tests/pg-server.sh" start "$pgdir" 2>"$tmp/pgerr") ||
	    pg_why="no server: $(head -n 1 "$tmp/pgerr")"
fi
pg_uri() {
	echo "postgresql://postgres@127.0.0.1:$pgport/bench"
}
bpsql() {
	psql -X -q -h 127.0.0.1 -p "$pgport" -U postgres "$@"
}
# A fresh register on the server, mvb's tables and indexes, no rows.
pg_fresh() {
	bpsql -d postgres -c 'DROP DATABASE IF EXISTS bench' \
	    -c 'CREATE DATABASE bench' >/dev/null 2>"$tmp/pgerr" &&
	    "$MVB" --db "$(pg_uri)" init >/dev/null ||
	    die "cannot make a database on the server"
}

# pg_import SIZE: the PostgreSQL import row.
pg_import() {
	if [ -n "$pg_why" ]; then
		line="| $1 | import (PostgreSQL) | - | psql's copy (same table) | - | n/a: $pg_why | ≤ 1.50× | - | - |"
		echo "$line" >>"$rows"
		echo "$line"
		return 0
	fi
	# The peer's file: the same rows in the table's own columns.
	pg_fresh
	"$MVB" --db "$(pg_uri)" import "$dir/decisions.csv" >/dev/null \
	    2>"$tmp/err" || die "setup: import on the server: $(cat "$tmp/err")"
	bpsql -d bench -c "\\copy decisions TO '$tmp/peer.csv' CSV HEADER" ||
	    die "setup: psql \\copy TO failed"
	pair pgimport "\"\$MVB\" --db \"\$(pg_uri)\" import \"\$dir/decisions.csv\"" \
	    "psql -X -q -h 127.0.0.1 -p \$pgport -U postgres -d bench -c \"\\\\copy decisions FROM '\$tmp/peer.csv' CSV HEADER\"" \
	    pg_fresh || return 1
	row "$1" "import (PostgreSQL)" "$m_ms" "psql's copy (same table)" \
	    "$p_ms" "$m_kb" le 1.50
	rm -f "$tmp/peer.csv"
}

start=$(date +%s)
header="| size | operation | mvb | peer | peer time | ratio | target | mvb peak RSS | result |
|---|---|---|---|---|---|---|---|---|"
echo "mvb bench: medians of $RUNS alternating runs; today $TODAY"
echo
echo "$header"

# Start-up: an empty register. Each run takes milliseconds, which a
# busy machine's scheduling swamps: four times the runs for its median.
"$MVB" --db "$tmp/empty.db" init >/dev/null 2>&1 || die "mvb init failed"
runs=$RUNS
RUNS=$((RUNS * 4))
pair start "\"\$MVB\" --db \"\$tmp/empty.db\" due" \
    "sqlite3 \"\$tmp/empty.db\" 'select 1'" || exit 1
RUNS=$runs
row "-" "start-up (due, empty register)" "$m_ms" "sqlite3 DB 'select 1'" \
    "$p_ms" "$m_kb" le 1.50

for n in $SIZES; do
	size=$(label "$n")
	dir="$tmp/data"
	rm -rf "$dir"
	mkdir -p "$dir"
	gen "$n" "$dir"

	# Import: a fresh file for every run of each.
	pair import "\"\$MVB\" --db \"\$tmp/imp.db\" import \"\$dir/decisions.csv\"" \
	    "sqlite3 \"\$tmp/sq.db\" 'CREATE TABLE t (id INTEGER PRIMARY KEY, title, capability, choice, vendor, owner, status, decided_on, currency, one_time_cost, monthly_cost); CREATE INDEX t_decided ON t (decided_on);' '.import --csv --skip 1 \"$dir/decisions.csv\" t'" \
	    'rm -f "$tmp"/imp.db* "$tmp"/sq.db*' || exit 1
	row "$size" "import" "$m_ms" "sqlite3 .import (1 index)" "$p_ms" \
	    "$m_kb" le 1.00
	rm -f "$tmp"/imp.db* "$tmp"/sq.db*

	pg_import "$size" || exit 1

	# The register the reads run on: the decisions and their evidence.
	db="$tmp/register.db"
	rm -f "$db"*
	for w in decisions assumptions metrics measurements sunset; do
		"$MVB" --db "$db" import --what "$w" "$dir/$w.csv" \
		    >/dev/null 2>"$tmp/err" ||
		    die "setup: import $w: $(head -n 3 "$tmp/err")"
	done

	pair export "\"\$MVB\" --db \"\$db\" export" \
	    "sqlite3 -csv -header \"\$db\" 'SELECT * FROM decisions'" || exit 1
	row "$size" "export (27 columns)" "$m_ms" "sqlite3 -csv of the table" \
	    "$p_ms" "$m_kb" le 1.00

	pair due "\"\$MVB\" --db \"\$db\" due --format csv" \
	    "sqlite3 -csv \"\$db\" \"\$sq_range\"" || exit 1
	row "$size" "due" "$m_ms" "sqlite3 indexed range query" "$p_ms" \
	    "$m_kb" le 1.50

	# The table forms hold at most 1 MiB of rows (mvb(1) OUTPUT): memory
	# only, against the bound; once each, printed to a file as a pipe
	# gets them.
	for form in due list; do
		: >"$tmp/tab.t"
		: >"$tmp/tab.m"
		run tab "$MVB" --db "$db" "$form" || exit 1
		memrow "$size" "$form (table)" "$(cat "$tmp/tab.t")" \
		    "$(cat "$tmp/tab.m")"
	done

	if [ "$has_report" -eq 1 ]; then
		pair report "\"\$MVB\" --db \"\$db\" report --format json" \
		    "sqlite3 -json \"\$db\" \"\$sq_spend\"" || exit 1
		row "$size" "report --format json" "$m_ms" \
		    "sqlite3 GROUP BY of the spend" "$p_ms" "$m_kb" le 3.00
	else
		line="| $size | report --format json | - | sqlite3 GROUP BY of the spend | - | n/a: no report command yet | ≤ 3.00× | - | - |"
		echo "$line" >>"$rows"
		echo "$line"
	fi

	if [ "$n" -eq 10000 ]; then
		taskwarrior "$db" || exit 1
	fi
	rm -f "$db"*
done
end=$(date +%s)

# BENCHMARKS.md: the machine, then the table.
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null |
    head -n 1)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo \
    2>/dev/null)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
{
	echo "# Benchmarks"
	echo
	echo "Written by \`make bench\` (tests/bench.sh); each mvb operation"
	echo "against its peer doing the raw part of the same work on the same"
	echo "data, medians of $RUNS alternating runs, mvb's peak RSS from GNU"
	echo "time. Ratios are mvb's time over the peer's (lower is better),"
	echo "except against Taskwarrior (how many times faster mvb is)."
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- machine: $(nproc) CPUs, ${cpu:-unknown CPU}, ${mem:-?} memory"
	echo "- OS: ${os:-$(uname -sr)}, $(uname -r)"
	[ -n "$pg_why" ] ||
	    echo "- PostgreSQL $(bpsql -d postgres -tA -c 'SHOW server_version'),"\
	    "a throwaway server (tests/pg-server.sh: fsync off) on this machine"
	echo "- sqlite3 $(sqlite3 --version | cut -d' ' -f1)," \
	    "$("$MVB" --version)$(command -v task >/dev/null 2>&1 &&
	    echo ", Taskwarrior $(task --version)")"
	echo "- sizes: $SIZES decisions; total $((end - start)) s"
	echo
	echo "$header"
	cat "$rows"
} >"$OUT"
echo
echo "total $((end - start)) s; written to $OUT"
if grep -q MISSED "$rows"; then
	echo "targets missed: $(grep -c MISSED "$rows")"
fi
exit "$failed"
