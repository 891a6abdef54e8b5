# mvb due: the flags overdue, due and upcoming on both sides of every edge,
# their order, the columns, the formats and --exit-code.
. "$(dirname "$0")/lib.sh"

# decided 2025-05-21: window opens 2026-05-21, deadline 2026-11-21
"$MVB" add --title "Old" --capability a --choice buy --decided 2025-05-21 --owner ana >/dev/null
# decided 2025-05-22: deadline 2026-11-22 = today, so due, not overdue
"$MVB" add --title "Edge" --capability b --choice oss --decided 2025-05-22 >/dev/null
# decided 2025-11-22: window opens today
"$MVB" add --title "Opens today" --capability c --choice build --decided 2025-11-22 >/dev/null
# decided 2025-11-23: window opens tomorrow: upcoming
"$MVB" add --title "Tomorrow" --capability d --choice buy --decided 2025-11-23 >/dev/null
# decided 2025-12-22: opens 2026-12-22 = today + 30d: upcoming (edge)
"$MVB" add --title "In 30 days" --capability e --choice buy --decided 2025-12-22 >/dev/null
# decided 2025-12-23: opens 2026-12-23 = today + 31d: nothing
"$MVB" add --title "In 31 days" --capability f --choice buy --decided 2025-12-23 >/dev/null
# overdue but retired: never flagged
"$MVB" add --title "Retired" --capability g --choice buy --decided 2020-01-01 --status retired >/dev/null
# overdue and proposed: flagged
"$MVB" add --title "Proposed" --capability h --choice buy --decided 2020-01-01 --status proposed >/dev/null

t "due lists the flagged decisions, most urgent first"
run due --format csv
expect_code 0
# Compare byte for byte, CRLF included.
"$MVB" due --format csv >"$T/due.csv"
printf '%s\r\n' \
	'id,title,choice,owner,next_review_on,deadline,flags,reason' \
	'8,Proposed,buy,,2021-01-01,2021-07-01,overdue,review deadline 2021-07-01 passed 1970 days ago' \
	'1,Old,buy,ana,2026-05-21,2026-11-21,overdue,review deadline 2026-11-21 passed 1 day ago' \
	'2,Edge,oss,,2026-05-22,2026-11-22,due,"re-evaluation due since 2026-05-22 (184 days ago), deadline 2026-11-22"' \
	'3,Opens today,build,,2026-11-22,2027-05-22,due,"re-evaluation due since 2026-11-22 (today), deadline 2027-05-22"' \
	'4,Tomorrow,buy,,2026-11-23,2027-05-23,upcoming,re-evaluation window opens 2026-11-23 (in 1 day)' \
	'5,In 30 days,buy,,2026-12-22,2027-06-22,upcoming,re-evaluation window opens 2026-12-22 (in 30 days)' \
	>"$T/want.csv"
cmp -s "$T/due.csv" "$T/want.csv" && ok || { bad "csv differs"; diff "$T/due.csv" "$T/want.csv"; }

t "the day before the deadline is due, the day after is overdue"
run --today 2026-11-21 due --format csv
expect_out_has '1,Old,buy,ana,2026-05-21,2026-11-21,due,'
run --today 2026-11-23 due --format csv
expect_out_has '2,Edge,oss,,2026-05-22,2026-11-22,overdue,'

t "the day before the window opens is upcoming, the day it opens is due"
run --today 2026-11-21 due --format csv
expect_out_has '3,Opens today,build,,2026-11-22,2027-05-22,upcoming,'

t "--within sets the upcoming horizon"
run due --within 31d --format csv
expect_out_has '6,In 31 days'
run due --within 0d --format csv
expect_out_lacks 'Tomorrow'
run due --within 1m --format csv
expect_out_has '5,In 30 days'
expect_out_lacks 'In 31 days'
fails 2 "--within: invalid duration '30'" due --within 30
fails 2 "--within: invalid duration '10000d'" due --within 10000d

t "the within setting is the default horizon"
"$MVB" config within 1w
run due --format csv
expect_out_has 'Tomorrow'
expect_out_lacks 'In 30 days'
"$MVB" config within 30d

t "--exit-code exits 3 when something is flagged, 0 when nothing"
run due --exit-code
expect_code 3
run --today 2020-01-02 due --exit-code --format csv
expect_code 0
expect_out "$(printf 'id,title,choice,owner,next_review_on,deadline,flags,reason\r')"

t "json carries the same columns"
run due --format json
expect_code 0
expect_out_has '{"id":8,"title":"Proposed","choice":"buy","owner":null,"next_review_on":"2021-01-01","deadline":"2021-07-01","flags":"overdue","reason":'

t "table output has a header and no colour in a pipe"
run due
expect_out_has 'id  title'
case "$out" in *"$(printf '\033')"*) bad "escape in pipe" ;; *) ok ;; esac

t "list shows the same flags as due"
run list --format csv
expect_out_has ',2026-11-21,USD,'
expect_out_has 'overdue'
run list --status retired --format csv
expect_out_has ',retired,2020-01-01,2021-01-01,2021-07-01,USD,'
finish
