# mvb review: outcomes, the anchor moving, the --on and --next ranges, what
# may not be reviewed, and a replacement taking the review's date as anchor.
. "$(dirname "$0")/lib.sh"

"$MVB" add --title "Self-hosted Kafka" --capability queue --choice oss --decided 2024-03-31 >/dev/null
"$MVB" add --title "Confluent Cloud" --capability queue --choice buy --decided 2026-10-01 --status proposed >/dev/null
"$MVB" add --title "Auth0" --capability identity --choice buy --decided 2025-01-15 >/dev/null
"$MVB" add --title "Legacy search" --capability search --choice build --decided 2024-06-30 >/dev/null

t "keep moves the anchor: next review = review date + 12 months"
run review 3 --outcome keep --on 2026-02-28 --notes "still cheapest"
expect_code 0
expect_out ""
run show 3 --format json
expect_out_has '"next_review_on":"2027-02-28"'
expect_out_has '"review_deadline":"2027-08-28"'
expect_out_has '"reviews":[{"reviewed_on":"2026-02-28","outcome":"keep","next_review_on":"2027-02-28","replaced_by":null,"notes":"still cheapest"}]'

t "a kept decision is no longer overdue"
run due --format csv
expect_out_lacks 'Auth0'

t "--on may not be before the anchor nor after today"
snapshot
fails 2 "--on: '2026-02-27' is before the decision's anchor 2026-02-28" review 3 --outcome keep --on 2026-02-27
fails 2 "--on: '2026-11-23' is after today (2026-11-22)" review 3 --outcome keep --on 2026-11-23
t "--next must lie within [review date, review date + 18 months]"
fails 2 "--next: '2028-05-23' is outside the review range 2026-11-22 to 2028-05-22" review 3 --outcome keep --next 2028-05-23
fails 2 "--next: '2026-11-21' is outside the review range" review 3 --outcome keep --next 2026-11-21
t "outcome and --by rules"
fails 2 "--outcome is required" review 3
fails 2 "--outcome: invalid outcome 'maybe'" review 3 --outcome maybe
fails 2 "--outcome replace needs --by" review 1 --outcome replace
fails 2 "--by: only with --outcome replace" review 1 --outcome keep --by 2
fails 2 "no decision with id '99'" review 99 --outcome keep
fails 2 "--by: no decision with id '99'" review 1 --outcome replace --by 99
fails 2 "--by: invalid decision id 'x1'" review 1 --outcome replace --by x1
fails 2 "invalid decision id 'x'" review x --outcome keep
fails 2 "cannot replace itself" review 1 --outcome replace --by 1
expect_unchanged

t "review on the anchor day itself and today are allowed"
run review 3 --outcome revise --on 2026-02-28 --next 2026-12-01
expect_code 0
run show 3 --format json
expect_out_has '"next_review_on":"2026-12-01"'

t "replace supersedes and activates the proposed replacement"
run review 1 --outcome replace --by 2 --on 2026-10-15
expect_code 0
run show 1 --format json
expect_out_has '"status":"superseded"'
expect_out_has '"replaced_by":2'
run show 2 --format json
expect_out_has '"status":"active"'
run history 2
expect_out_match 'tester +status +proposed +active$'

t "superseded and retired decisions cannot be reviewed and are never flagged"
fails 2 "decision 1 is superseded" review 1 --outcome keep
run review 4 --outcome retire
expect_code 0
fails 2 "decision 4 is retired" review 4 --outcome keep
run due --format csv
expect_out_lacks 'Kafka'
expect_out_lacks 'Legacy'
t "the replacement must be open"
"$MVB" add --title a --capability z --choice buy >/dev/null
fails 2 "--by: decision 4 is retired" review 5 --outcome replace --by 4

t "a proposed decision becomes active on keep"
"$MVB" add --title p --capability z --choice buy --status proposed --decided 2026-01-01 >/dev/null
run review 6 --outcome keep
run show 6 --format json
expect_out_has '"status":"active"'
expect_out_has '"next_review_on":"2027-11-22"'

t "history records the review"
run history 3
expect_out_has 'tester'
expect_out_has 'review'
expect_out_has 'keep on 2026-02-28'
expect_out_match 'next_review_on +2026-01-15 +2027-02-28$'
# A replacement adopted by a review takes the review's date as its anchor.
export MVB_DB="$T/adopt.db"

# The rows of 'due --format csv' as of $1, header and CRs left out.
due_rows() {
	"$MVB" --today "$1" due --format csv >"$T/out" 2>"$T/err"
	code=$?
	out=$(tr -d '\r' <"$T/out" | sed 1d)
	err=$(cat "$T/err")
}

"$MVB" add --title Kafka --capability queue --choice oss --decided 2024-01-15 >/dev/null
"$MVB" add --title Confluent --capability queue --choice buy --decided 2024-01-15 --status proposed >/dev/null

t "an adopted proposal takes the review's date as its anchor"
run review 1 --outcome replace --by 2 --on 2025-03-31 --notes "managed is cheaper"
expect_code 0
expect_out ""
run show 2 --format json
expect_out_has '"status":"active","decided_on":"2024-01-15","next_review_on":"2026-03-31","review_deadline":"2026-09-30"'
run check
expect_code 0
expect_out "ok"

t "the adoption is in the replacement's history: anchor and next review"
run history 2
expect_out_match 'tester +replaces +decision 1, review of 2025-03-31$'
expect_out_match 'tester +status +proposed +active$'
expect_out_match 'tester +next_review_on +2025-01-15 +2026-03-31$'
expect_out_match 'tester +anchor_on +2024-01-15 +2025-03-31$'

t "an adopted proposal is not flagged the day after its adoption"
due_rows 2025-04-01
expect_code 0
expect_out ""
due_rows 2025-07-16
expect_out ""
t "it is upcoming the day before its new next_review_on, due on it"
due_rows 2026-03-30
expect_out "2,Confluent,buy,,2026-03-31,2026-09-30,upcoming,re-evaluation window opens 2026-03-31 (in 1 day)"
due_rows 2026-03-31
expect_out '2,Confluent,buy,,2026-03-31,2026-09-30,due,"re-evaluation due since 2026-03-31 (today), deadline 2026-09-30"'
t "it is due on its new deadline and overdue the day after"
due_rows 2026-09-30
expect_out_has "2,Confluent,buy,,2026-03-31,2026-09-30,due,"
due_rows 2026-10-01
expect_out "2,Confluent,buy,,2026-03-31,2026-09-30,overdue,review deadline 2026-09-30 passed 1 day ago"

t "editing an adopted decision keeps its anchor"
run edit 2 --owner platform --decided 2024-02-01
expect_code 0
run show 2 --format json
expect_out_has '"decided_on":"2024-02-01","next_review_on":"2026-03-31","review_deadline":"2026-09-30"'
run check
expect_out "ok"
t "edit --review is held to the adopted anchor's range"
fails 2 "--review: '2025-03-30' is outside the review range 2025-03-31 to 2026-09-30" edit 2 --review 2025-03-30
run edit 2 --review 2025-03-31
expect_code 0

t "export → import keeps an adopted decision's anchor: check and due agree"
"$MVB" edit 2 --review 2026-03-31 >/dev/null
for w in decisions reviews; do
	"$MVB" export --what "$w" -o "$T/adopt-$w.csv"
done
run --db "$T/adopt-copy.db" import --what decisions "$T/adopt-decisions.csv"
expect_code 0
run --db "$T/adopt-copy.db" import --what reviews "$T/adopt-reviews.csv"
expect_code 0
run --db "$T/adopt-copy.db" check
expect_code 0
expect_out "ok"
run --db "$T/adopt-copy.db" export --what decisions
expect_code 0
if [ "$out" = "$(cat "$T/adopt-decisions.csv")" ]; then ok; else bad "decisions differ after a round trip"; fi
MVB_DB="$T/adopt-copy.db" due_rows 2026-10-01
expect_out "2,Confluent,buy,platform,2026-03-31,2026-09-30,overdue,review deadline 2026-09-30 passed 1 day ago"
MVB_DB="$T/adopt-copy.db" due_rows 2026-09-30
expect_out_has "2,Confluent,buy,platform,2026-03-31,2026-09-30,due,"

t "an adoption on the last day of a month clamps: 2025-08-31 + 18 months"
"$MVB" add --title "Old CI" --capability ci --choice build --decided 2024-06-30 >/dev/null
"$MVB" add --title "New CI" --capability ci --choice buy --decided 2025-01-10 --status proposed >/dev/null
run review 3 --outcome replace --by 4 --on 2025-08-31
expect_code 0
run show 4 --format json
expect_out_has '"status":"active","decided_on":"2025-01-10","next_review_on":"2026-08-31","review_deadline":"2027-02-28"'
due_rows 2027-02-28
expect_out_has "4,New CI,buy,,2026-08-31,2027-02-28,due,"
due_rows 2027-03-01
expect_out_has "4,New CI,buy,,2026-08-31,2027-02-28,overdue,"

t "an adoption on 2024-02-29 reviews next on 2025-02-28"
"$MVB" add --title "Old auth" --capability auth --choice build --decided 2023-05-01 >/dev/null
"$MVB" add --title "New auth" --capability auth --choice buy --decided 2023-06-01 --status proposed >/dev/null
run review 5 --outcome replace --by 6 --on 2024-02-29
expect_code 0
run show 6 --format json
expect_out_has '"next_review_on":"2025-02-28","review_deadline":"2025-08-29"'

t "an active replacement takes the review's date as its anchor too"
"$MVB" add --title "Old search" --capability search --choice build --decided 2024-06-30 >/dev/null
"$MVB" add --title "New search" --capability search --choice buy --decided 2024-06-30 >/dev/null
run review 7 --outcome replace --by 8 --on 2025-03-31
expect_code 0
run show 8 --format json
expect_out_has '"status":"active","decided_on":"2024-06-30","next_review_on":"2026-03-31","review_deadline":"2026-09-30"'
run history 8
expect_out_match 'tester +anchor_on +2024-06-30 +2025-03-31$'
expect_out_lacks 'proposed'
run check
expect_out "ok"

t "the review may not be before the replacement's anchor"
"$MVB" add --title "Old x" --capability x --choice build --decided 2025-01-01 >/dev/null
"$MVB" add --title "New x" --capability x --choice buy --decided 2025-04-01 --status proposed >/dev/null
snapshot
fails 2 "--on: '2025-03-31' is before the anchor 2025-04-01 of decision 10, its replacement" review 9 --outcome replace --by 10 --on 2025-03-31
expect_unchanged
run review 9 --outcome replace --by 10 --on 2025-04-01
expect_code 0
run show 10 --format json
expect_out_has '"status":"active","decided_on":"2025-04-01","next_review_on":"2026-04-01","review_deadline":"2026-10-01"'
run history 10
expect_out_lacks 'anchor_on'
finish
