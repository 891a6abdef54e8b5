# mvb add: defaults, the review range rule, and every kind of bad value of
# mvb(1) VALUES refused with exit 2, one line naming it, register untouched.
. "$(dirname "$0")/lib.sh"

t "add prints the new id alone; ids are assigned in order"
run add --title "Confluent Cloud" --capability "message queue" --choice buy
expect_code 0
expect_out 1
run add --title "Prometheus" --capability metrics --choice oss
expect_out 2

t "defaults: active, decided today, review decided + 12 months, USD"
run show 1 --format json
expect_out_has '"status":"active"'
expect_out_has '"decided_on":"2026-11-22"'
expect_out_has '"next_review_on":"2027-11-22"'
expect_out_has '"review_deadline":"2028-05-22"'
expect_out_has '"currency":"USD"'
expect_out_has '"fte_annual_cost":200000.00'

t "month arithmetic clamps to the month end"
run add --title a --capability c --choice build --decided 2024-02-29
run show 3 --format json
expect_out_has '"next_review_on":"2025-02-28"'
expect_out_has '"review_deadline":"2025-08-29"'
run add --title b --capability c --choice build --decided 2025-08-31
run show 4 --format json
expect_out_has '"next_review_on":"2026-08-31"'
expect_out_has '"review_deadline":"2027-02-28"'

t "--review must lie within [decided, decided + 18 months]"
run add --title c --capability c --choice buy --decided 2025-01-31 --review 2025-01-31
expect_code 0
run add --title c --capability c --choice buy --decided 2025-01-31 --review 2026-07-31
expect_code 0
snapshot
fails 2 "--review: '2026-08-01' is outside the review range 2025-01-31 to 2026-07-31" \
	add --title c --capability c --choice buy --decided 2025-01-31 --review 2026-08-01
fails 2 "--review: '2025-01-30' is outside the review range" \
	add --title c --capability c --choice buy --decided 2025-01-31 --review 2025-01-30
expect_unchanged

t "cost figures and the 24-month TCO"
run add --title SES --capability email --choice buy --monthly 2000 --increase 5 \
	--ops-fte 0.5 --one-time 1234.5 --lockin-cost 100000 --lockin-prob 0.15 --currency EUR
id=$out
run show "$id" --format json
expect_out_has '"one_time_cost":1234.50'
expect_out_has '"monthly_cost":2000.00'
expect_out_has '"annual_increase_pct":5.00'
expect_out_has '"ops_fte":0.50'
expect_out_has '"lockin_probability":0.15'
expect_out_has '"currency":"EUR"'
# 1234.50 + 24000 + 25200 + 200000 + 15000
expect_out_has '"tco_24m":265434.50'
# 24000 + 100000
expect_out_has '"annual_run_rate":124000.00'

t "bad values are exit 2, name the value, and write nothing"
snapshot
fails 2 "--title is required" add --capability c --choice buy
fails 2 "--capability is required" add --title t --choice buy
fails 2 "--choice is required" add --title t --capability c
fails 2 "--choice: invalid choice 'rent'" add --title t --capability c --choice rent
fails 2 "--status: invalid status 'done'" add --title t --capability c --choice buy --status done
fails 2 "--decided: invalid date '2025-02-29'" add --title t --capability c --choice buy --decided 2025-02-29
fails 2 "--decided: invalid date '2025-2-01'" add --title t --capability c --choice buy --decided 2025-2-01
fails 2 "--decided: invalid date '1899-12-31'" add --title t --capability c --choice buy --decided 1899-12-31
fails 2 "--decided: invalid date '2025-01-01x'" add --title t --capability c --choice buy --decided 2025-01-01x
fails 2 "--review: invalid date '2025-13-01'" add --title t --capability c --choice buy --review 2025-13-01
fails 2 "--monthly: invalid amount '-5'" add --title t --capability c --choice buy --monthly -5
fails 2 "--monthly: invalid amount '1,000'" add --title t --capability c --choice buy --monthly 1,000
fails 2 "--monthly: invalid amount '\$100'" add --title t --capability c --choice buy --monthly '$100'
fails 2 "--monthly: invalid amount '1.234'" add --title t --capability c --choice buy --monthly 1.234
fails 2 "--monthly: invalid amount '1e3'" add --title t --capability c --choice buy --monthly 1e3
fails 2 "--one-time: invalid amount '1000000000000.00'" add --title t --capability c --choice buy --one-time 1000000000000.00
fails 2 "--increase: invalid percent (0-1000) '1000.01'" add --title t --capability c --choice buy --increase 1000.01
fails 2 "--ops-fte: invalid FTE (0-1000) '-1'" add --title t --capability c --choice buy --ops-fte -1
fails 2 "--lockin-prob: invalid probability (0-1) '1.01'" add --title t --capability c --choice buy --lockin-prob 1.01
fails 2 "--lockin-prob: invalid probability (0-1) '0.555'" add --title t --capability c --choice buy --lockin-prob 0.555
fails 2 "--currency: invalid currency 'usd'" add --title t --capability c --choice buy --currency usd
fails 2 "--currency: invalid currency 'EURO'" add --title t --capability c --choice buy --currency EURO
fails 2 "--title: invalid value '' (must not be empty)" add --title '' --capability c --choice buy
fails 2 "--gate: invalid answer 'differentiation=maybe'" add --title t --capability c --choice build --gate differentiation=maybe
fails 2 "--gate: invalid 'speed=yes'" add --title t --capability c --choice build --gate speed=yes
long=$(printf '%201s' '' | tr ' ' x)
fails 2 "--title: too long" add --title "$long" --capability c --choice buy
fails 2 "--title: invalid UTF-8" add --title "$(printf 'bad \377 byte')" --capability c --choice buy
fails 2 "--title: control character" add --title "$(printf 'bell \007')" --capability c --choice buy
fails 2 "--vendor: control character" add --title t --capability c --choice buy --vendor "$(printf 'a\rb')"
fails 2 "--rationale: control character" add --title t --capability c --choice buy --rationale "$(printf 'c1 \302\205 x')"
fails 2 "--decided: missing value" add --title t --capability c --choice buy --decided
fails 2 "unexpected argument 'extra'" add --title t --capability c --choice buy extra
expect_unchanged

t "a value is quoted whole up to 60 characters, past that by its first 60 and …"
snapshot
x59=$(repeat x 59)
fails 2 "--decided: invalid date '${x59}y' (YYYY" add --title t --capability c --choice buy --decided "${x59}y"
fails 2 "--decided: invalid date '${x59}y…' (YYYY" add --title t --capability c --choice buy --decided "${x59}yz"
fails 2 "--decided: invalid date '${x59}y…' (YYYY" add --title t --capability c --choice buy --decided "${x59}yzz"
e60=$(repeat é 60)
fails 2 "--decided: invalid date '$e60' (YYYY" add --title t --capability c --choice buy --decided "$e60"
fails 2 "--decided: invalid date '$e60…' (YYYY" add --title t --capability c --choice buy --decided "${e60}é"
fails 2 "--monthly: invalid amount '$(repeat 漢 60)…'" add --title t --capability c --choice buy --monthly "$(repeat 漢 61)"
# An escaped byte is one character, however many it takes to show.
fails 2 "--decided: invalid date '$(printf '\\x01%.0s' $(seq 60))…' (YYYY" add --title t --capability c --choice buy --decided "$(printf '%061d' 0 | tr 0 '\001')"
fails 2 "--decided: invalid date '$(printf '\\xff%.0s' $(seq 60))' (YYYY" add --title t --capability c --choice buy --decided "$(printf '%060d' 0 | tr 0 '\377')"
run add --title "$(repeat t 100000)" --capability c --choice buy
expect_code 2
expect_err_has "--title: too long (at most 200 characters) '$(repeat t 60)…'"
expect_err_shorter 300
fails 2 "add: unknown option '--$(repeat o 58)…' (see 'mvb add --help')" add --title t --capability c --choice buy "--$(repeat o 100000)=1"
fails 2 "add: unexpected argument '$(repeat a 60)…'" add --title t --capability c --choice buy "$(repeat a 100000)"
expect_err_shorter 300
expect_unchanged

t "text limits count code points; tab and line feed are allowed"
cjk=$(printf '%200s' '' | sed 's/ /漢/g')
run add --title "$cjk" --capability c --choice buy --rationale "$(printf 'line one\n\tline two')"
expect_code 0
run add --title "x" --capability c --choice buy --monthly 999999999999.99 --increase 1000 --ops-fte 1000 --fte-cost 999999999999.99 --lockin-cost 999999999999.99 --lockin-prob 1
expect_code 0
id=$out
run show "$id" --format json
expect_out_has '"monthly_cost":999999999999.99'

t "options may use --opt=value and come in any order with global options"
run add --choice=buy --db "$MVB_DB" --capability=cache --title=ElastiCache --today 2025-03-01
expect_code 0
id=$out
run show "$id" --format json
expect_out_has '"decided_on":"2025-03-01"'
t "an id that cannot be printed fails the command and writes nothing"
if [ -w /dev/full ]; then
	snapshot
	"$MVB" add --title "lost" --capability c --choice buy >/dev/full 2>"$T/err"
	[ $? = 1 ] && ok || bad "exit not 1"
	grep -q '^mvb: cannot write output' "$T/err" && ok || bad "stderr: $(cat "$T/err")"
	"$MVB" assume 1 "lost" >/dev/full 2>/dev/null
	"$MVB" sunset 1 "on 2030-01-01" >/dev/full 2>/dev/null
	expect_unchanged
fi
finish
