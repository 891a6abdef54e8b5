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
