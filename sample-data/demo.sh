#!/bin/sh
# A tour of mvb on the sample register, in a throwaway directory that is
# removed afterwards. Your own register is never touched.
#
#   sh sample-data/demo.sh ./mvb        (or: make demo)
#
# Exits non-zero as soon as any mvb command fails.
set -eu

MVB=${1:?usage: demo.sh PATH-TO-MVB}
here=$(dirname "$0")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mvb-demo.XXXXXX")
pgdir=
trap '[ -z "$pgdir" ] || sh "$here/../tests/pg-server.sh" stop "$pgdir"
    rm -rf "$tmp"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

export MVB_DB="$tmp/register.db"
export MVB_TODAY=2026-11-22
# history records $USER as who made each change.
USER=${USER:-$(id -un 2>/dev/null || echo demo)}
export USER

# The sample register is seven CSV files, one a table, loaded in the order
# their references need; the same files 'mvb export' writes.
for table in decisions assumptions metrics measurements sunset reviews \
    options; do
	"$MVB" import --what "$table" "$here/$table.csv"
done

# The id of the first decision whose title, capability, vendor, rationale
# or assumptions contain $1 (ids are never quoted in CSV, so the first field
# is the id).
find_id() {
	csv=$("$MVB" list --search "$1" --format csv)
	id=$(printf '%s\n' "$csv" | awk -F, 'NR == 2 { print $1; exit }')
	if [ -z "$id" ]; then
		echo "demo.sh: no decision matches '$1'" >&2
		exit 1
	fi
	printf '%s\n' "$id"
}

heading() {
	printf '\n== %s ==\n' "$1"
}

datadog=$(find_id "Datadog for metrics")
search=$(find_id "Elastic Cloud for product search")

heading "mvb due (as of $MVB_TODAY)"
"$MVB" due

heading "mvb list"
"$MVB" list

heading "mvb show $search (assumptions, metrics, sunset criteria)"
"$MVB" show "$search"

heading "mvb review $datadog: the overdue Datadog decision is re-evaluated"
"$MVB" edit "$datadog" --owner observability-guild
"$MVB" review "$datadog" --outcome revise --next 2027-05-01 \
    --notes "Renewed for a year; compare with the Prometheus option in May."
"$MVB" show "$datadog" | sed -n '1,12p'

heading "mvb history $datadog (the import, the new owner, the review)"
"$MVB" history "$datadog"

heading "mvb list --search 'below 10 TB' (matches assumption text too)"
"$MVB" list --search "below 10 TB"

heading "mvb due --format csv, first rows (for scripts)"
csv=$("$MVB" due --format csv)
printf '%s\n' "$csv" | head -n 4

heading "mvb export (the finance view: 8 of its 27 columns, first rows)"
csv=$("$MVB" export --what decisions)
printf '%s\n' "$csv" | head -n 4 | cut -d, -f1,4,12,13,14,20,21,22

heading "mvb export --what calendar (review dates for a calendar app)"
ics=$("$MVB" export --what calendar)
printf '%s\n' "$ics" | sed -n '6,12p'


kafka=$(find_id "Confluent Cloud for order")

heading "mvb compare $kafka: Confluent Cloud against self-hosted Kafka and MSK"
"$MVB" compare "$kafka"

heading "mvb compare $datadog --format json (the payback of switching)"
"$MVB" compare "$datadog" --format json

heading "mvb lint: the framework's checks (the money rules of all findings)"
findings=$("$MVB" lint)
printf '%s findings in all, among them:\n' \
    "$(printf '%s\n' "$findings" | wc -l | tr -d ' ')"
printf '%s\n' "$findings" | grep -E ': (gate|crossover|switch-pays): '

heading "mvb report (the quarterly re-evaluation report of $MVB_TODAY's quarter)"
"$MVB" report
# Kept for a browser after the demo, in the build folder (ignored by git,
# removed by make clean).
page=${MVB_DEMO_HTML:-build/demo-report.html}
mkdir -p "$(dirname "$page")"
"$MVB" report --format html >"$page"
echo
echo "The same report as one HTML page: $page (open it in a browser)"

# The same register shared on a PostgreSQL server: a throwaway one the
# tests use too (Debian's postgresql package, which make demo installs),
# started here and stopped at the end.
heading "A shared register: the sample register moved onto a PostgreSQL server"
pgdir=$(mktemp -d "${TMPDIR:-/tmp}/mvb-demo-pg.XXXXXX")
if ! port=$(sh "$here/../tests/pg-server.sh" start "$pgdir" 2>"$tmp/pgerr")
then
	echo "(skipped: no PostgreSQL server could start here: $(cat "$tmp/pgerr"))"
	pgdir=
	exit 0
fi
psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c 'CREATE DATABASE decisions'
server="postgresql://postgres@127.0.0.1:$port/decisions"
echo "\$ mvb backup $server"
"$MVB" backup "$server"
echo "\$ MVB_DB=$server mvb due   (first lines)"
due=$(MVB_DB=$server "$MVB" due)
printf '%s\n' "$due" | head -n 5
echo "\$ two people add a decision at the same moment: each gets its own id"
MVB_DB=$server "$MVB" add --title "Feature flags: LaunchDarkly" \
    --capability feature-flags --choice buy >"$tmp/a1" &
MVB_DB=$server "$MVB" add --title "Feature flags: Unleash, self-hosted" \
    --capability feature-flags --choice oss >"$tmp/a2"
wait
echo "ids $(cat "$tmp/a1") and $(cat "$tmp/a2")"
echo "\$ mvb --db $server backup back.db && mvb --db back.db check"
MVB_DB=$server "$MVB" backup "$tmp/back.db"
"$MVB" --db "$tmp/back.db" check
