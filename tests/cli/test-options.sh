# mvb option, compare and lint.
. "$(dirname "$0")/lib.sh"

t "option records an alternative and prints its number"
run add --title "Confluent Cloud" --capability "event streaming" --choice buy \
	--one-time 8000 --monthly 3200 --increase 10 --ops-fte 0.05 \
	--lockin-cost 40000 --lockin-prob 0.1 --rationale "managed"
run option 1 --choice oss --name "Self-hosted Kafka" --one-time 4000 \
	--monthly 2400 --ops-fte 0.3
expect_code 0
expect_out 1
expect_err_empty
run option 1 --name "Amazon MSK" --choice buy --monthly 2900 --increase 5 \
	--ops-fte 0.15 --one-time 6000 --lockin-cost 30000 --lockin-prob 0.1
expect_out 2

t "unset costs are 0, fte_cost the setting, currency the decision's"
run config fte_cost 150000
run add --title "in euros" --capability c --choice buy --currency EUR
run option 2 --choice build --name "Build it"
expect_out 1
run export --what options
expect_out_has '2,1,Build it,build,EUR,0.00,0.00,0.00,0.00,150000.00,0.00,0.00,0.00,0.00'
run option 2 --choice buy --name "In dollars" --currency USD --fte-cost 1
run export --what options
expect_out_has '2,2,In dollars,buy,USD,0.00,0.00,0.00,0.00,1.00,0.00,0.00'

t "option is in show (every format) and in the history"
run show 1
expect_out_has "1. Self-hosted Kafka (oss): 181600.00 USD"
run show 1 --format json
expect_out_has '"options":[{"number":1,"name":"Self-hosted Kafka","choice":"oss","currency":"USD"'
run show 1 --format md
expect_out_has "Self-hosted Kafka"
run history 1
expect_out_has "option 1"
expect_out_has "Amazon MSK"

t "option refuses bad input and changes nothing"
snapshot
fails 2 "--name is required" option 1 --choice buy
fails 2 "--choice is required" option 1 --name x
fails 2 "--choice: invalid choice 'rent'" option 1 --choice rent --name x
fails 2 "--currency: invalid currency 'US'" option 1 --choice buy --name x --currency US
fails 2 "--currency: invalid currency 'usd'" option 1 --choice buy --name x --currency usd
fails 2 "--monthly: invalid amount '-5'" option 1 --choice buy --name x --monthly -5
fails 2 "--lockin-prob: invalid probability (0-1) '1.5'" option 1 --choice buy --name x --lockin-prob 1.5
fails 2 "--name: invalid value ''" option 1 --choice buy --name ''
fails 2 "no decision with id '99'" option 99 --choice buy --name x
fails 2 "invalid decision id 'x'" option x --choice buy --name x
fails 2 "unknown option '--title'" option 1 --choice buy --name x --title y
fails 2 "missing argument" option --choice buy --name x
expect_unchanged

t "compare lists every line, cheapest first, then the verdict"
run compare 1
expect_code 0
expect_out_has "#0  Confluent Cloud (chosen)"
expect_out_match '^one-time +8000\.00 +6000\.00 +4000\.00$'
expect_out_match '^months 1-12 .* +38400\.00 +34800\.00 +28800\.00$'
expect_out_match '^months 13-24 .* +42240\.00 +36540\.00 +28800\.00$'
expect_out_match '^operations .* +20000\.00 +60000\.00 +120000\.00$'
expect_out_match '^expected lock-in .* +4000\.00 +3000\.00 +0\.00$'
expect_out_match '^tco_24m +112640\.00 +140340\.00 +181600\.00$'
expect_out_match '^annual run rate +48400\.00 +64800\.00 +88800\.00$'
expect_out_has "Confluent Cloud is cheaper: Amazon MSK costs 25% more over 24 months"
expect_out_lacks "switching to"

t "compare --format json"
run compare 1 --format json
expect_out '{"options":[{"number":0,"name":"Confluent Cloud","choice":"buy","currency":"USD","tco_24m":112640.00,"annual_run_rate":48400.00,"payback_months":null},{"number":2,"name":"Amazon MSK","choice":"buy","currency":"USD","tco_24m":140340.00,"annual_run_rate":64800.00,"payback_months":null},{"number":1,"name":"Self-hosted Kafka","choice":"oss","currency":"USD","tco_24m":181600.00,"annual_run_rate":88800.00,"payback_months":null}],"verdict_kind":"cheaper","verdict":"Confluent Cloud is cheaper: Amazon MSK costs 25% more over 24 months"}'

t "compare prints the payback of switching to an option that runs cheaper"
# 24,000.00 a year, 6,000.00 to leave; the option runs at 12,000.00 and
# costs 6,000.00 to adopt: exactly 12 months.
run add --title "Locked in" --capability c --choice buy --monthly 2000 \
	--lockin-cost 6000 --rationale r
run option 3 --choice oss --name "Runs cheaper" --one-time 6000 --monthly 1000
run option 3 --choice buy --name "Dearer" --monthly 3000
run option 3 --choice buy --name "Elsewhere" --currency EUR --monthly 1
run compare 3
expect_out_has "switching to Runs cheaper saves 12000.00 a year and pays back in 12 months"
expect_out_lacks "switching to Dearer"
expect_out_lacks "switching to Elsewhere"
expect_out_has "incomparable: entries in several currencies"
run compare 3 --format json
expect_out_has '"name":"Runs cheaper","choice":"oss","currency":"USD","tco_24m":30000.00,"annual_run_rate":12000.00,"payback_months":12}'
expect_out_has '"name":"Dearer","choice":"buy","currency":"USD","tco_24m":72000.00,"annual_run_rate":36000.00,"payback_months":null}'
expect_out_has '"name":"Elsewhere","choice":"buy","currency":"EUR","tco_24m":24.00,"annual_run_rate":12.00,"payback_months":null}'
expect_out_has '"verdict_kind":"incomparable"'

t "compare without options, decisive and close"
run add --title "Alone" --capability c --choice buy --monthly 100
run compare 4 --format json
expect_out '{"options":[{"number":0,"name":"Alone","choice":"buy","currency":"USD","tco_24m":2400.00,"annual_run_rate":1200.00,"payback_months":null}],"verdict_kind":"incomparable","verdict":"nothing to compare: no option recorded"}'
run option 4 --choice oss --name Twice --monthly 200
run compare 4
expect_out_has "decisive: Twice costs 2.00× as much as Alone over 24 months"
run add --title "Even" --capability c --choice buy --monthly 100
run option 5 --choice oss --name "A fifth more" --monthly 120
run compare 5
expect_out_has "close (within 20%): let the qualitative factors decide"
run add --title "Free" --capability c --choice buy
run option 6 --choice oss --name "Not free" --monthly 1
run compare 6
expect_out_has "decisive: Free costs nothing over 24 months"

t "compare refuses bad input"
fails 2 "no decision with id '99'" compare 99
fails 2 "invalid decision id 'abc'" compare abc
fails 2 "missing argument" compare
fails 2 "--format" compare 1 --format csv

t "compare fits a terminal by putting entries in blocks"
run add --title "Many" --capability c --choice buy --monthly 100000
for n in 1 2 3 4 5 6; do run option 7 --choice buy --name "Option $n" --monthly "10000$n"; done
run compare 7
expect_code 0
# Not a terminal: every entry on one row.
expect_out_match '^tco_24m( +[0-9.]+){7}$'
if command -v script >/dev/null; then
	COLUMNS=60 script -qec "$MVB compare 7" /dev/null >"$T/tty" 2>&1
	out=$(tr -d '\r' <"$T/tty")
	widest=$(printf '%s\n' "$out" | LC_ALL=C.UTF-8 wc -L)
	if [ "$widest" -le 60 ]; then ok; else bad "a line is $widest columns"; fi
	# Several blocks, so tco_24m comes more than once, each with every
	# entry once in all.
	n=$(printf '%s\n' "$out" | grep -c '^tco_24m')
	if [ "$n" -ge 2 ]; then ok; else bad "$n blocks"; fi
	expect_out_has "#6"
else
	skip "no script(1) to give mvb a pseudo-terminal"
fi

t "lint: one finding a line, ID: RULE: message"
run lint 3
expect_code 0
expect_out "$(printf '%s\n' \
"3: no-metric: no success metric says whether it worked: add one with 'mvb metric 3 NAME OP TARGET'" \
"3: no-sunset: no sunset criterion, so no committed exit: add one with 'mvb sunset 3 EXPR'" \
"3: no-assumption: no assumption recorded: add what must hold with 'mvb assume 3 TEXT'" \
"3: switch-pays: switching to 'Runs cheaper' saves 12000.00 USD a year and pays back in 12 months: the sunk-cost trap; plan the migration or review the decision")"
run lint 3 --exit-code
expect_code 3
run lint 4
expect_out_lacks "no-options"

t "lint: gate, oss-not-free, crossover, close-call"
run add --title "Built" --capability c --choice build --gate differentiation=yes
run lint 8
expect_out_has "8: no-options: no alternative recorded: add what was weighed with 'mvb option 8'"
expect_out_has "8: gate: build without four yeses (maintenance unanswered, no_alternative unanswered, opportunity unanswered): "
run add --title "Self-hosted" --capability c --choice oss
run lint 9
expect_out_has "9: oss-not-free: oss with 0.00 ops FTE: "
run add --title "Big bill" --capability c --choice buy --monthly 32000
run lint 10
expect_out_has "10: crossover: pays 32000.00 USD a month, above the crossover 25000.00: run the self-hosting calculation"
run lint 5
expect_out_has "5: close-call: the two cheapest are within 20% over 24 months (2400.00 and 2880.00 USD) and no rationale says why: "

t "lint: a decision with everything recorded has no finding"
run add --title "Complete" --capability c --choice buy --monthly 100 --rationale "fits"
run metric 11 latency '<' 200
run sunset 11 "on 2029-01-01"
run assume 11 "traffic stays low"
run option 11 --choice oss --name "Self-host" --monthly 300 --ops-fte 0.5
run lint 11 --exit-code
expect_code 0
expect_out ""

t "lint skips superseded and retired decisions; all of them by default"
run review 11 --outcome retire
run lint 11 --exit-code
expect_code 0
expect_out ""
run lint
expect_out_has "3: switch-pays"
expect_out_has "10: crossover"
expect_out_lacks "11: "

t "lint refuses bad input"
fails 2 "no decision with id '99'" lint 99
fails 2 "invalid decision id 'x'" lint x
fails 2 "unexpected argument" lint 1 2
fails 2 "unknown option '--all'" lint --all
fails 2 "--format" lint --format json

t "help of the three commands"
for c in option compare lint; do
	run "$c" --help
	expect_code 0
	expect_out_has "mvb $c"
done
run --help
expect_out_has "compare"
expect_out_has "lint"
expect_out_has "option"

finish
