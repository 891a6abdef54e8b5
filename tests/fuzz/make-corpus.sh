#!/bin/sh
# Rebuild the fuzz targets' seed corpus, tests/fuzz/corpus/TARGET/, from
# sample-data/ and the hostile inputs the tests use. The result is
# committed; run this again when sample-data/ changes.
#   sh tests/fuzz/make-corpus.sh
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
c=$top/tests/fuzz/corpus
rm -rf "$c"
mkdir -p "$c/import" "$c/sunset" "$c/dates" "$c/money" "$c/cmdline"
# seed TARGET: stdin becomes an input of TARGET, named by its checksum
# (as libFuzzer names what it finds).
seed() {
	cat >"$c/$1/tmp"
	sum=$(sha1sum <"$c/$1/tmp" | cut -c1-40)
	mv "$c/$1/tmp" "$c/$1/$sum"
}

# import: the first byte picks the table (catalog.h's enum xtable order).
i=0
for table in decisions assumptions metrics measurements sunset reviews \
    options; do
	byte=$(printf '\\%03o' "$i")
	{ printf "$byte"; cat "$top/sample-data/$table.csv"; } | seed import
	# The header and the first rows alone, with CRLF line ends.
	{ printf "$byte"; head -n 3 "$top/sample-data/$table.csv" |
	    sed 's/$/\r/'; } | seed import
	i=$((i + 1))
done
printf '\000\357\273\277title,capability,choice,status,decided_on,currency\n"=cmd|'"'"' /C calc'"'"'!A0",x,buy,active,2025-02-30,USD\n' | seed import
printf '\000title,capability,choice,status,decided_on,currency\n'"'"'; DROP TABLE decisions; --,x,buy,active,0000-01-01,usd\n"unterminated,x\n' | seed import
printf '\000title,capability,choice,status,decided_on,currency,monthly_cost\nT\000NUL,x,oss,active,2025-01-01,EUR,1000000000000.00\nT,\377\376,oss,active,10000-01-01,EUR,1e3\n' | seed import
printf '\001decision_id,number,text,status\n1,1,"a ""quoted"" text",active\n1,1,duplicate,active\n' | seed import

# sunset: the sample's expressions and some refused ones.
tail -n +2 "$top/sample-data/sunset.csv" | cut -d, -f3- |
while IFS= read -r e; do printf '%s' "$e" | seed sunset; done
for e in 'monthly_cost > 15000.00 after 2026-01-01' 'on 2025-02-30' \
    'latency_ms <= -0.5' 'x >= 1e3' 'monthly_cost > 1000000000000.00' \
    '  on   2026-01-01  ' 'metric > 007.10' "'; DROP TABLE sunset; --"; do
	printf '%s' "$e" | seed sunset
done

# dates and durations.
for d in 2026-11-22 2024-02-29 2025-02-30 0000-01-01 10000-01-01 \
    1900-01-01 9999-12-31 2025-1-01 30d 2w 12m 1y 9999y 10000d 0d -1m \
    ' 1y' 2026-11-22x; do
	printf '%s' "$d" | seed dates
done

# money and decimals; then cost figures as raw bytes.
for m in 0 0.5 007 1234.50 999999999999.99 1000000000000.00 -1 1e3 0.001 \
    .5 5. 1,000.00 -0.0 0.0012 123456789012345 1234567890123456 \
    '12 ' '+1'; do
	printf '%s' "$m" | seed money
done
head -c 56 /dev/zero | tr '\000' '\377' | seed money

# cmdline: arguments one a line.
for line in 'list' 'list\n--format\njson' 'show\n1' 'show\n1\n--format\njson' \
    'due\n--within\n90d' 'due\n--exit-code' 'history\n1' 'export\n--what\noptions' \
    'export\n-o\nout.csv' 'backup\ncopy.db' 'check' 'config' \
    'config\nreview_months\n6' 'edit\n1\n--owner\nbob\n--monthly\n12.50' \
    'review\n1\n--outcome\nreplace\n--by\n2\n--notes\nmoved' \
    'review\n2\n--outcome\nkeep\n--on\n2026-02-30' \
    'assume\n1\n=cmd|'"'"' /C calc'"'"'!A0' 'invalidate\n1\n1\n--note\ngone' \
    'confirm\n1\n1' 'measure\n1\nlatency_ms\n1e3' \
    'metric\n2\nusers\n>=\n100\n--by\n2027-01-01' \
    'sunset\n1\nmonthly_cost > 1000000000000.00' \
    'add\n--title\nT\n--capability\nC\n--choice\nbuy\n--decided\n0000-01-01' \
    'import\n--what\nreviews\n-' '--db\nother.db\ninit' '--help' \
    'list\n--today\n10000-01-01' 'list\n--status\nactive\n--search\nQueue'; do
	printf '%b' "$line" | seed cmdline
done
