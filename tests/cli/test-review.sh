# mvb review: outcomes, the anchor moving, the --on and --next ranges, and
# what may not be reviewed.
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
finish
