#!/bin/sh
# Every refused input leaves no trace: every option of every command (read
# from 'mvb COMMAND --help', so that a new one is covered, and must be given
# a kind below) and every CSV column of every table (read from the header
# 'mvb export' writes) gets empty, overlong, control-character, NUL,
# invalid-UTF-8, SQL-looking and formula-looking text, impossible dates and
# out-of-range amounts. A refusal exits 2 with one "mvb: " line naming the
# option or column and leaves the register byte-identical. Free text takes
# SQL- and formula-looking text as it is: that is stored and read back
# exactly. argv cannot hold NUL or 1 MB in one argument (the kernel limits
# one to 128 KiB): options get 100 000 bytes and no NUL; CSV gets both.
. "$(dirname "$0")/lib.sh"

big=$(head -c 100000 /dev/zero | tr '\000' x)
ctrl=$(printf 'a\001b')
badutf=$(printf 'a\377\376b')
sql="'; DROP TABLE decisions; --"
formula="=cmd|' /C calc'!A0"
values_text="ctrl badutf"		# refused by every text field
values_free="sql formula"		# stored as they are
values_other="empty big 2025-02-30 0000-01-01 10000-01-01 \
1000000000000.00 -1 1e3 0.001 sql formula ctrl badutf"

value() {
	case $1 in
	empty) printf '' ;;
	big) printf '%s' "$big" ;;
	ctrl) printf '%s' "$ctrl" ;;
	badutf) printf '%s' "$badutf" ;;
	sql) printf '%s' "$sql" ;;
	formula) printf '%s' "$formula" ;;
	*) printf '%s' "$1" ;;
	esac
}

# On a server, one psql session kept open answers every snapshot (lib.sh's
# pg_snap_sql, in milliseconds where a psql run takes fifty) and holds the
# copy of the register taken below in temporary tables of its own.
if [ "$ENGINE" = pg ]; then
	mkfifo "$T/sql-in" "$T/sql-out" || exit 1
	psql -X -q -A -t "$MVB_DB" <"$T/sql-in" >"$T/sql-out" 2>&1 &
	psql_pid=$!
	exec 7>"$T/sql-in" 8<"$T/sql-out"
	# Run psql input, print what it printed (errors included).
	sql() {
		printf '%s\n' "$1" '\echo __end__' >&7
		while IFS= read -r l <&8; do
			[ "$l" = __end__ ] && return 0
			printf '%s\n' "$l"
		done
		return 1
	}
	pg_snap() {
		sql "$(pg_snap_sql)"
	}
fi

"$MVB" add --title Queue --capability messaging --choice buy >/dev/null
"$MVB" add --title Search --capability search --choice build >/dev/null
"$MVB" assume 1 "Traffic stays low" >/dev/null
"$MVB" metric 1 latency '<=' 10 >/dev/null

# The kind of an option: refuse (every hostile value is refused), text
# (free text, required: only the empty value is refused besides the
# refused characters), optional (free text that '' clears), filter (a read
# command's search: anything is refused or matches nothing), flag (takes no
# value), path (a file name: any bytes but the empty name).
kind() {
	case $1:$2 in
	*:--help|*:-h|*:--version|import:--dry-run|*:--exit-code) echo flag ;;
	option:--name) echo text ;;
	*:--db|export:-o|export:--output) echo path ;;
	add:--title|add:--capability|edit:--title|edit:--capability) echo text ;;
	add:--vendor|add:--owner|add:--cost-center|add:--rationale) echo optional ;;
	edit:--vendor|edit:--owner|edit:--cost-center|edit:--rationale) echo optional ;;
	review:--notes|invalidate:--note|metric:--unit) echo optional ;;
	list:--owner|list:--capability|list:--search) echo filter ;;
	*:--today|*:--format|*:--what|*:--decided|*:--review|*:--on) echo refuse ;;
	*:--next|*:--by|*:--within|*:--quarter|*:--choice|*:--status|*:--outcome) echo refuse ;;
	*:--one-time|*:--monthly|*:--increase|*:--ops-fte|*:--fte-cost) echo refuse ;;
	*:--lockin-cost|*:--lockin-prob|*:--currency|*:--gate) echo refuse ;;
	*) echo unknown ;;
	esac
}

# The arguments that make COMMAND valid apart from the option tested.
base() {
	case $1:$2 in
	add:--title) echo "--capability C --choice buy" ;;
	add:--capability) echo "--title T --choice buy" ;;
	add:--choice) echo "--title T --capability C" ;;
	add:*) echo "--title T --capability C --choice buy" ;;
	review:--outcome) echo "1" ;;
	review:--by) echo "1 --outcome replace" ;;
	review:*) echo "1 --outcome keep" ;;
	edit:*|show:*|history:*|assume:*|compare:*|lint:*) echo "1" ;;
	option:--choice) echo "1 --name N" ;;
	option:--name) echo "1 --choice buy" ;;
	option:*) echo "1 --choice buy --name N" ;;
	invalidate:*|confirm:*) echo "1 1" ;;
	measure:*) echo "1 latency 5" ;;
	metric:*) echo "1 users >= 5" ;;
	sunset:*) echo "1 latency > 50" ;;
	import:*) echo "$T/empty.csv" ;;
	backup:*) echo "$T/copy.db" ;;
	config:*) echo "" ;;
	esac
}
printf 'title\n' >"$T/empty.csv"

# One refused run: exit 2, one "mvb: " line naming what, register as it was.
refused() {
	what=$1
	shift
	snapshot
	run "$@"
	expect_code 2
	lines=$(printf '%s\n' "$err" | wc -l)
	case $err in
	"mvb: "*"$what"*) [ "$lines" -eq 1 ] && ok ||
	    bad "$lines error lines" ;;
	*) bad "error does not name $what" ;;
	esac
	expect_unchanged
}

# The command table as the binary holds it: "NAME GROUP OPTION..." a line.
"$MVB" __complete table >"$T/table"
commands=$(cut -f1 "$T/table")
t "the command table lists the commands"
[ "$(printf '%s\n' "$commands" | wc -w)" -ge 20 ] && ok ||
    bad "only $(printf '%s\n' "$commands" | wc -w) commands read"
for cmd in $commands; do
	opts=$( (awk -F '\t' -v c="$cmd" '$1 == c { for (i = 3; i <= NF; i++)
	    print $i }' "$T/table"; "$MVB" "$cmd" --help |
	    grep -oE '(^|[[ ])--?[a-z][a-z-]*' | sed 's/^[[ ]*//') | sort -u)
	for opt in $opts --today --format; do
		k=$(kind "$cmd" "$opt")
		t "$cmd $opt ($k) refuses what it must and keeps the register"
		# --format on a command without formats is refused too.
		[ "$opt" = --format ] && k=refuse
		case $k in
		unknown)
			bad "option $opt of $cmd has no kind in $0"
			continue ;;
		flag) continue ;;
		path)
			# shellcheck disable=SC2046
			[ "$opt" = --db ] && continue
			refused "$opt" "$cmd" $(base "$cmd" "$opt") "$opt" ""
			continue ;;
		esac
		for v in $values_other; do
			val=$(value "$v")
			case $k:$v in
			text:sql|text:formula|optional:sql|optional:formula|\
			optional:empty|optional:2*|optional:0*|optional:1*|\
			optional:-1|text:2*|text:0*|text:1*|text:-1)
				continue ;;	# valid text: see below
			optional:big) ;;	# over 10000 characters
			filter:*)
				snapshot
				run "$cmd" "$opt" "$val"
				[ "$code" -eq 0 ] || [ "$code" -eq 2 ] && ok ||
				    bad "$v: exit $code"
				expect_unchanged
				continue ;;
			esac
			# shellcheck disable=SC2046
			refused "$opt" "$cmd" $(base "$cmd" "$opt") "$opt" "$val"
		done
		# Free text keeps SQL- and formula-looking text as it is.
		case $cmd:$k in
		edit:text|edit:optional)
			for v in $values_free; do
				val=$(value "$v")
				run edit 1 "$opt" "$val"
				expect_code 0
				run show 1 --format json
				expect_out_has "$(printf '%s' "$val" |
				    sed 's/\\/\\\\/g; s/"/\\"/g')"
			done ;;
		esac
	done
done

# CSV: every column of every table, one hostile value at a time, in a file
# that is otherwise valid (the sample of that table's row below).
row_decisions="title=T capability=C choice=buy status=active decided_on=2026-01-05 currency=USD"
row_assumptions="decision_id=1 number=2 text=x status=holding"
row_metrics="decision_id=2 name=users op=>= target=5 target_on=2027-01-01"
row_measurements="decision_id=1 metric=latency measured_on=2026-01-05 value=4"
row_sunset="decision_id=1 number=1 expression=on_2027-01-01"
row_reviews="decision_id=2 reviewed_on=2026-11-22 outcome=keep next_review_on=2027-05-01"
row_options="decision_id=1 number=1 name=Other choice=build currency=USD"

# Write a CSV of table's columns to $T/in.csv: col gets the raw value in
# $T/val, every other column its sample value or nothing.
write_csv() {
	table=$1
	col=$2
	eval "row=\$row_$table"
	printf '%s\n' "$header" | tr ',' '\n' >"$T/cols"
	first=1
	{
		printf '%s\n' "$header"
		while IFS= read -r c; do
			[ "$first" -eq 1 ] || printf ','
			first=0
			if [ "$c" = "$col" ]; then
				printf '"'
				sed 's/"/""/g' "$T/val" | tr -d '\n'
				printf '"'
				continue
			fi
			for pair in $row; do
				[ "${pair%%=*}" = "$c" ] &&
				    printf '%s' "${pair#*=}" | tr '_' ' '
			done
		done <"$T/cols"
		printf '\n'
	} >"$T/in.csv"
}

# An accepted row is taken out again: the register goes back to this copy.
"$MVB" check >/dev/null
if [ "$ENGINE" = pg ]; then
	sql "SELECT format('CREATE TEMP TABLE %I AS SELECT * FROM %I',
	    'base_' || tablename, tablename) FROM pg_tables
	WHERE schemaname = current_schema() ORDER BY tablename
\gexec" >"$T/sql-err"
	[ -s "$T/sql-err" ] && cat "$T/sql-err"
else
	cp "$MVB_DB" "$T/base.db"
fi

# Put the register back as it was copied above (on a server, every table's
# rows, the triggers that keep decisions and history off for the time).
restore() {
	if [ "$ENGINE" = pg ]; then
		sql "SET session_replication_role = replica;
		BEGIN;
		SELECT format('DELETE FROM %I', tablename),
		    format('INSERT INTO %I SELECT * FROM pg_temp.%I',
		    tablename, 'base_' || tablename) FROM pg_tables
		WHERE schemaname = current_schema() ORDER BY tablename
\gexec
		COMMIT;
		RESET session_replication_role;" >"$T/sql-err"
		[ -s "$T/sql-err" ] && bad "restore: $(cat "$T/sql-err")"
	else
		rm -f "$MVB_DB-wal" "$MVB_DB-shm"
		cp "$T/base.db" "$MVB_DB"
	fi
}
for table in decisions assumptions metrics measurements sunset reviews \
    options; do
	header=$("$MVB" export --what "$table" | head -n 1 | tr -d '\r')
	for col in $(printf '%s' "$header" | tr ',' ' '); do
		t "import --what $table: column $col refuses hostile values"
		for v in empty big 2025-02-30 0000-01-01 10000-01-01 \
		    1000000000000.00 -1 1e3 0.001 sql formula ctrl badutf nul \
		    mb; do
			case $v in
			nul) printf 'a\000b' >"$T/val" ;;
			mb) head -c 1048576 /dev/zero | tr '\000' y >"$T/val" ;;
			*) value "$v" >"$T/val" ;;
			esac
			write_csv "$table" "$col"
			snapshot
			run import --what "$table" "$T/in.csv"
			case $code in
			0)
				# Accepted: only where the value is valid text,
				# or a column import ignores (computed ones).
				case $col:$v in
				annual_run_rate:*|tco_24m:*|flags:*) ok ;;
				review_deadline:*) ok ;;
				# Free text takes any text without control
				# characters; an optional column takes ''.
				title:*|capability:*|vendor:*|owner:*|\
				cost_center:*|rationale:*|text:*|note:*|\
				notes:*|unit:*|name:*) ok ;;
				*:empty) ok ;;
				# A metric's target and value are decimals.
				target:1*|target:0*|target:-1) ok ;;
				value:1*|value:0*|value:-1) ok ;;
				*) bad "$v accepted in $col" ;;
				esac
				restore
				continue ;;
			esac
			expect_code 2
			case $err in
			"mvb: "*"$col"*) ok ;;
			*) bad "$v: error does not name $col" ;;
			esac
			expect_unchanged
		done
	done
done

t "the snapshot these checks compare sees a changed row"
snapshot
cp "$T/snap" "$T/before"
run edit 1 --title "Queue, renamed"
expect_code 0
snapshot
cmp -s "$T/snap" "$T/before" && bad "the snapshot is as it was" || ok
if [ "$ENGINE" = pg ]; then
	exec 7>&- 8<&-
	wait "$psql_pid"
fi
finish
