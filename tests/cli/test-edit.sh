# mvb edit and mvb history: changes kept field by field; --decided and the
# anchor; the range rule against the resulting anchor.
. "$(dirname "$0")/lib.sh"

"$MVB" add --title "Datadog" --capability observability --choice buy --decided 2025-03-10 --owner sre --monthly 18000 >/dev/null

t "edit changes fields and history keeps old and new values"
run edit 1 --owner platform --monthly 21000.5
expect_code 0
run show 1 --format json
expect_out_has '"owner":"platform"'
expect_out_has '"monthly_cost":21000.50'
run history 1
expect_code 0
expect_out_has 'created'
expect_out_has 'owner'
expect_out_has 'sre'
expect_out_has 'monthly_cost'
expect_out_has '18000.00'
expect_out_has '21000.50'

t "an empty value clears an optional field"
run edit 1 --owner ''
run show 1 --format json
expect_out_has '"owner":null'

t "--decided does not move next_review_on without --review"
run edit 1 --decided 2025-04-01
expect_code 0
run show 1 --format json
expect_out_has '"decided_on":"2025-04-01"'
expect_out_has '"next_review_on":"2026-03-10"'
expect_out_has '"review_deadline":"2026-10-01"'

t "the range rule is checked against the resulting anchor"
snapshot
fails 2 "--decided: '2026-03-11' would leave the next review on 2026-03-10 outside the review range 2026-03-11 to 2027-09-11; give --review too" edit 1 --decided 2026-03-11
fails 2 "--review: '2026-10-02' is outside the review range 2025-04-01 to 2026-10-01" edit 1 --review 2026-10-02
expect_unchanged
run edit 1 --decided 2026-03-11 --review 2027-03-11
expect_code 0

t "--decided may not pass a review"
run review 1 --outcome keep --on 2026-06-01
snapshot
fails 2 "--decided: '2026-06-02' is after the decision's review of 2026-06-01" edit 1 --decided 2026-06-02
expect_unchanged
run edit 1 --decided 2026-05-01
expect_code 0
run show 1 --format json
expect_out_has '"next_review_on":"2027-06-01"'

t "bad edits are exit 2 and change nothing"
snapshot
fails 2 "nothing to change" edit 1
fails 2 "no decision with id '7'" edit 7 --owner x
fails 2 "invalid decision id '0'" edit 0 --owner x
fails 2 "invalid decision id '-1'" edit -1 --owner x
fails 2 "--choice: invalid choice 'lease'" edit 1 --choice lease
fails 2 "--monthly: invalid amount '12.345'" edit 1 --monthly 12.345
fails 2 "--title: invalid value '' (must not be empty)" edit 1 --title ''
fails 2 "missing argument" edit
fails 2 "no decision with id '7'" history 7
expect_unchanged

t "history is oldest first with UTC timestamps"
run history 1
first=$(printf '%s\n' "$out" | sed -n 2p)
case "$first" in
[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z*created*) ok ;;
*) bad "first entry: $first" ;;
esac
finish
