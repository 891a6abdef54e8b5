# export and import (mvb(1) CSV, mvb(1) OUTPUT): every table survives export →
# import → export byte for byte, the exact CSV bytes (CRLF, minimal quoting, the
# formula guard, money, flags as of --today), what import accepts (header order,
# line ends, BOM, blank lines, spaces, defaults, derived columns, ids, the guard
# undone), every malformed input refused with one "FILE:LINE: COLUMN: reason"
# line and the register left byte-identical, --dry-run, the operational failures
# and the history entry.
. "$(dirname "$0")/lib.sh"

cd "$T" || exit 1
NL='
'
TAB=$(printf '\t')
CR=$(printf '\r')
TABLES="decisions assumptions metrics measurements sunset reviews options"

# Write FILE from a printf format (\r, \n, \t and octal escapes; %% for %).
put() {
	printf "$2" >"$1"
}

# The file holds exactly the bytes of the printf format.
expect_file() {
	printf "$2" >"$T/want"
	if cmp -s "$1" "$T/want"; then ok; else
		bad "$1 differs: $(od -c "$1" | head -20)"
	fi
}

# The file contains the bytes of the printf format.
expect_file_has() {
	want=$(printf "$2"; echo x)
	want=${want%x}
	got=$(cat "$1"; echo x)
	case "$got" in
	*"$want"*) ok ;;
	*) bad "$1 lacks: $2" ;;
	esac
}

# stdout (of the last run) is exactly the bytes of the printf format.
expect_stdout_bytes() {
	printf "$1" >"$T/want"
	if cmp -s "$T/out" "$T/want"; then ok; else
		bad "stdout differs from: $1"
	fi
}

# stderr is exactly the one line given.
expect_err_is() {
	if [ "$err" = "$1" ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ]
	then ok; else bad "stderr is not: $1"; fi
}

# stderr is one line starting with PREFIX and containing TEXT.
expect_err_line() {
	case "$err" in
	"$1"*"$2"*)
		if [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ]; then ok
		else bad "stderr not one line"; fi ;;
	*) bad "stderr is not one line '$1...$2'" ;;
	esac
}

# refused WHAT PREFIX TEXT FORMAT: importing into WHAT a file written from
# the printf FORMAT is exit 2 with one line "mvb: bad.csv:PREFIX...TEXT..."
# and leaves the register byte-identical.
refused() {
	put bad.csv "$4"
	snapshot
	run import --what "$1" bad.csv
	expect_code 2
	expect_err_line "mvb: bad.csv:$2" "$3"
	expect_unchanged
}

# The register's export of table W (CSV) to FILE, which must succeed.
export_to() {
	"$MVB" export --what "$1" -o "$2" || bad "export --what $1 failed"
}

# ---------------------------------------------------------------------------
# A register with every kind of fact, its text full of what CSV and
# spreadsheets trip over.

r1=$MVB_DB
"$MVB" add --title '=SUM(A1:A2), "quoted"' --capability "multi${NL}line${TAB}cap" \
	--choice build --vendor '+vendor' --owner '-owner' --cost-center '@cc, ☃' \
	--rationale "'quote first${NL}second line, 日本語 café 🎉${NL}${NL}after a blank line" \
	--gate differentiation=yes --gate maintenance=no \
	--gate no_alternative=yes --gate opportunity=no \
	--decided 2026-01-15 --review 2027-01-15 --one-time 1234.5 --monthly 99.99 \
	--increase 5.5 --ops-fte 0.25 --fte-cost 150000 --lockin-cost 50000 \
	--lockin-prob 0.3 --currency EUR >/dev/null
"$MVB" add --title "${TAB}Tab first" --capability 'Ünïcödé 数据' --choice buy \
	--vendor 'Acme, Inc.' --owner '"Quoted" Owner' --status proposed \
	--decided 2026-02-01 --monthly 25000 --rationale '-- a dash rationale' >/dev/null
"$MVB" add --title "'apostrophe" --capability ' spaces around ' --choice oss \
	--decided 2026-02-01 --ops-fte 1.5 >/dev/null
"$MVB" add --title '-42' --capability '@mention' --choice assemble \
	--decided 2026-02-01 --status proposed >/dev/null
"$MVB" add --title 'plain' --capability 'plain' --choice buy >/dev/null

"$MVB" assume 1 "=1+1, \"a\"${NL}b${TAB}c" >/dev/null
"$MVB" assume 1 -- '-minus' >/dev/null
"$MVB" invalidate 1 2 --on 2026-03-01 --note "@note, \"x\"${NL}日本" >/dev/null
"$MVB" assume 1 '+plus' >/dev/null
"$MVB" invalidate 1 3 --on 2026-03-01 >/dev/null
"$MVB" confirm 1 3 --on 2026-04-01 >/dev/null
"$MVB" assume 1 "${TAB}tab first" >/dev/null
"$MVB" assume 1 "'apostrophe" >/dev/null
"$MVB" assume 1 '@at' >/dev/null
"$MVB" assume 1 ' spaced ' >/dev/null
"$MVB" invalidate 1 7 --on 2026-05-01 >/dev/null
"$MVB" confirm 1 7 --on 2026-04-01 >/dev/null
"$MVB" assume 2 'Ünïcödé, "x" 🎉' >/dev/null

"$MVB" metric 1 adoption '>=' -5 --unit "+%,\"u\"${NL}x" --by 2027-01-01 >/dev/null
"$MVB" metric 1 latency '<' 250.50 >/dev/null
"$MVB" metric 1 uptime '>=' 99.9 --unit "=pct" --by 2026-06-01 >/dev/null
"$MVB" measure 1 adoption -3.5 --on 2026-05-01 >/dev/null
"$MVB" measure 1 adoption 12 --on 2026-06-01 >/dev/null
"$MVB" measure 1 latency 007 --on 2026-06-01 >/dev/null
"$MVB" measure 1 uptime 99.5 --on 2026-06-02 >/dev/null

"$MVB" sunset 1 'adoption < 60 after 2027-06-01' >/dev/null
"$MVB" sunset 1 'monthly_cost > 25000' >/dev/null
"$MVB" sunset 1 'on 2028-01-31' >/dev/null
"$MVB" sunset 2 'monthly_cost >= 25000' >/dev/null

"$MVB" review 1 --outcome revise --on 2026-02-01 --notes '+revised 🎉' >/dev/null
"$MVB" review 2 --outcome keep --on 2026-03-01 --notes "=kept, \"ok\"${NL}${TAB}tab" >/dev/null
"$MVB" review 3 --outcome replace --by 4 --on 2026-04-01 --notes '-replaced' >/dev/null
"$MVB" review 4 --outcome retire --on 2026-05-01 >/dev/null

# Options exist only by import: write them by hand (derived columns wrong on
# purpose, a row in another currency, a multi-line name).
put options.csv 'decision_id,number,name,choice,currency,one_time_cost,monthly_cost,annual_increase_pct,ops_fte,fte_annual_cost,lockin_cost,lockin_probability,annual_run_rate,tco_24m\r\n1,1,"\047=HYPERLINK(""x""), 日本",buy,EUR,0.5,1000,3,0.1,100000,0,0,,\r\n1,2,"multi\nline 🎉",oss,USD,10000,0,0,1,200000.00,5000,1,1,1\r\n2,1,\047@option,assemble,USD,0,0,0,0,200000,0,0,9,9\r\n'

t "options are imported by hand, derived columns recomputed"
run import --what options options.csv
expect_code 0
run export --what options
expect_stdout_bytes 'decision_id,number,name,choice,currency,one_time_cost,monthly_cost,annual_increase_pct,ops_fte,fte_annual_cost,lockin_cost,lockin_probability,annual_run_rate,tco_24m\r\n1,1,"\047=HYPERLINK(""x""), 日本",buy,EUR,0.50,1000.00,3.00,0.10,100000.00,0.00,0.00,22000.00,44360.50\r\n1,2,"multi\nline 🎉",oss,USD,10000.00,0.00,0.00,1.00,200000.00,5000.00,1.00,200000.00,415000.00\r\n2,1,\047@option,assemble,USD,0.00,0.00,0.00,0.00,200000.00,0.00,0.00,0.00,0.00\r\n'

t "every table exported with -o holds the awkward text guarded and quoted"
mkdir -p one two
for w in $TABLES; do
	export_to "$w" "one/$w.csv"
done
expect_file_has one/decisions.csv '\r\n1,"\047=SUM(A1:A2), ""quoted""","multi\nline\tcap",build,\047+vendor,\047-owner,"\047@cc, ☃",active,2026-01-15,2027-02-01,2027-08-01,EUR,1234.50,99.99,5.50,0.25,150000.00,50000.00,0.30,38699.88,93700.25,missed;assumption,"\047\047quote first\nsecond line, 日本語 café 🎉\n\nafter a blank line",yes,no,yes,no\r\n'
expect_file_has one/decisions.csv '\r\n2,\047\tTab first,Ünïcödé 数据,buy,"Acme, Inc.","""Quoted"" Owner",,active,'
expect_file_has one/decisions.csv '\r\n3,\047\047apostrophe, spaces around ,oss,,,,superseded,'
expect_file_has one/decisions.csv '\r\n4,\047-42,\047@mention,assemble,,,,retired,'
expect_file_has one/assumptions.csv 'decision_id,number,text,status,invalidated_on,confirmed_on,note\r\n1,1,"\047=1+1, ""a""\nb\tc",holding,,,\r\n1,2,\047-minus,invalidated,2026-03-01,,"\047@note, ""x""\n日本"\r\n1,3,\047+plus,holding,,2026-04-01,\r\n1,4,\047\ttab first,holding,,,\r\n1,5,\047\047apostrophe,holding,,,\r\n1,6,\047@at,holding,,,\r\n1,7, spaced ,invalidated,2026-05-01,2026-04-01,\r\n2,1,"Ünïcödé, ""x"" 🎉",holding,,,\r\n'
expect_file_has one/metrics.csv '\r\n1,adoption,>=,-5,"\047+%%,""u""\nx",2027-01-01\r\n1,latency,<,250.5,,2027-01-15\r\n1,uptime,>=,99.9,\047=pct,2026-06-01\r\n'
expect_file_has one/measurements.csv '\r\n1,adoption,2026-05-01,-3.5\r\n1,adoption,2026-06-01,12\r\n1,latency,2026-06-01,7\r\n'
expect_file_has one/sunset.csv '\r\n1,2,monthly_cost > 25000.00\r\n'
expect_file_has one/reviews.csv '\r\n2,2026-03-01,keep,2027-03-01,,"\047=kept, ""ok""\n\ttab"\r\n3,2026-04-01,replace,2027-04-01,4,\047-replaced\r\n'

t "export to stdout and with -o write the same bytes"
for w in $TABLES; do
	"$MVB" export --what "$w" >"stdout-$w.csv"
	if cmp -s "stdout-$w.csv" "one/$w.csv"; then ok; else bad "$w: stdout and -o differ"; fi
done

t "every table: export → import into a fresh register → export is byte-identical"
copy=$(register copy)
for w in $TABLES; do
	run --db "$copy" import --what "$w" "one/$w.csv"
	expect_code 0
	expect_err_empty
done
for w in $TABLES; do
	"$MVB" --db "$copy" export --what "$w" -o "two/$w.csv"
	if cmp -s "one/$w.csv" "two/$w.csv"; then ok; else
		name="round trip of $w"
		bad "$(diff "one/$w.csv" "two/$w.csv" | head -10)"
	fi
done

t "every table: the JSON export of the copy equals the original's"
for w in $TABLES; do
	"$MVB" export --what "$w" --format json >"one/$w.json"
	"$MVB" --db "$copy" export --what "$w" --format json >"two/$w.json"
	if cmp -s "one/$w.json" "two/$w.json"; then ok; else bad "$w: JSON differs"; fi
done

t "the stored text is unchanged: JSON shows it without the guard"
run export --format json
expect_out_has '"title":"=SUM(A1:A2), \"quoted\"","capability":"multi\nline\tcap","choice":"build","vendor":"+vendor","owner":"-owner","cost_center":"@cc, ☃"'
expect_out_has '"rationale":"'"'"'quote first\nsecond line, 日本語 café 🎉\n\nafter a blank line","gate_differentiation":"yes"'
expect_out_has '"title":"\tTab first"'
expect_out_has '"title":"-42","capability":"@mention"'
run --db "$copy" show 1 --format json
expect_out_has '{"number":2,"text":"-minus","status":"invalidated","invalidated_on":"2026-03-01","confirmed_on":null,"note":"@note, \"x\"\n日本"}'
expect_out_has '"unit":"+%,\"u\"\nx"'
expect_out_has '"gate":{"differentiation":"yes","maintenance":"no","no_alternative":"yes","opportunity":"no"}'
run --db "$copy" export --what reviews --format json
expect_out_has '{"decision_id":3,"reviewed_on":"2026-04-01","outcome":"replace","next_review_on":"2027-04-01","replaced_by":4,"notes":"-replaced"}'
expect_out_has '"replaced_by":null,"notes":"=kept, \"ok\"\n\ttab"}'
run --db "$copy" export --what metrics --format json
expect_out_has '{"decision_id":1,"name":"adoption","op":">=","target":-5,"unit":"+%,\"u\"\nx","target_on":"2027-01-01"}'

t "importing reviews changed no status and no date: due agrees"
run due --format csv
due1=$out
run --db "$copy" due --format csv
expect_out "$due1"

# ---------------------------------------------------------------------------
t "exact CSV: header, CRLF, minimal quoting, guard on text only, money, flags"
export MVB_DB=$(register fmt)
"$MVB" add --title Plain --capability 'queue, managed' --choice buy \
	--vendor 'Acme "Cloud"' --decided 2026-01-15 --monthly 1000 --increase 10 \
	--currency EUR >/dev/null
"$MVB" add --title '=1+2' --capability "${TAB}indented" --choice build \
	--vendor "'quoted" --owner '+owner' --cost-center '-cc' --rationale '@rationale' \
	--decided 2024-02-29 --one-time 1234.5 --ops-fte 0.5 --lockin-cost 1000 \
	--lockin-prob 0.25 --gate differentiation=yes --gate maintenance=no >/dev/null
"$MVB" add --title ' space first' --capability '#hash' --choice oss \
	--vendor "tab${TAB}inside" --owner 'trailing ' --decided 2026-01-15 >/dev/null
run export
expect_code 0
expect_err_empty
expect_stdout_bytes 'id,title,capability,choice,vendor,owner,cost_center,status,decided_on,next_review_on,review_deadline,currency,one_time_cost,monthly_cost,annual_increase_pct,ops_fte,fte_annual_cost,lockin_cost,lockin_probability,annual_run_rate,tco_24m,flags,rationale,gate_differentiation,gate_maintenance,gate_no_alternative,gate_opportunity\r\n1,Plain,"queue, managed",buy,"Acme ""Cloud""",,,active,2026-01-15,2027-01-15,2027-07-15,EUR,0.00,1000.00,10.00,0.00,200000.00,0.00,0.00,12000.00,25200.00,,,,,,\r\n2,\047=1+2,\047\tindented,build,\047\047quoted,\047+owner,\047-cc,active,2024-02-29,2025-02-28,2025-08-29,USD,1234.50,0.00,0.00,0.50,200000.00,1000.00,0.25,100000.00,201484.50,overdue,\047@rationale,yes,no,,\r\n3, space first,#hash,oss,tab\tinside,trailing ,,active,2026-01-15,2027-01-15,2027-07-15,USD,0.00,0.00,0.00,0.00,200000.00,0.00,0.00,0.00,0.00,,,,,,\r\n'

t "exact CSV: numbers are never guarded (a target of -5 stays -5)"
"$MVB" metric 3 drop '<' -5 --unit '-dB' >/dev/null
"$MVB" metric 3 gain '>=' 0.50 >/dev/null
"$MVB" measure 3 drop -7.25 --on 2026-02-01 >/dev/null
run export --what metrics
expect_stdout_bytes 'decision_id,name,op,target,unit,target_on\r\n3,drop,<,-5,\047-dB,2027-01-15\r\n3,gain,>=,0.5,,2027-01-15\r\n'
run export --what measurements
expect_stdout_bytes 'decision_id,metric,measured_on,value\r\n3,drop,2026-02-01,-7.25\r\n'
run export --what metrics --format json
expect_out_has '{"decision_id":3,"name":"drop","op":"<","target":-5,"unit":"-dB","target_on":"2027-01-15"}'

t "exact CSV: an empty table is its header alone"
run export --what reviews
expect_stdout_bytes 'decision_id,reviewed_on,outcome,next_review_on,replaced_by,notes\r\n'
run export --what options --format json
expect_out '[]'

t "the flags column is as of --today"
"$MVB" sunset 1 'on 2027-02-01' >/dev/null
row1() {
	run --today "$1" export
	line=$(sed -n 2p "$T/out")
	case "$line" in
	"1,Plain,"*",12000.00,25200.00,$2,,,,,$CR") ok ;;
	*) bad "flags as of $1 are not '$2': $line" ;;
	esac
}
row1 2026-12-15 ''
row1 2026-12-16 upcoming
row1 2027-01-14 upcoming
row1 2027-01-15 due
row1 2027-02-01 'sunset;due'
row1 2027-07-15 'sunset;due'
row1 2027-07-16 'overdue;sunset'
run --today 2026-12-16 export --format json
expect_out_has '"id":1,'
expect_out_has '"flags":"upcoming"'

# ---------------------------------------------------------------------------
t "import: header by name in any order; LF, CRLF and CR; BOM; blank lines"
body='choice,capability,title,vendor,decided_onNLbuy,cap A, Spaced title ,\tvendor\t,NLoss,"multi\nline",Second,,2024-02-29NL'
for v in lf crlf cr bom blank dos mac; do
	case $v in
	lf) fmt=$(printf '%s' "$body" | sed 's/NL/\\n/g') ;;
	# unix2dos and old Mac files: the break inside the quotes too.
	dos) fmt=$(printf '%s' "$body" | sed 's/NL/\\r\\n/g; s/multi\\nline/multi\\r\\nline/') ;;
	mac) fmt=$(printf '%s' "$body" | sed 's/NL/\\r/g; s/multi\\nline/multi\\rline/') ;;
	crlf) fmt=$(printf '%s' "$body" | sed 's/NL/\\r\\n/g') ;;
	cr) fmt=$(printf '%s' "$body" | sed 's/NL/\\r/g') ;;
	bom) fmt='\357\273\277'$(printf '%s' "$body" | sed 's/NL/\\r\\n/g') ;;
	blank) fmt='\n\r\n'$(printf '%s' "$body" | sed 's/NL/\\r\\n\\n\\r\\n\\r/g') ;;
	esac
	put "$v.csv" "$fmt"
	reg=$(register "$v")
	run --db "$reg" import "$v.csv"
	expect_code 0
	expect_err_empty
	"$MVB" --db "$reg" export -o "$v.out"
done
expect_file lf.out 'id,title,capability,choice,vendor,owner,cost_center,status,decided_on,next_review_on,review_deadline,currency,one_time_cost,monthly_cost,annual_increase_pct,ops_fte,fte_annual_cost,lockin_cost,lockin_probability,annual_run_rate,tco_24m,flags,rationale,gate_differentiation,gate_maintenance,gate_no_alternative,gate_opportunity\r\n1, Spaced title ,cap A,buy,\047\tvendor\t,,,active,2026-11-22,2027-11-22,2028-05-22,USD,0.00,0.00,0.00,0.00,200000.00,0.00,0.00,0.00,0.00,,,,,,\r\n2,Second,"multi\nline",oss,,,,active,2024-02-29,2025-02-28,2025-08-29,USD,0.00,0.00,0.00,0.00,200000.00,0.00,0.00,0.00,0.00,overdue,,,,,\r\n'
for v in crlf cr bom blank dos mac; do
	if cmp -s lf.out "$v.out"; then ok; else bad "$v import differs from lf"; fi
done

t "import: a missing optional column or an empty cell takes the command default"
export MVB_DB=$(register defaults)
"$MVB" config currency CHF >/dev/null
"$MVB" config fte_cost 123456.78 >/dev/null
put defaults.csv 'title,capability,choice,status,currency,fte_annual_cost,next_review_on\nA,b,buy,,,,\n'
run import defaults.csv
expect_code 0
put defaults2.csv 'title,capability,choice\nB,c,build\n'
run import defaults2.csv
expect_code 0
run export
expect_out_has "${CR}${NL}1,A,b,buy,,,,active,2026-11-22,2027-11-22,2028-05-22,CHF,0.00,0.00,0.00,0.00,123456.78,0.00,0.00,0.00,0.00,,,,,,${CR}${NL}2,B,c,build,,,,active,2026-11-22,2027-11-22,2028-05-22,CHF,0.00,0.00,0.00,0.00,123456.78,"
"$MVB" config review_months 14 >/dev/null
put defaults3.csv 'title,capability,choice,decided_on\nC,d,buy,2024-02-29\n'
run import defaults3.csv
run show 3 --format json
expect_out_has '"decided_on":"2024-02-29","next_review_on":"2025-04-29","review_deadline":"2025-08-29"'

t "import: an empty number takes the next one in its decision, as the command would"
"$MVB" assume 3 "first" >/dev/null
put numbers.csv 'decision_id,number,text,status,invalidated_on,confirmed_on,note\n3,,second,,,,\n3,7,seventh,,,,\n3,,eighth,,,,\n'
run import --what assumptions numbers.csv
expect_code 0
run export --what assumptions
expect_out_has "3,1,first,holding,,,${CR}${NL}3,2,second,holding,,,${CR}${NL}3,7,seventh,holding,,,${CR}${NL}3,8,eighth,holding,,,"
put bignum.csv 'decision_id,number,text,status,invalidated_on,confirmed_on,note\n3,2147483647,last,,,,\n'
run import --what assumptions bignum.csv
expect_code 0
run invalidate 3 2147483647
expect_code 0
snapshot
fails 2 "decision 3 has no assumptions numbers left" assume 3 "one more"
expect_unchanged
put sunsets.csv 'decision_id,number,expression\n3,,on 2028-01-31\n'
run import --what sunset sunsets.csv
expect_code 0
run export --what sunset
expect_out_has "3,1,on 2028-01-31"

t "import: derived columns are accepted and ignored, even when wrong"
export MVB_DB=$(register derived)
put derived.csv 'title,capability,choice,review_deadline,annual_run_rate,tco_24m,flags,monthly_cost,decided_on\nA,b,buy,not a date,-1,abc,overdue;bogus,100,2026-01-15\n'
run import derived.csv
expect_code 0
run export
expect_out_has "${NL}1,A,b,buy,,,,active,2026-01-15,2027-01-15,2027-07-15,USD,0.00,100.00,0.00,0.00,200000.00,0.00,0.00,1200.00,2400.00,,,"

t "import: id is kept when given, assigned when empty, never reused"
export MVB_DB=$(register ids)
put ids.csv 'id,title,capability,choice\n7,Seven,x,buy\n,Next,y,buy\n'
run import ids.csv
expect_code 0
run list --format csv
expect_out_has "${NL}7,Seven,"
expect_out_has "${NL}8,Next,"
run add --title after --capability z --choice buy
expect_out 9
refused decisions '3: id: ' "8" 'id,title,capability,choice\n5,Five,x,buy\n8,Clash,y,buy\n'
refused decisions '3: id: ' "10" 'id,title,capability,choice\n10,Ten,x,buy\n10,Again,y,buy\n'
# Within one file too: an empty id follows the largest id before it.
put ids2.csv 'id,title,capability,choice\n,Ten,x,buy\n20,Twenty,x,buy\n,After,y,buy\n'
run import ids2.csv
expect_code 0
run list --format csv
expect_out_has "${NL}10,Ten,"
expect_out_has "${NL}20,Twenty,"
expect_out_has "${NL}21,After,"

t "import: any id add can assign goes through export and import; none past the last"
export MVB_DB=$(register bigids)
put big.csv 'id,title,capability,choice\n2147483647,Big,x,buy\n'
run import big.csv
run add --title bigger --capability y --choice buy
expect_out 2147483648
"$MVB" export -o big-out.csv
bigcopy=$(register bigids_copy)
run --db "$bigcopy" import big-out.csv
expect_code 0
"$MVB" --db "$bigcopy" export | cmp -s - big-out.csv && ok || bad "big ids did not round-trip"
put last.csv 'id,title,capability,choice\n999999999999999999,Last,x,buy\n'
run import last.csv
expect_code 0
refused decisions '2: id: ' "no decision ids left" 'title,capability,choice\nOne more,x,buy\n'
refused decisions '2: id: ' "1 to 999999999999999999" 'id,title,capability,choice\n1000000000000000000,Past,x,buy\n'
snapshot
fails 2 "no decision ids left" add --title "one more" --capability x --choice buy
expect_unchanged

t "import: one leading ' is removed only before ' = + - @ or tab"
export MVB_DB=$(register guard)
put guard.csv "title,capability,choice,vendor,owner,cost_center,rationale\n'=x,''y,buy,'z,',' ,'\\ttabbed\n'+a,'-b,build,'@c,'-5,x,'#not\n"
run import guard.csv
expect_code 0
run export --format json
expect_out_has '"title":"=x","capability":"'"'"'y","choice":"buy","vendor":"'"'"'z","owner":"'"'"'","cost_center":"'"'"' "'
expect_out_has '"rationale":"\ttabbed"'
expect_out_has '"title":"+a","capability":"-b","choice":"build","vendor":"@c","owner":"-5","cost_center":"x"'
expect_out_has '"rationale":"'"'"'#not"'
t "import: the guarded text exports again exactly as it was read"
run export --what decisions
expect_out_has "${NL}1,'=x,''y,buy,''z,'','' ,"
expect_out_has ",'${TAB}tabbed,"
expect_out_has "${NL}2,'+a,'-b,build,'@c,'-5,x,"
expect_out_has ",''#not,"

# ---------------------------------------------------------------------------
# Malformed input, against the first register: refused, one line, nothing
# written. Line 2 holds a quoted field over two lines, so line 4 is the
# third record.
export MVB_DB="$r1"
H='title,capability,choice'
M='Multi,"two\nlines",buy\r\n'

t "structural errors name the file and the line the record starts on"
refused decisions '4: capability: ' 'invalid UTF-8' "$H\r\n$M"'Bad,c\377,buy\r\n'
refused decisions '4: capability: ' 'invalid UTF-8' "$H\r\n$M"'Bad,"c\nd\377",buy\r\n'
refused decisions '4: capability: ' 'NUL' "$H\r\n$M"'Bad,c\000d,buy\r\n'
refused decisions '4: capability: ' 'NUL' "$H\r\n$M"'Bad,"c\nd\000",buy\r\n'
refused decisions '4: ' 'ragged' "$H\r\n$M"'Bad,c\r\n'
expect_err_line 'mvb: bad.csv:4: ' '2 fields'
refused decisions '4: ' 'ragged' "$H\r\n$M"'Bad,c,buy,extra\r\n'
expect_err_line 'mvb: bad.csv:4: ' '4 fields'
refused decisions '4: ' 'unterminated' "$H\r\n$M"'Bad,"c,buy\r\nMore,d,buy\r\n'
refused decisions '4: ' 'quot' "$H\r\n$M"'Bad,c"d,buy\r\n'
refused decisions '4: ' 'quot' "$H\r\n$M"'Bad,"c"d,buy\r\n'
refused decisions '2: ' 'ragged' "$H\r\n"'only one\r\n'

t "header errors name the column"
refused decisions '1: colour: ' 'unknown' "$H"',colour\r\nA,b,buy,red\r\n'
refused decisions '1: title: ' 'duplicate' "$H"',title\r\nA,b,buy,again\r\n'
refused decisions '1: capability: ' 'missing' 'title,choice\r\nA,buy\r\n'
refused assumptions '1: status: ' 'missing' 'decision_id,number,text\r\n1,9,x\r\n'
refused metrics '1: target_on: ' 'missing' 'decision_id,name,op,target\r\n1,speed,>,1\r\n'
refused measurements '1: value: ' 'missing' 'decision_id,metric,measured_on\r\n1,latency,2026-07-01\r\n'
refused sunset '1: expression: ' 'missing' 'decision_id,number\r\n1,9\r\n'
refused reviews '1: outcome: ' 'missing' 'decision_id,reviewed_on,next_review_on\r\n1,2026-07-01,2027-07-01\r\n'
refused options '1: lockin_probability: ' 'missing' 'decision_id,number,name,choice,currency,one_time_cost,monthly_cost,annual_increase_pct,ops_fte,fte_annual_cost,lockin_cost\r\n1,9,n,buy,USD,0,0,0,0,0,0\r\n'
refused decisions '1: Title: ' 'unknown' 'Title,capability,choice\r\nA,b,buy\r\n'

t "each bad value names its column and the value"
refused decisions '5: decided_on: ' "'2025-02-29'" "$H,decided_on\r\n"'A,b,buy,2026-01-01\r\nMulti,"two\nlines",buy,\r\nBad,c,buy,2025-02-29\r\n'
refused decisions '5: next_review_on: ' "'2026-13-01'" "$H,next_review_on\r\n"'A,b,buy,\r\nMulti,"two\nlines",buy,\r\nBad,c,buy,2026-13-01\r\n'
for m in 12.345 -1 1,000 '$5' 1e3 1000000000000.00; do
	refused decisions '5: monthly_cost: ' "'$m'" "$H,monthly_cost\r\n"'A,b,buy,1\r\nMulti,"two\nlines",buy,\r\nBad,c,buy,"'"$m"'"\r\n'
done
refused decisions '4: choice: ' "'make'" "$H\r\n$M"'Bad,c,make\r\n'
refused decisions '4: choice: ' "'Buy'" "$H\r\n$M"'Bad,c,Buy\r\n'
refused decisions '5: status: ' "'done'" "$H,status\r\n"'A,b,buy,\r\nMulti,"two\nlines",buy,proposed\r\nBad,c,buy,done\r\n'
refused decisions '5: currency: ' "'usd'" "$H,currency\r\n"'A,b,buy,EUR\r\nMulti,"two\nlines",buy,\r\nBad,c,buy,usd\r\n'
refused decisions '5: annual_increase_pct: ' "'1000.01'" "$H,annual_increase_pct\r\n"'A,b,buy,1000\r\nMulti,"two\nlines",buy,\r\nBad,c,buy,1000.01\r\n'
refused decisions '5: ops_fte: ' "'1.005'" "$H,ops_fte\r\n"'A,b,buy,1000\r\nMulti,"two\nlines",buy,\r\nBad,c,buy,1.005\r\n'
refused decisions '5: lockin_probability: ' "'1.01'" "$H,lockin_probability\r\n"'A,b,buy,1\r\nMulti,"two\nlines",buy,\r\nBad,c,buy,1.01\r\n'
refused decisions '5: gate_opportunity: ' "'maybe'" "$H,gate_opportunity\r\n"'A,b,buy,yes\r\nMulti,"two\nlines",buy,no\r\nBad,c,buy,maybe\r\n'
refused decisions '4: title: ' '' "$H\r\n$M"',c,buy\r\n'
refused decisions '4: title: ' 'control' "$H\r\n$M"'"a\033[31m",c,buy\r\n'
refused decisions '5: next_review_on: ' "'2026-01-14'" "$H,decided_on,next_review_on\r\n"'A,b,buy,2026-01-15,2026-01-15\r\nMulti,"two\nlines",buy,,\r\nBad,c,buy,2026-01-15,2026-01-14\r\n'
refused decisions '5: id: ' "1" "id,$H\r\n"'100,b,c,buy\r\n101,"two\nlines",c,buy\r\n1,c,buy,buy\r\n'
refused decisions '5: id: ' "'x'" "id,$H\r\n"'100,b,c,buy\r\n101,"two\nlines",c,buy\r\nx,c,buy,buy\r\n'

t "a cell is quoted whole up to 60 characters, past that by its first 60 and …"
refused decisions '4: choice: ' "invalid choice '$(repeat x 60)' (" "$H\r\n$M""Bad,c,$(repeat x 60)\r\n"
refused decisions '4: choice: ' "invalid choice '$(repeat x 60)…' (" "$H\r\n$M""Bad,c,$(repeat x 61)\r\n"
refused decisions '4: choice: ' "invalid choice '$(repeat é 60)' (" "$H\r\n$M""Bad,c,$(repeat é 60)\r\n"
refused decisions '4: choice: ' "invalid choice '$(repeat é 60)…' (" "$H\r\n$M""Bad,c,$(repeat é 61)\r\n"
refused decisions '3: decided_on: ' "invalid date '$(repeat 9 60)…' (" "$H,decided_on\r\n"'A,b,buy,\r\n'"Bad,c,buy,$(repeat 9 100000)\r\n"
expect_err_shorter 300
refused decisions '4: title: ' "too long (at most 200 characters) '$(repeat t 60)…'" "$H\r\n$M""$(repeat t 100000),c,buy\r\n"
expect_err_shorter 300
refused decisions "1: $(repeat c 60)…: " 'unknown column' "$H,$(repeat c 100000)\r\nA,b,buy,x\r\n"
expect_err_shorter 300
refused assumptions '2: decision_id: ' "invalid number '$(repeat 1 60)…' (a whole" 'decision_id,number,text,status\r\n'"$(repeat 1 100000),1,x,holding\r\n"
expect_err_shorter 300
refused sunset '2: expression: ' "invalid expression 'on $(repeat 2 57)…': invalid date '$(repeat 2 60)…'" 'decision_id,number,expression\r\n'"5,1,on $(repeat 2 9000)\r\n"
expect_err_shorter 300
refused sunset '2: expression: ' "too long (at most 10000 characters) 'on $(repeat 2 57)…'" 'decision_id,number,expression\r\n'"5,1,on $(repeat 2 100000)\r\n"
expect_err_shorter 300

t "assumptions: references, status and invalidated_on checked"
A='decision_id,number,text,status,invalidated_on,confirmed_on,note\r\n5,1,"two\nlines",holding,,,\r\n'
refused assumptions '4: decision_id: ' "'99'" "$A"'99,1,x,holding,,,\r\n'
refused assumptions '4: number: ' '1' "$A"'1,1,x,holding,,,\r\n'
refused assumptions '4: number: ' '1' "$A"'5,1,again,holding,,,\r\n'
refused assumptions '4: status: ' "'broken'" "$A"'5,2,x,broken,,,\r\n'
refused assumptions '4: invalidated_on: ' 'holding' "$A"'5,2,x,holding,2026-03-01,,\r\n'
refused assumptions '4: invalidated_on: ' 'invalidated' "$A"'5,2,x,invalidated,,,\r\n'
refused assumptions '2: invalidated_on: ' 'invalidated' 'decision_id,number,text,status\r\n5,2,x,invalidated\r\n'
refused assumptions '4: invalidated_on: ' "'2026-02-30'" "$A"'5,2,x,invalidated,2026-02-30,,\r\n'
refused assumptions '4: confirmed_on: ' "'soon'" "$A"'5,2,x,holding,,soon,\r\n'
refused assumptions '4: number: ' "'0'" "$A"'5,0,x,holding,,,\r\n'
refused assumptions '4: invalidated_on: ' "'2026-11-23' is after today (2026-11-22)" "$A"'5,2,x,invalidated,2026-11-23,,\r\n'
expect_err_is "mvb: bad.csv:4: invalidated_on: '2026-11-23' is after today (2026-11-22)"
refused assumptions '4: confirmed_on: ' "'2026-11-23' is after today (2026-11-22)" "$A"'5,2,x,holding,,2026-11-23,\r\n'
refused assumptions '4: confirmed_on: ' "'2052-06-01' is after today (2026-11-22)" "$A"'5,2,x,invalidated,2026-11-01,2052-06-01,\r\n'

t "metrics and measurements: references and values checked"
refused metrics '4: decision_id: ' "'99'" 'decision_id,name,op,target,unit,target_on\r\n5,speed,>,1,"u\nv",2027-01-01\r\n99,speed,>,1,,2027-01-01\r\n'
refused metrics '2: name: ' "'Speed'" 'decision_id,name,op,target,unit,target_on\r\n5,Speed,>,1,,2027-01-01\r\n'
refused metrics '2: op: ' "'=>'" 'decision_id,name,op,target,unit,target_on\r\n5,speed,=>,1,,2027-01-01\r\n'
refused metrics '2: target: ' "'1e3'" 'decision_id,name,op,target,unit,target_on\r\n5,speed,>,1e3,,2027-01-01\r\n'
refused metrics '2: target_on: ' "'2027-02-30'" 'decision_id,name,op,target,unit,target_on\r\n5,speed,>,1,,2027-02-30\r\n'
refused metrics '2: name: ' "'adoption'" 'decision_id,name,op,target,unit,target_on\r\n1,adoption,>,1,,2027-01-01\r\n'
refused measurements '3: metric: ' "'speed'" 'decision_id,metric,measured_on,value\r\n1,latency,2026-07-01,1\r\n1,speed,2026-07-01,1\r\n'
refused measurements '3: decision_id: ' "'99'" 'decision_id,metric,measured_on,value\r\n1,latency,2026-07-01,1\r\n99,latency,2026-07-01,1\r\n'
refused measurements '3: value: ' "'5,5'" 'decision_id,metric,measured_on,value\r\n1,latency,2026-07-01,1\r\n1,latency,2026-07-01,"5,5"\r\n'
refused measurements '3: measured_on: ' "'2026-07-32'" 'decision_id,metric,measured_on,value\r\n1,latency,2026-07-01,1\r\n1,latency,2026-07-32,1\r\n'
refused measurements '3: measured_on: ' "'2026-11-23' is after today (2026-11-22)" 'decision_id,metric,measured_on,value\r\n1,latency,2026-11-22,1\r\n1,latency,2026-11-23,1\r\n'
expect_err_is "mvb: bad.csv:3: measured_on: '2026-11-23' is after today (2026-11-22)"
refused measurements '2: measured_on: ' "'2052-06-01' is after today (2026-11-22)" 'decision_id,metric,measured_on,value\r\n1,uptime,2052-06-01,99.95\r\n'

t "sunset: the expression is parsed and its metric must exist"
refused sunset '3: expression: ' "'speed < 5'" 'decision_id,number,expression\r\n5,1,on 2030-01-01\r\n5,2,speed < 5\r\n'
refused sunset '2: expression: ' "'on 2026-13-01'" 'decision_id,number,expression\r\n5,1,on 2026-13-01\r\n'
refused sunset '2: expression: ' "'monthly_cost = 5'" 'decision_id,number,expression\r\n5,1,monthly_cost = 5\r\n'
refused sunset '2: number: ' '1' 'decision_id,number,expression\r\n1,1,on 2030-01-01\r\n'
refused sunset '2: decision_id: ' "'99'" 'decision_id,number,expression\r\n99,1,on 2030-01-01\r\n'

t "reviews: dates and replaced_by checked"
R='decision_id,reviewed_on,outcome,next_review_on,replaced_by,notes\r\n5,2026-11-22,keep,2027-11-22,,"two\nlines"\r\n'
refused reviews '4: reviewed_on: ' "'2026-01-31'" "$R"'2,2026-01-31,keep,2027-01-31,,\r\n'
refused reviews '4: replaced_by: ' 'keep' "$R"'2,2026-06-01,keep,2027-06-01,5,\r\n'
refused reviews '4: replaced_by: ' 'replace' "$R"'2,2026-06-01,replace,2027-06-01,,\r\n'
refused reviews '2: replaced_by: ' 'replace' 'decision_id,reviewed_on,outcome,next_review_on\r\n2,2026-06-01,replace,2027-06-01\r\n'
refused reviews '4: replaced_by: ' "'99'" "$R"'2,2026-06-01,replace,2027-06-01,99,\r\n'
refused reviews '4: outcome: ' "'maybe'" "$R"'2,2026-06-01,maybe,2027-06-01,,\r\n'
refused reviews '4: decision_id: ' "'99'" "$R"'99,2026-06-01,keep,2027-06-01,,\r\n'
refused reviews '4: next_review_on: ' "'2027-06-31'" "$R"'2,2026-06-01,keep,2027-06-31,,\r\n'
refused reviews '4: reviewed_on: ' "'2026-11-23' is after today (2026-11-22)" "$R"'5,2026-11-23,keep,2027-11-23,,\r\n'
expect_err_is "mvb: bad.csv:4: reviewed_on: '2026-11-23' is after today (2026-11-22)"
refused reviews '4: next_review_on: ' "'2026-05-31' is outside the review range 2026-06-01 to 2027-12-01" "$R"'2,2026-06-01,keep,2026-05-31,,\r\n'
expect_err_is "mvb: bad.csv:4: next_review_on: '2026-05-31' is outside the review range 2026-06-01 to 2027-12-01"
refused reviews '4: next_review_on: ' "'2027-12-02' is outside the review range 2026-06-01 to 2027-12-01" "$R"'2,2026-06-01,keep,2027-12-02,,\r\n'
refused reviews '4: replaced_by: ' "decision 2 cannot replace itself" "$R"'2,2026-06-01,replace,2027-06-01,2,\r\n'
expect_err_is "mvb: bad.csv:4: replaced_by: decision 2 cannot replace itself"

t "import: a fact dated today and a review's edges are accepted"
e="--db $(register edge)"
put edge-d.csv 'id,title,capability,choice,decided_on\r\n1,Month end,x,buy,2025-08-31\r\n2,Other,y,buy,2025-01-01\r\n3,Third,z,oss,2025-01-01\r\n'
put edge-a.csv 'decision_id,number,text,status,invalidated_on,confirmed_on\r\n1,1,a,invalidated,2026-11-22,2026-11-21\r\n1,2,b,holding,,2026-11-22\r\n'
put edge-m.csv 'decision_id,name,op,target,unit,target_on\r\n1,uptime,>=,99,,2026-01-01\r\n'
put edge-v.csv 'decision_id,metric,measured_on,value\r\n1,uptime,2026-11-22,99.5\r\n'
# Next exactly at the review itself; exactly at its deadline, across a
# month end (2025-08-31 + 18 months = 2027-02-28); replaced by another.
put edge-r.csv 'decision_id,reviewed_on,outcome,next_review_on,replaced_by,notes\r\n1,2025-08-31,keep,2027-02-28,,\r\n2,2026-11-22,keep,2026-11-22,,\r\n3,2026-11-22,replace,2028-05-22,2,\r\n'
for f in d a m v r; do
	case $f in d) w=decisions ;; a) w=assumptions ;; m) w=metrics ;;
	v) w=measurements ;; r) w=reviews ;; esac
	run $e import --what $w edge-$f.csv
	expect_code 0
	expect_err_empty
done
run $e export --what assumptions
expect_out_has '1,1,a,invalidated,2026-11-22,2026-11-21,'
expect_out_has '1,2,b,holding,,2026-11-22,'
run $e export --what measurements
expect_out_has '1,uptime,2026-11-22,99.5'
run $e export --what reviews
expect_out_has '1,2025-08-31,keep,2027-02-28,,'
expect_out_has '2,2026-11-22,keep,2026-11-22,,'
expect_out_has '3,2026-11-22,replace,2028-05-22,2,'

t "import: the day after the review's deadline across a month end is refused"
put bad.csv 'decision_id,reviewed_on,outcome,next_review_on\r\n1,2025-08-31,keep,2027-03-01\r\n'
run $e import --what reviews bad.csv
expect_code 2
expect_err_is "mvb: bad.csv:2: next_review_on: '2027-03-01' is outside the review range 2025-08-31 to 2027-02-28"

t "import: today is --today, else \$MVB_TODAY"
put late.csv 'decision_id,metric,measured_on,value\r\n1,uptime,2026-11-23,99.6\r\n'
run $e import --what measurements late.csv
expect_code 2
expect_err_is "mvb: late.csv:2: measured_on: '2026-11-23' is after today (2026-11-22)"
MVB_TODAY=2026-11-21 run $e import --what measurements edge-v.csv
expect_code 2
expect_err_is "mvb: edge-v.csv:2: measured_on: '2026-11-22' is after today (2026-11-21)"
run $e --today 2026-11-23 import --what measurements late.csv
expect_code 0
run $e export --what measurements
expect_out_has '1,uptime,2026-11-23,99.6'

t "import: a decision reviewed long after it was decided survives export and import"
# Its next_review_on comes from the review, past decided_on + 18 months;
# the decisions file is imported before the reviews that explain it.
late=$(register late)
late2=$(register late2)
"$MVB" --db "$late" add --title Late --capability x --choice buy --decided 2024-01-15 >/dev/null
"$MVB" --db "$late" review 1 --outcome keep --on 2025-12-01 >/dev/null
mkdir -p late1 late2
for w in decisions reviews; do
	"$MVB" --db "$late" export --what $w -o late1/$w.csv
	run --db "$late2" import --what $w late1/$w.csv
	expect_code 0
	expect_err_empty
done
expect_file_has late1/decisions.csv ',2024-01-15,2026-12-01,2027-06-01,'
for w in decisions reviews; do
	"$MVB" --db "$late2" export --what $w -o late2/$w.csv
	if cmp -s late1/$w.csv late2/$w.csv; then ok; else bad "$w differs"; fi
done

t "options: values and references checked"
O='decision_id,number,name,choice,currency,one_time_cost,monthly_cost,annual_increase_pct,ops_fte,fte_annual_cost,lockin_cost,lockin_probability\r\n'
refused options '2: decision_id: ' "'99'" "$O"'99,1,n,buy,USD,0,0,0,0,0,0,0\r\n'
refused options '2: number: ' '1' "$O"'1,1,n,buy,USD,0,0,0,0,0,0,0\r\n'
refused options '2: choice: ' "'rent'" "$O"'5,1,n,rent,USD,0,0,0,0,0,0,0\r\n'
refused options '2: one_time_cost: ' "'-1'" "$O"'5,1,n,buy,USD,-1,0,0,0,0,0,0\r\n'
refused options '2: lockin_probability: ' "'2'" "$O"'5,1,n,buy,USD,0,0,0,0,0,0,2\r\n'
refused options '2: currency: ' "'EURO'" "$O"'5,1,n,buy,EURO,0,0,0,0,0,0,0\r\n'

t "all or nothing: a bad third row leaves the first two unimported"
refused decisions '4: choice: ' "'nope'" "$H\r\nFirst good,a,buy\r\nSecond good,b,oss\r\nThird bad,c,nope\r\n"
run list --format csv
expect_out_lacks 'good'
refused assumptions '4: status: ' "'nope'" 'decision_id,number,text,status\r\n5,1,first good,holding\r\n5,2,second good,holding\r\n5,3,third,nope\r\n'
run show 5 --format json
expect_out_has '"assumptions":[]'

t "stdin is named -"
snapshot
run_in "$(printf 'title,capability,choice\r\nA,"two\nlines",buy\r\nB,c,nope\r\n')" import -
expect_code 2
expect_err_line "mvb: -:4: choice: " "'nope'"
expect_unchanged
run_in "$(printf 'title,capability,choice\r\nA,b\r\n')" import -
expect_code 2
expect_err_line "mvb: -:2: " 'ragged'
expect_unchanged

t "an empty file or a header alone"
refused decisions '' 'header' ''
put header.csv "$H\r\n"
snapshot
run import header.csv
expect_code 0

# ---------------------------------------------------------------------------
t "--dry-run validates and writes nothing"
put good.csv "$H,id\r\nDry one,a,buy,\r\nDry two,\"b\nc\",oss,50\r\n"
snapshot
run import --dry-run good.csv
expect_code 0
expect_unchanged
run list --format csv
expect_out_lacks 'Dry'
t "--dry-run reports the first bad row the same way"
put bad.csv "$H\r\n$M"'Bad,c,nope\r\nWorse,d,nope\r\n'
run import --dry-run bad.csv
expect_code 2
expect_err_line 'mvb: bad.csv:4: choice: ' "'nope'"
expect_unchanged
run_in "$(printf '%s\r\nA,b,buy\r\n' "$H")" import --dry-run -
expect_code 0
expect_unchanged

t "--dry-run on a missing register validates as against an empty one, creates nothing"
put assume.csv 'decision_id,number,text,status\r\n1,1,x,holding\r\n'
if [ "$ENGINE" = pg ]; then
	# On a server: an empty database, left without a table.
	saved=$MVB_DB
	MVB_DB=$(register none)
	snapshot
	run import --dry-run good.csv
	expect_code 0
	expect_unchanged
	run import --what assumptions --dry-run assume.csv
	expect_code 2
	expect_err_line 'mvb: assume.csv:2: decision_id: ' "'1'"
	expect_unchanged
	grep -q '^public\.' "$T/snap" && bad "the empty database has tables" ||
	    ok
	MVB_DB=$saved
fi
file_only "a missing or 0-byte register file" || {
	run --db "$T/none/reg.db" import --dry-run good.csv
	expect_code 0
	if [ ! -e "$T/none" ]; then ok; else bad "dry run created $T/none"; fi
	run --db "$T/none/reg.db" import --what assumptions --dry-run assume.csv
	expect_code 2
	expect_err_line 'mvb: assume.csv:2: decision_id: ' "'1'"
	if [ ! -e "$T/none" ]; then ok; else bad "dry run created $T/none"; fi
	: >"$T/empty.db"
	run --db "$T/empty.db" import --dry-run good.csv
	expect_code 0
	if [ ! -s "$T/empty.db" ]; then ok; else bad "dry run wrote into a 0-byte register"; fi
}

# ---------------------------------------------------------------------------
t "unreadable input is exit 1; unknown tables and formats are exit 2"
snapshot
fails 1 "no-such.csv" import no-such.csv
mkdir -p adir
fails 1 "adir" import adir
fails 2 "--what" import --what bogus good.csv
fails 2 "--what" import --what calendar good.csv
fails 2 "--what" export --what bogus
fails 2 "--format" export --format table
fails 2 "--format" export --format md
fails 2 "--format" import --format json good.csv
expect_unchanged

t "export -o into a missing folder is exit 1 and leaves no file"
fails 1 "nofolder" export -o "$T/nofolder/x.csv"
if [ ! -e "$T/nofolder" ]; then ok; else bad "nofolder created"; fi
mkdir -p outdir/sub
fails 1 "sub" export -o "$T/outdir/sub"
if [ "$(ls -A outdir)" = sub ] && [ -z "$(ls -A outdir/sub)" ]; then ok; else
	bad "left behind: $(ls -A outdir outdir/sub)"
fi
t "export -o replaces an existing file whole"
echo old >outdir/x.csv
run export --what sunset -o outdir/x.csv
expect_code 0
expect_out ''
if cmp -s outdir/x.csv one/sunset.csv; then ok; else bad "x.csv not replaced"; fi
if [ "$(ls -A outdir | tr '\n' ' ')" = "sub x.csv " ]; then ok; else bad "left behind: $(ls -A outdir)"; fi
t "export -o follows a link, writes a FIFO in place, and - is stdout"
ln -s x.csv outdir/link.csv
run export --what sunset -o outdir/link.csv
expect_code 0
if [ -L outdir/link.csv ] && cmp -s outdir/x.csv one/sunset.csv; then ok; else bad "link replaced"; fi
mkfifo outdir/fifo
cat outdir/fifo >outdir/from-fifo &
run export --what sunset -o outdir/fifo
wait
expect_code 0
if [ -p outdir/fifo ] && cmp -s outdir/from-fifo one/sunset.csv; then ok; else bad "fifo not written in place"; fi
run export --what sunset -o -
expect_code 0
if [ "$out" = "$(cat one/sunset.csv)" ]; then ok; else bad "-o - is not stdout"; fi
[ ! -e ./- ] && ok || bad "a file named - was created"
t "export -o never writes over the register or its WAL"
file_only "the register is no file on a server" || {
	snapshot
	fails 2 "is the register itself" export -o "$MVB_DB"
	fails 2 "is the register itself" export -o "$(dirname "$MVB_DB")/./$(basename "$MVB_DB")"
	if [ -e "$MVB_DB-wal" ]; then fails 2 "is the register itself" export -o "$MVB_DB-wal"; fi
	expect_unchanged
}

# ---------------------------------------------------------------------------
t "history shows the one import entry on each decision the import created"
export MVB_DB=$(register history)
"$MVB" add --title before --capability x --choice buy >/dev/null
put hist.csv "$H\r\nFirst,a,buy\r\nSecond,b,oss\r\n"
run import hist.csv
expect_code 0
for id in 2 3; do
	run history "$id"
	expect_code 0
	if [ "$(printf '%s\n' "$out" | grep -c import)" -eq 1 ]; then ok; else bad "not one import entry"; fi
	expect_out_has 'hist.csv'
	expect_out_has '2 rows'
	if [ "$(printf '%s\n' "$out" | wc -l)" -eq 2 ]; then ok; else bad "history of $id is not its header and one entry"; fi
done
run history 1
expect_out_lacks 'import'
put hist-a.csv 'decision_id,number,text,status\r\n2,1,x,holding\r\n2,2,y,holding\r\n3,1,z,holding\r\n'
run import --what assumptions hist-a.csv
run history 2
if [ "$(printf '%s\n' "$out" | grep -c import)" -eq 2 ]; then ok; else bad "the assumptions import is not one entry"; fi
run history 1
expect_out_lacks 'import'


t "a decision's next_review_on may not pass its deadline (the month-end edge)"
export MVB_DB=$(register dl)
"$MVB" init >/dev/null
H='title,capability,choice,decided_on,next_review_on'
put dl.csv "$H"'\r\nEdge,c,buy,2025-08-31,2027-02-28\r\n'
run import dl.csv
expect_code 0
put dl.csv "$H"'\r\nOk,c,buy,2025-01-01,2025-06-01\r\nPast,c,buy,2025-08-31,2027-03-01\r\n'
snapshot
run import dl.csv
expect_code 2
expect_err_is "mvb: dl.csv:3: next_review_on: '2027-03-01' is outside the review range 2025-08-31 to 2027-02-28"
expect_unchanged

t "an exported review_deadline stands for a reviewed decision's range, never narrows it"
H='title,capability,choice,decided_on,next_review_on,review_deadline'
put dl.csv "$H"'\r\nReviewed,c,buy,2024-01-15,2026-12-01,2027-06-01\r\n'
run import dl.csv
expect_code 0
put dl.csv "$H"'\r\nBeyond,c,buy,2024-01-15,2027-06-02,2027-06-01\r\n'
run import dl.csv
expect_code 2
expect_err_is "mvb: dl.csv:2: next_review_on: '2027-06-02' is outside the review range 2024-01-15 to 2025-07-15"
put dl.csv "$H"'\r\nNarrow,c,buy,2025-08-31,2027-02-28,2026-01-01\r\n'
run import dl.csv
expect_code 0

finish
