# mvb list (filters, formats, the export columns) and mvb show.
. "$(dirname "$0")/lib.sh"

"$MVB" add --title "Datadog" --capability observability --choice buy --vendor Datadog --owner sre --decided 2025-06-01 --monthly 18000 --rationale "No one wants to run Prometheus" >/dev/null
"$MVB" add --title "Grafana stack" --capability observability --choice oss --owner platform --decided 2026-01-10 --ops-fte 1.5 --status proposed >/dev/null
"$MVB" add --title "Payments, \"Stripe\"" --capability payments --choice buy --vendor Stripe --owner sre --decided 2026-02-01 --gate differentiation=no >/dev/null
"$MVB" add --title "=HYPERLINK(evil)" --capability "+cmd" --choice build --decided 2026-03-01 >/dev/null

t "list csv has the export header and quotes only when needed"
run list --format csv
expect_code 0
"$MVB" list --format csv >"$T/list.csv"
head -n 1 "$T/list.csv" | od -c | grep -q '\\r  \\n' && ok || bad "no CRLF"
expect_out_has "id,title,capability,choice,vendor,owner,cost_center,status,decided_on,next_review_on,review_deadline,currency,one_time_cost,monthly_cost,annual_increase_pct,ops_fte,fte_annual_cost,lockin_cost,lockin_probability,annual_run_rate,tco_24m,flags,rationale,gate_differentiation,gate_maintenance,gate_no_alternative,gate_opportunity"
expect_out_has '3,"Payments, ""Stripe""",payments,buy,Stripe,sre,,active,2026-02-01,2027-02-01,2027-08-01,USD,0.00,0.00,0.00,0.00,200000.00,0.00,0.00,0.00,0.00,,,no,,,'
expect_out_has "1,Datadog,observability,buy,Datadog,sre,,active,2025-06-01,2026-06-01,2026-12-01,USD,0.00,18000.00,0.00,0.00,200000.00,0.00,0.00,216000.00,432000.00,due,No one wants to run Prometheus,,,,"

t "text cells that look like formulas are guarded in csv"
expect_out_has "4,'=HYPERLINK(evil),'+cmd,build,"

t "list json: numbers, nulls and strings"
run list --format json
expect_out_has '{"id":2,"title":"Grafana stack","capability":"observability","choice":"oss","vendor":null,"owner":"platform","cost_center":null,"status":"proposed","decided_on":"2026-01-10","next_review_on":"2027-01-10","review_deadline":"2027-07-10","currency":"USD","one_time_cost":0.00,"monthly_cost":0.00,"annual_increase_pct":0.00,"ops_fte":1.50,"fte_annual_cost":200000.00,"lockin_cost":0.00,"lockin_probability":0.00,"annual_run_rate":300000.00,"tco_24m":600000.00,"flags":"","rationale":null,"gate_differentiation":null'
expect_out_has '"title":"=HYPERLINK(evil)"'

t "filters"
run list --owner sre --format csv
expect_out_has "1,Datadog"
expect_out_has "3,"
expect_out_lacks "2,Grafana"
run list --capability observability --status proposed --format csv
expect_out_has "2,Grafana"
expect_out_lacks "1,Datadog"
run list --choice oss --format csv
expect_out_has "2,Grafana"
run list --search PROMETHEUS --format csv
expect_out_has "1,Datadog"
expect_out_lacks "Grafana"
run list --search stripe --format csv
expect_out_has "Stripe"
run list --owner SRE --format csv
expect_out "$(head -n 1 "$T/list.csv")"
fails 2 "--status: invalid status 'open'" list --status open
fails 2 "--choice: invalid choice 'rent'" list --choice rent

t "list table is one row per decision in id order"
run list
expect_code 0
[ "$(printf '%s\n' "$out" | wc -l)" -eq 5 ] && ok || bad "line count"
expect_out_has "Datadog"

t "show table and json"
run show 1
expect_code 0
expect_out_has "decision 1: Datadog"
expect_out_has "432000.00"
run show 3 --format json
expect_out_has '"gate":{"differentiation":"no","maintenance":null,"no_alternative":null,"opportunity":null}'
expect_out_has '"assumptions":[],"metrics":[],"sunset":[],"reviews":[],"options":[]}'
expect_out_lacks 'gate_differentiation'

t "show md is a MADR document"
run show 2 --format md
expect_out_has "status: proposed"
expect_out_has "date: 2026-01-10"
expect_out_has "## Context and Problem Statement"
expect_out_has "### Confirmation"
run show 1 --format md
expect_out_has "status: accepted"

t "show md quotes the owner so the YAML front matter stays valid"
"$MVB" add --title "$(printf 'Two\nlines')" --capability c --choice buy --decided 2026-01-10 --owner "$(printf -- '- alice: "x" #1\nbob')" >/dev/null
run show 5 --format md
expect_out_has 'decision-makers: "- alice: \"x\" #1\nbob"'
expect_out_has "# Two lines"
expect_out_lacks "$(printf '\nbob')"
t "show md lists assumptions, options, metrics and sunset criteria"
"$MVB" assume 5 "Traffic stays flat" >/dev/null
"$MVB" metric 5 adoption '>=' 60 --unit % --by 2027-01-10 >/dev/null
"$MVB" sunset 5 "on 2028-01-31" >/dev/null
run show 5 --format md
expect_out_has "* Traffic stays flat"
expect_out_has "* Metric: adoption >= 60 % by 2027-01-10"
expect_out_has "* Sunset when: on 2028-01-31"
t "show table keeps a multi-line value on one line and indents paragraphs"
run show 5
expect_out_has "owner                - alice: \"x\" #1 bob"
expect_out_has "decision 5: Two lines"
# A whole record, every section filled, in a register of its own: each
# form of show is pinned in full, so that a renamed key, a changed heading
# or a lost section fails here.
mkdir "$T/rec"
cat >"$T/rec/decisions.csv" <<'EOF'
id,title,capability,choice,vendor,owner,cost_center,status,decided_on,next_review_on,review_deadline,currency,one_time_cost,monthly_cost,annual_increase_pct,ops_fte,fte_annual_cost,lockin_cost,lockin_probability,annual_run_rate,tco_24m,flags,rationale,gate_differentiation,gate_maintenance,gate_no_alternative,gate_opportunity
1,Managed queue,message queue,buy,"Amazon, Inc.",platform,ENG-1,active,2026-01-10,2027-01-10,2027-07-10,USD,1000.00,2500.50,3.00,0.25,200000.00,5000.00,0.10,,,,"One queue for orders.

Second paragraph.",yes,no,,yes
2,Self-run queue,message queue,oss,,platform,,superseded,2025-01-10,2026-01-10,2026-07-10,USD,0.00,300.00,0.00,0.50,200000.00,0.00,0.00,,,,,,,,
EOF
cat >"$T/rec/assumptions.csv" <<'EOF'
decision_id,number,text,status,invalidated_on,confirmed_on,note
1,1,Traffic stays under 1000 msg/s,holding,,2026-06-01,checked with a load test
1,2,"The vendor keeps the price",invalidated,2026-09-01,,The price rose 10%
1,3,The team stays,holding,,,
EOF
cat >"$T/rec/metrics.csv" <<'EOF'
decision_id,name,op,target,unit,target_on
1,latency_p99_ms,<=,250,ms,2026-12-31
1,adoption,>=,3,,2027-03-01
1,cost_ratio,<,0.5,,2026-06-30
EOF
cat >"$T/rec/measurements.csv" <<'EOF'
decision_id,metric,measured_on,value
1,latency_p99_ms,2026-06-01,240.5
1,adoption,2026-05-01,1
1,latency_p99_ms,2026-03-01,310
EOF
cat >"$T/rec/sunset.csv" <<'EOF'
decision_id,number,expression
1,1,latency_p99_ms > 400
1,2,monthly_cost > 5000.00
EOF
cat >"$T/rec/reviews.csv" <<'EOF'
decision_id,reviewed_on,outcome,next_review_on,replaced_by,notes
1,2026-07-01,keep,2027-01-10,,Fine so far
2,2025-12-01,revise,2026-06-01,,
2,2026-01-10,replace,,1,Moved to the managed queue
EOF
cat >"$T/rec/options.csv" <<'EOF'
decision_id,number,name,choice,currency,one_time_cost,monthly_cost,annual_increase_pct,ops_fte,fte_annual_cost,lockin_cost,lockin_probability,annual_run_rate,tco_24m
1,1,Self-run RabbitMQ,oss,USD,0.00,0.00,0.00,0.50,200000.00,0.00,0.00,,
1,2,"Amazon MQ, large",buy,EUR,500.00,1200.00,2.50,0.10,180000.00,1000.00,0.20,,
EOF
for table in decisions assumptions metrics measurements sunset reviews \
    options; do
	MVB_DB="$T/rec.db" "$MVB" import --what "$table" "$T/rec/$table.csv" \
	    >/dev/null || bad "import $table"
done
want_table=$(cat <<'EOF'
decision 1: Managed queue

capability           message queue
choice               buy
vendor               Amazon, Inc.
owner                platform
cost center          ENG-1
status               active
decided on           2026-01-10
next review on       2027-01-10
review deadline      2028-01-01
flags                missed;assumption
reason               metric cost_ratio has no measurement since its target date 2026-06-30 (target < 0.5)
gate differentiation yes
gate maintenance     no
gate no_alternative  unanswered
gate opportunity     yes

costs (USD)
  one-time           1000.00
  monthly            2500.50
  annual increase %  3.00
  ops FTE            0.25
  FTE annual cost    200000.00
  lock-in cost       5000.00
  lock-in prob.      0.10
  annual run rate    80006.00
  24-month TCO       162412.18

rationale
  One queue for orders.

  Second paragraph.

assumptions
  1. Traffic stays under 1000 msg/s [holding, confirmed 2026-06-01] checked with a load test
  2. The vendor keeps the price [invalidated on 2026-09-01] The price rose 10%
  3. The team stays [holding]

metrics
  cost_ratio < 0.5 by 2026-06-30
  latency_p99_ms <= 250 ms by 2026-12-31
    2026-03-01  310
    2026-06-01  240.5
  adoption >= 3 by 2027-03-01
    2026-05-01  1

sunset criteria
  1. latency_p99_ms > 400
  2. monthly_cost > 5000.00

options considered (24-month TCO)
  1. Self-run RabbitMQ (oss): 200000.00 USD
  2. Amazon MQ, large (buy): 65860.00 EUR

reviews
  2026-07-01  keep    next 2027-01-10  Fine so far
EOF
)
want_json=$(cat <<'EOF'
{"id":1,"title":"Managed queue","capability":"message queue","choice":"buy","vendor":"Amazon, Inc.","owner":"platform","cost_center":"ENG-1","status":"active","decided_on":"2026-01-10","next_review_on":"2027-01-10","review_deadline":"2028-01-01","currency":"USD","one_time_cost":1000.00,"monthly_cost":2500.50,"annual_increase_pct":3.00,"ops_fte":0.25,"fte_annual_cost":200000.00,"lockin_cost":5000.00,"lockin_probability":0.10,"annual_run_rate":80006.00,"tco_24m":162412.18,"flags":"missed;assumption","rationale":"One queue for orders.\n\nSecond paragraph.","gate":{"differentiation":"yes","maintenance":"no","no_alternative":null,"opportunity":"yes"},"assumptions":[{"number":1,"text":"Traffic stays under 1000 msg/s","status":"holding","invalidated_on":null,"confirmed_on":"2026-06-01","note":"checked with a load test"},{"number":2,"text":"The vendor keeps the price","status":"invalidated","invalidated_on":"2026-09-01","confirmed_on":null,"note":"The price rose 10%"},{"number":3,"text":"The team stays","status":"holding","invalidated_on":null,"confirmed_on":null,"note":null}],"metrics":[{"name":"cost_ratio","op":"<","target":0.5,"unit":null,"target_on":"2026-06-30","measurements":[]},{"name":"latency_p99_ms","op":"<=","target":250,"unit":"ms","target_on":"2026-12-31","measurements":[{"measured_on":"2026-03-01","value":310},{"measured_on":"2026-06-01","value":240.5}]},{"name":"adoption","op":">=","target":3,"unit":null,"target_on":"2027-03-01","measurements":[{"measured_on":"2026-05-01","value":1}]}],"sunset":[{"number":1,"expression":"latency_p99_ms > 400"},{"number":2,"expression":"monthly_cost > 5000.00"}],"reviews":[{"reviewed_on":"2026-07-01","outcome":"keep","next_review_on":"2027-01-10","replaced_by":null,"notes":"Fine so far"}],"options":[{"number":1,"name":"Self-run RabbitMQ","choice":"oss","currency":"USD","one_time_cost":0.00,"monthly_cost":0.00,"annual_increase_pct":0.00,"ops_fte":0.50,"fte_annual_cost":200000.00,"lockin_cost":0.00,"lockin_probability":0.00,"annual_run_rate":100000.00,"tco_24m":200000.00},{"number":2,"name":"Amazon MQ, large","choice":"buy","currency":"EUR","one_time_cost":500.00,"monthly_cost":1200.00,"annual_increase_pct":2.50,"ops_fte":0.10,"fte_annual_cost":180000.00,"lockin_cost":1000.00,"lockin_probability":0.20,"annual_run_rate":32400.00,"tco_24m":65860.00}]}
EOF
)
want_md=$(cat <<'EOF'
---
status: accepted
date: 2026-01-10
decision-makers: "platform"
---

# Managed queue

## Context and Problem Statement

How should we provide the capability "message queue"?

Assumptions:

* Traffic stays under 1000 msg/s
* The vendor keeps the price (invalidated 2026-09-01)
* The team stays

## Considered Options

* Managed queue (buy, Amazon, Inc.): 24-month TCO 162412.18 USD
* Self-run RabbitMQ (oss): 24-month TCO 200000.00 USD
* Amazon MQ, large (buy): 24-month TCO 65860.00 EUR

## Decision Outcome

Chosen option: "Managed queue", buy.

One queue for orders.

Second paragraph.

### Consequences

* 24-month TCO: 162412.18 USD
* Annual run rate: 80006.00 USD
* Gate differentiation: yes
* Gate maintenance: no
* Gate no_alternative: unanswered
* Gate opportunity: yes

### Confirmation

Re-evaluate from 2027-01-10, no later than 2028-01-01.

* Metric: cost_ratio < 0.5 by 2026-06-30
* Metric: latency_p99_ms <= 250 ms by 2026-12-31
* Metric: adoption >= 3 by 2027-03-01
* Sunset when: latency_p99_ms > 400
* Sunset when: monthly_cost > 5000.00
* Reviewed 2026-07-01: keep
EOF
)
want_table2=$(cat <<'EOF'
decision 2: Self-run queue

capability           message queue
choice               oss
vendor
owner                platform
cost center
status               superseded
decided on           2025-01-10
next review on       2026-01-10
review deadline      2027-07-10
flags                none
gate differentiation unanswered
gate maintenance     unanswered
gate no_alternative  unanswered
gate opportunity     unanswered

costs (USD)
  one-time           0.00
  monthly            300.00
  annual increase %  0.00
  ops FTE            0.50
  FTE annual cost    200000.00
  lock-in cost       0.00
  lock-in prob.      0.00
  annual run rate    103600.00
  24-month TCO       207200.00

reviews
  2025-12-01  revise  next 2026-06-01
  2026-01-10  replace next 2027-01-10  by 1  Moved to the managed queue
EOF
)
want_json2=$(cat <<'EOF'
{"id":2,"title":"Self-run queue","capability":"message queue","choice":"oss","vendor":null,"owner":"platform","cost_center":null,"status":"superseded","decided_on":"2025-01-10","next_review_on":"2026-01-10","review_deadline":"2027-07-10","currency":"USD","one_time_cost":0.00,"monthly_cost":300.00,"annual_increase_pct":0.00,"ops_fte":0.50,"fte_annual_cost":200000.00,"lockin_cost":0.00,"lockin_probability":0.00,"annual_run_rate":103600.00,"tco_24m":207200.00,"flags":"","rationale":null,"gate":{"differentiation":null,"maintenance":null,"no_alternative":null,"opportunity":null},"assumptions":[],"metrics":[],"sunset":[],"reviews":[{"reviewed_on":"2025-12-01","outcome":"revise","next_review_on":"2026-06-01","replaced_by":null,"notes":null},{"reviewed_on":"2026-01-10","outcome":"replace","next_review_on":"2027-01-10","replaced_by":1,"notes":"Moved to the managed queue"}],"options":[]}
EOF
)

t "show table: every section of a whole record"
MVB_DB="$T/rec.db" run show 1
expect_code 0
expect_out "$want_table"
expect_out_has "$(printf '\n\noptions considered (24-month TCO)\n  1. Self-run RabbitMQ (oss): 200000.00 USD\n  2. Amazon MQ, large (buy): 65860.00 EUR\n\nreviews\n')"

t "show table: no section heading without rows; reviews with replaced_by"
MVB_DB="$T/rec.db" run show 2
expect_out "$want_table2"
expect_out_lacks "options considered"
expect_out_lacks "assumptions"

t "show json: every member of a whole record, options with their costs"
MVB_DB="$T/rec.db" run show 1 --format json
expect_out "$want_json"
expect_out_has '"options":[{"number":1,"name":"Self-run RabbitMQ","choice":"oss","currency":"USD","one_time_cost":0.00,"monthly_cost":0.00,"annual_increase_pct":0.00,"ops_fte":0.50,"fte_annual_cost":200000.00,"lockin_cost":0.00,"lockin_probability":0.00,"annual_run_rate":100000.00,"tco_24m":200000.00},'
MVB_DB="$T/rec.db" run show 2 --format json
expect_out "$want_json2"

t "show md: every section of a whole record"
MVB_DB="$T/rec.db" run show 1 --format md
expect_out "$want_md"
expect_out_has "$(printf '## Considered Options\n\n* Managed queue (buy, Amazon, Inc.): 24-month TCO 162412.18 USD\n* Self-run RabbitMQ (oss): 24-month TCO 200000.00 USD\n* Amazon MQ, large (buy): 24-month TCO 65860.00 EUR\n\n## Decision Outcome')"
MVB_DB="$T/rec.db" run show 2 --format md
expect_out_has "$(printf '## Considered Options\n\n* Self-run queue (oss): 24-month TCO 207200.00 USD\n\n## Decision Outcome')"
expect_out_has "$(printf '* Reviewed 2025-12-01: revise\n* Reviewed 2026-01-10: replace')"
expect_out_lacks "Assumptions:"
expect_out_lacks "* Metric:"

fails 2 "--format: 'csv' is not a format of 'show'" show 1 --format csv
fails 2 "no decision with id '9'" show 9
t "show md of a superseded decision names its replacement and the review that ended it"
"$MVB" add --title "Self-hosted Kafka" --capability queue --choice oss --owner sre --decided 2025-01-15 >/dev/null
"$MVB" add --title "Confluent Cloud" --capability queue --choice buy --decided 2025-02-01 --status proposed >/dev/null
"$MVB" review 6 --outcome replace --by 7 --on 2026-03-31 --notes "$(printf 'managed is cheaper\nat our volume')"
run show 6 --format md
expect_code 0
expect_out_has "$(printf -- '---\nstatus: superseded by 7\ndate: 2025-01-15\ndecision-makers: "sre"\n---')"
expect_out_has "$(printf '### Confirmation\n\nSuperseded by decision 7 in the review of 2026-03-31.\nNotes: managed is cheaper at our volume\n\n* Reviewed 2026-03-31: replace')"
expect_out_lacks "Re-evaluate"
t "show md of the replacement still says when to re-evaluate it"
run show 7 --format md
expect_out_has "$(printf -- '---\nstatus: accepted\ndate: 2025-02-01')"
expect_out_has "$(printf '### Confirmation\n\nRe-evaluate from 2027-03-31, no later than 2027-09-30.')"

t "show md of a retired decision says by what review it ended"
"$MVB" add --title "Legacy search" --capability search --choice build --decided 2025-01-15 >/dev/null
"$MVB" review 8 --outcome retire --on 2026-06-30
run show 8 --format md
expect_out_has "$(printf -- '---\nstatus: deprecated\ndate: 2025-01-15')"
expect_out_has "$(printf '### Confirmation\n\nRetired in the review of 2026-06-30.\n\n* Reviewed 2026-06-30: retire')"
expect_out_lacks "Notes:"
expect_out_lacks "Re-evaluate"

t "show md of a status set without a review says no review records when"
"$MVB" add --title "Old queue" --capability queue --choice buy --decided 2025-01-15 --status superseded >/dev/null
"$MVB" add --title "Old portal" --capability portal --choice buy --decided 2025-01-15 --status retired >/dev/null
run show 9 --format md
expect_out_has "$(printf -- '---\nstatus: superseded\ndate: 2025-01-15')"
expect_out_has "$(printf '### Confirmation\n\nSuperseded; no review records when.')"
expect_out_lacks "Re-evaluate"
run show 10 --format md
expect_out_has "$(printf -- '---\nstatus: deprecated\ndate: 2025-01-15')"
expect_out_has "$(printf '### Confirmation\n\nRetired; no review records when.')"

t "a long id or option value is quoted by its first 60 characters and …"
fails 2 "invalid decision id '$(repeat 1 59)x'" show "$(repeat 1 59)x"
fails 2 "invalid decision id '$(repeat 1 60)…'" show "$(repeat 1 61)"
run show "$(repeat 1 100000)"
expect_code 2
expect_err_has "invalid decision id '$(repeat 1 60)…'"
expect_err_shorter 300
fails 2 "--format: '$(repeat f 60)…' is not a format of 'show'" show 1 --format "$(repeat f 100000)"
expect_err_shorter 300
fails 2 "--status: invalid status '$(repeat s 60)…' (proposed" list --status "$(repeat s 61)"
fails 2 "unknown command '$(repeat 1 60)…' (see 'mvb --help')" "$(repeat 1 100000)"
expect_err_shorter 300
finish
