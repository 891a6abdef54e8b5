#!/bin/sh
# mvb report (mvb(1) REPORT): the json form pinned exactly, the md form by
# tests/cli/golden/report.md, the table's sections, the quarter's forms and
# errors, and past, current and future quarters.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/report-setup.sh"

t "report --format json: every list, the reviews and every spend cell"
run report --format json
expect_code 0
expect_out "$(cat <<'JSON'
{"quarter":"2026Q4","start":"2026-10-01","end":"2026-12-31","as_of":"2026-11-22",
"due":[
{"id":1,"title":"Due one","choice":"build","status":"active","owner":"alice","next_review_on":"2026-10-15","deadline":"2027-04-15","reason":"re-evaluation due since 2026-10-15 (38 days ago), deadline 2027-04-15"}
],
"overdue":[
{"id":2,"title":"<script>alert(1)</script> | x","choice":"buy","status":"active","owner":"a|b*c_","next_review_on":"2026-04-01","deadline":"2026-10-01","reason":"review deadline 2026-10-01 passed 52 days ago"}
],
"sunset":[
{"id":4,"title":"Ends soon","choice":"buy","status":"active","owner":null,"next_review_on":"2027-01-15","deadline":"2027-07-15","reason":"sunset criterion 1 met: on 2026-11-22"}
],
"missed":[
{"id":4,"title":"Ends soon","choice":"buy","status":"active","owner":null,"next_review_on":"2027-01-15","deadline":"2027-07-15","reason":"metric delivered has no measurement since its target date 2026-11-21 (target >= 99)"}
],
"assumption":[],
"reviewed":[
{"id":3,"title":"Later","reviewed_on":"2026-11-01","outcome":"keep"}
],
"spend":[
{"choice":"buy","currency":"EUR","decisions":1,"monthly":10.00,"one_time":0.00,"annual_run_rate":120.00,"tco_24m":240.00,"ops_fte":0.00},
{"choice":"build","currency":"USD","decisions":1,"monthly":100.50,"one_time":1000.00,"annual_run_rate":101206.00,"tco_24m":203412.00,"ops_fte":0.50},
{"choice":"buy","currency":"USD","decisions":1,"monthly":50.00,"one_time":0.00,"annual_run_rate":600.00,"tco_24m":1200.00,"ops_fte":0.00},
{"choice":"oss","currency":"USD","decisions":1,"monthly":0.00,"one_time":0.00,"annual_run_rate":250000.00,"tco_24m":500000.00,"ops_fte":1.25}
]}
JSON
)"

t "report --quarter 2026-Q4 is the same report; quarter is YYYYQn"
run report --format json --quarter 2026-Q4
expect_out_has '{"quarter":"2026Q4","start":"2026-10-01","end":"2026-12-31","as_of":"2026-11-22",'

t "report --format md matches the golden file"
run report --format md
expect_code 0
if [ "$out" = "$(cat "$TOP/tests/cli/golden/report.md")" ]; then ok; else
	bad "differs from tests/cli/golden/report.md"; fi

t "report md: a blank line before and after each table"
printf '%s\n' "$out" | awk '
	/^\|/ { if (!intable && prev != "") bad = 1; intable = 1 }
	!/^\|/ { if (intable && $0 != "") bad = 1; intable = 0 }
	{ prev = $0 } END { exit bad }' && ok || bad "a table touches text"

t "report table: a heading, each section with its count, totals"
run report
expect_code 0
expect_out_has "Quarterly re-evaluation report 2026Q4 (2026-10-01 to 2026-12-31), as of 2026-11-22"
expect_out_has "Overdue (1): The review deadline has passed"
expect_out_has "Due (1):"
expect_out_has "Reviewed (1):"
expect_out_has "total   USD               3   150.50"
expect_out_lacks "Gone"

t "report table fits an 80-column terminal (COLUMNS) only on a terminal"
COLUMNS=80 run report
expect_out_has "re-evaluation due since 2026-10-15 (38 days ago), deadline 2027-04-15"

t "report: a past quarter is reported as of its last day"
run report --format json --quarter 2026Q3
expect_out_has '"as_of":"2026-09-30",'
expect_out_has '"overdue":[],'
expect_out_has '"reviewed":[],'

t "report: a future quarter plans ahead as of today"
run report --format json --quarter 2027Q1
expect_out_has '"start":"2027-01-01","end":"2027-03-31","as_of":"2026-11-22",'
expect_out_has '"id":4,"title":"Ends soon"'

t "report: the default quarter is the one that contains today"
MVB_TODAY=2026-10-01 run report --format json
expect_out_has '{"quarter":"2026Q4","start":"2026-10-01"'
MVB_TODAY=2026-09-30 run report --format json
expect_out_has '{"quarter":"2026Q3","start":"2026-07-01","end":"2026-09-30","as_of":"2026-09-30",'

t "report --quarter: a bad quarter is exit 2 quoting the value"
for q in 2025Q5 2025-Q0 25Q1 1899Q4 10000Q1 2025Q1x 2025q1 ''; do
	fails 2 "--quarter: invalid quarter '$q'" report --quarter "$q"
done
expect_out ""

t "report: formats are table, json, md and html; csv is refused"
fails 2 "csv" report --format csv

t "report on a missing register is exit 1 and creates nothing"
MVB_DB="$T/none.db" run report
expect_code 1
[ ! -e "$T/none.db" ] && ok || bad "created a register"

finish
