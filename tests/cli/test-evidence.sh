# assume, invalidate, confirm, metric, measure and sunset: what they record,
# the flags sunset, missed and assumption on both sides of their edges, and
# the same flags in due, show and list.
. "$(dirname "$0")/lib.sh"

"$MVB" add --title "Backstage" --capability portal --choice assemble --decided 2026-06-01 --monthly 500 >/dev/null

t "assumptions are numbered within their decision"
run assume 1 "Teams adopt the portal within a year"
expect_code 0
expect_out 1
run assume 1 "Two engineers keep the plugins current"
expect_out 2
"$MVB" add --title other --capability x --choice buy --decided 2026-06-01 >/dev/null
run assume 2 "first of another decision"
expect_out 1

t "an invalidated assumption flags the decision until a review on or after its date"
run invalidate 1 2 --on 2026-09-01 --note "plugin upgrades need a full engineer"
expect_code 0
expect_out ""
run due --format csv
expect_out_has '1,Backstage,assemble,,2027-06-01,2027-12-01,assumption,"assumption 2 invalidated on 2026-09-01, not reviewed since: Two engineers keep the plugins current"'
run show 1 --format json
expect_out_has '{"number":2,"text":"Two engineers keep the plugins current","status":"invalidated","invalidated_on":"2026-09-01","confirmed_on":null,"note":"plugin upgrades need a full engineer"}'
expect_out_has '"flags":"assumption"'

t "confirm dated before the invalidation leaves it invalidated; after it clears it"
run confirm 1 2 --on 2026-08-31
run show 1 --format json
expect_out_has '"status":"invalidated","invalidated_on":"2026-09-01","confirmed_on":"2026-08-31"'
run confirm 1 2 --on 2026-09-02
run show 1 --format json
expect_out_has '"status":"holding","invalidated_on":null,"confirmed_on":"2026-09-02"'
run due --format csv
expect_out_lacks 'Backstage'

t "a review dated the day before the invalidation does not clear the flag; the day of does"
run invalidate 1 1 --on 2026-10-10
run review 1 --outcome keep --on 2026-10-09
run due --format csv
expect_out_has ',assumption,"assumption 1 invalidated on 2026-10-10, not reviewed since'
run review 1 --outcome keep --on 2026-10-10
run due --format csv
expect_out_lacks 'Backstage'

t "assumption errors"
snapshot
fails 2 "N: decision 1 has no assumption 9" invalidate 1 9
fails 2 "invalid assumption number 'x'" confirm 1 x
fails 2 "--on: invalid date '2026-02-30'" invalidate 1 1 --on 2026-02-30
fails 2 "no decision with id '42'" assume 42 "text"
fails 2 "must not be empty" assume 1 ""
fails 2 "control character" assume 1 "$(printf 'a\033[31m')"
fails 2 "missing argument" assume 1
expect_unchanged

t "metrics: target date defaults to decided + review_months"
run metric 1 adoption '>=' 60 --unit %
expect_code 0
expect_out ""
run show 1 --format json
expect_out_has '"metrics":[{"name":"adoption","op":">=","target":60,"unit":"%","target_on":"2027-06-01","measurements":[]}]'

t "metric and measure errors"
snapshot
fails 2 "already has a metric 'adoption'" metric 1 adoption '>' 5
fails 2 "metric: NAME: invalid metric name 'Adoption'" metric 1 Adoption '>' 5
fails 2 "metric: NAME: invalid metric name 'monthly_cost': reserved word" metric 1 monthly_cost '>' 5
fails 2 "metric: NAME: invalid metric name 'after': reserved word" metric 1 after '>' 5
fails 2 "metric: NAME: invalid metric name 'a23456789012345678901234567890123456789012'" metric 1 a23456789012345678901234567890123456789012 '>' 5
fails 2 "metric: OP: invalid operator '=>'" metric 1 speed '=>' 5
fails 2 "metric: TARGET: invalid target '1e3'" metric 1 speed '>' 1e3
fails 2 "metric: TARGET: invalid target '1234567890123456'" metric 1 speed '>' 1234567890123456
fails 2 "--by: invalid date '2027-06-31'" metric 1 speed '>' 5 --by 2027-06-31
fails 2 "has no metric 'speed'" measure 1 speed 5
fails 2 "measure: VALUE: invalid value '5,5'" measure 1 adoption 5,5
expect_unchanged
run metric 1 a234567890123456789012345678901234567890 '<' -0.50
expect_code 0

t "missed: a target date before today with no measurement on or after it"
run metric 1 latency '<=' 250 --unit ms --by 2026-11-21
run --today 2026-11-21 due --format csv
expect_out_lacks 'missed'
run due --format csv
expect_out_has ',missed,metric latency has no measurement since its target date 2026-11-21'
run measure 1 latency 200 --on 2026-11-20
run due --format csv
expect_out_has ',missed,'

t "missed: the latest measurement on or after the target date decides"
run measure 1 latency 250 --on 2026-11-21
run due --format csv
expect_out_lacks 'Backstage'
run measure 1 latency 250.01 --on 2026-11-22
run due --format csv
expect_out_has 'metric latency missed its target <= 250 ms by 2026-11-21: 250.01 on 2026-11-22'
run measure 1 latency 0240.50 --on 2026-11-22
run show 1 --format json
expect_out_has '{"measured_on":"2026-11-22","value":240.5}'
run due --format csv
expect_out_lacks 'Backstage'

t "measure, invalidate, confirm: an --on after today is refused and writes nothing"
"$MVB" metric 2 uptime '>=' 99.9 --by 2026-11-01 >/dev/null
"$MVB" measure 2 uptime 99.5 --on 2026-11-10 >/dev/null
snapshot
fails 2 "--on: '2026-11-23' is after today (2026-11-22)" measure 2 uptime 99.95 --on 2026-11-23
fails 2 "--on: '2027-11-10' is after today (2026-11-22)" measure 2 uptime 99.95 --on 2027-11-10
fails 2 "--on: '2026-11-23' is after today (2026-11-22)" invalidate 2 1 --on 2026-11-23
fails 2 "--on: '2026-11-23' is after today (2026-11-22)" invalidate 2 1 --on 2026-11-23 --note why
fails 2 "--on: '2026-11-23' is after today (2026-11-22)" confirm 2 1 --on 2026-11-23
# Only the last --on counts, but every one is checked.
fails 2 "--on: '2099-01-01' is after today (2026-11-22)" measure 2 uptime 99.95 --on 2099-01-01 --on 2026-11-20
fails 2 "--on: '2099-01-01' is after today (2026-11-22)" confirm 2 1 --on 2099-01-01 --on 2026-11-20
# Today is --today when given, else $MVB_TODAY.
fails 2 "--on: '2026-11-22' is after today (2026-11-21)" --today 2026-11-21 measure 2 uptime 99.95 --on 2026-11-22
MVB_TODAY=2026-11-21 run invalidate 2 1 --on 2026-11-22
expect_code 2
expect_err_has "--on: '2026-11-22' is after today (2026-11-21)"
expect_unchanged
run due --format csv
expect_out_has '2,other,buy,,2027-06-01,2027-12-01,missed,metric uptime missed its target >= 99.9 by 2026-11-01: 99.5 on 2026-11-10'

t "measure, invalidate, confirm: an --on of today is accepted"
run measure 2 uptime 99.95 --on 2026-11-22
expect_code 0
run due --format csv
expect_out_lacks '2,other'
run --today 2026-11-23 measure 2 uptime 99.96 --on 2026-11-23
expect_code 0
run invalidate 2 1 --on 2026-11-22
expect_code 0
run show 2 --format json
expect_out_has '"status":"invalidated","invalidated_on":"2026-11-22"'
run --today 2026-11-23 confirm 2 1 --on 2026-11-23
expect_code 0
run show 2 --format json
expect_out_has '"status":"holding","invalidated_on":null,"confirmed_on":"2026-11-23"'
expect_out_has '{"measured_on":"2026-11-23","value":99.96}'

t "sunset: on DATE is met from that day"
run sunset 1 'on 2026-12-01'
expect_code 0
expect_out 1
run --today 2026-11-30 due --format csv
expect_out_lacks 'sunset'
run --today 2026-12-01 due --format csv
expect_out_has ',sunset,sunset criterion 1 met: on 2026-12-01'

t "sunset: monthly_cost at and past the threshold"
run sunset 1 'monthly_cost   >   500'
expect_out 2
run due --format csv
expect_out_lacks 'sunset'
run edit 1 --monthly 500.01
run due --format csv
expect_out_has ',sunset,sunset criterion 2 met: monthly_cost > 500.00 (monthly cost 500.01)'
run edit 1 --monthly 500

t "sunset: a metric threshold counts only after its date and its later measurements"
run sunset 1 'adoption < 60 after 2026-11-20'
expect_out 3
run measure 1 adoption 15 --on 2026-11-19
run due --format csv
expect_out_lacks 'sunset'
run measure 1 adoption 60 --on 2026-11-20
run due --format csv
expect_out_lacks 'sunset'
run measure 1 adoption 59.5 --on 2026-11-21
run due --format csv
expect_out_has ',sunset,sunset criterion 3 met: adoption < 60 after 2026-11-20 (latest adoption 59.5 on 2026-11-21)'
run --today 2026-11-19 due --format csv
expect_out_lacks 'sunset'

t "flags agree between due, show and list"
"$MVB" metric 1 cost_ratio '>=' 1 --by 2026-01-01 >/dev/null
"$MVB" invalidate 1 1 --on 2026-11-01 >/dev/null
run due --format csv
expect_out_has '1,Backstage,assemble,,2027-10-10,2028-04-10,sunset;missed;assumption,sunset criterion 3 met'
run show 1 --format json
expect_out_has '"flags":"sunset;missed;assumption"'
run list --format csv
expect_out_has ',sunset;missed;assumption,'
run show 1
expect_out_match '^flags +sunset;missed;assumption$'

t "retired decisions carry no flags whatever their evidence"
run review 1 --outcome retire
run due --format csv
expect_out_lacks 'Backstage'
run list --format csv
expect_out_match '^1,Backstage,.*,retired,.*,12000\.00,,'

t "sunset errors quote the expression and write nothing"
"$MVB" add --title x --capability y --choice buy >/dev/null
snapshot
fails 2 "sunset: invalid expression 'adoption << 60': unknown operator '<<'" sunset 1 'adoption << 60'
fails 2 "sunset: invalid expression 'speed < 60': decision 1 has no metric 'speed'" sunset 1 'speed < 60'
fails 2 "sunset: invalid expression 'adoption < 60': decision 3 has no metric 'adoption'" sunset 3 'adoption < 60'
fails 2 "invalid date '2028-02-30'" sunset 1 'on 2028-02-30'
fails 2 "invalid amount '25,000'" sunset 1 'monthly_cost > 25,000'
fails 2 "invalid number '1e5'" sunset 1 'adoption < 1e5'
fails 2 "expected 'after DATE'" sunset 1 'adoption < 5 before 2027-01-01'
fails 2 "sunset: invalid expression '': empty expression" sunset 1 ''
fails 2 "sunset: invalid expression 'on': expected 'on DATE'" sunset 1 'on'
fails 2 "sunset: invalid expression 'on 2028-01-01 x'" sunset 1 'on 2028-01-01 x'
fails 2 "missing argument" sunset 1
# The expression and the word at fault, each cut at 60 characters.
x46=$(repeat x 46)
fails 2 "sunset: invalid expression 'on 2028-01-01 $x46': unexpected '$x46' after" sunset 1 "on 2028-01-01 $x46"
fails 2 "sunset: invalid expression 'on 2028-01-01 $x46…': unexpected '${x46}y' after" sunset 1 "on 2028-01-01 ${x46}y"
long="on 2028-01-01 $(printf '%0300d' 7)"
fails 2 "sunset: invalid expression 'on 2028-01-01 $(repeat 0 46)…': unexpected '$(repeat 0 60)…' after the date" sunset 1 "$long"
run sunset 1 "adoption < 5 after 2028-01-01 $(repeat 漢 30000)"
expect_code 2
expect_err_has "sunset: invalid expression 'adoption < 5 after 2028-01-01 $(repeat 漢 30)…': unexpected '$(repeat 漢 60)…'"
expect_err_shorter 400
run sunset 1 "$(repeat s 100000) < 5"
expect_code 2
expect_err_has "sunset: invalid expression '$(repeat s 60)…': invalid metric name '$(repeat s 60)…': a metric name is"
expect_err_shorter 300
expect_unchanged

t "history records every change to the evidence"
run history 1
expect_out_has 'assumption 1'
expect_out_match 'invalidate assumption 2 +holding +invalidated \(invalidated on 2026-09-01\)'
expect_out_match 'note of assumption 2 +plugin upgrades need a full engineer'
expect_out_has 'metric adoption'
expect_out_has 'measure latency'
expect_out_has 'sunset 3'
expect_out_has 'adoption < 60 after 2026-11-20'

t "list --search matches assumption text"
run list --search "PLUGINS CURRENT" --format csv
expect_out_has '1,Backstage'
expect_out_lacks '2,other'
finish
