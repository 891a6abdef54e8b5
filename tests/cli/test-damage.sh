# A damaged register (mvb.1, EXIT STATUS): one page of each table
# overwritten, three ways (zeros; noise after the page header; noise over
# the cells only), then every command that meets it exits 1 naming the
# register, never takes it for a missing id, and leaves the file as it was.
# Needs the sqlite3 shell (installed by 'make deps') to find the pages.
. "$(dirname "$0")/lib.sh"

samples="$(dirname "$0")/../../sample-data"
id=22	# the sample decision with rows in every table

# Fixed noise: 4096 bytes of a linear congruential generator.
noise() {
	s="" x=12345 i=0
	while [ "$i" -lt 4096 ]; do
		x=$(((x * 1103515245 + 12345) % 2147483648))
		b=$((x / 65536 % 256))
		s="$s\\$((b / 64))$((b / 8 % 8))$((b % 8))"
		i=$((i + 1))
	done
	printf "$s" >"$T/noise"
}

# Byte at offset $2 of file $1, in decimal.
byte() {
	od -An -tu1 -j "$2" -N 1 "$1" | tr -d ' '
}

# damage FILE PAGE KIND: zero the page, or noise after its header (8 bytes
# on a leaf, 12 on an interior page), or noise from the start of its cell
# content area (header bytes 5-6) to its end, cell pointers kept.
damage() {
	base=$((($2 - 1) * ps))
	case $(byte "$1" "$base") in
	2 | 5) from=12 ;;
	*) from=8 ;;
	esac
	case $3 in
	zero)
		dd if=/dev/zero of="$1" bs="$ps" seek=$(($2 - 1)) count=1 \
		    conv=notrunc 2>/dev/null
		return ;;
	cells)
		from=$(($(byte "$1" $((base + 5))) * 256 + \
		    $(byte "$1" $((base + 6))))) ;;
	esac
	dd if="$T/noise" of="$1" bs=1 skip="$from" seek=$((base + from)) \
	    count=$((ps - from)) conv=notrunc 2>/dev/null
}

# The command meets the damage: exit 1, one line naming the register, the
# file byte-identical.
meets() {
	snapshot
	run --db "$MVB_DB" "$@"
	expect_code 1
	expect_err_has "register '"
	expect_err_has "damaged.db' is damaged: "
	expect_err_has "(run 'mvb check')"
	expect_unchanged
}

# The command may not read the damaged page: exit 0, or else as meets();
# never a usage error such as "no decision". A write that succeeded is
# undone for the next command.
may_meet() {
	snapshot
	run --db "$MVB_DB" "$@"
	case $code in
	0) cp "$T/snap" "$MVB_DB"; ok ;;
	1) expect_err_has "damaged.db' is damaged: "; expect_unchanged ;;
	*) bad "exit $code" ;;
	esac
}

if command -v sqlite3 >/dev/null; then
	noise
	for table in decisions assumptions metrics measurements sunset \
	    reviews options; do
		run import --what "$table" "$samples/$table.csv"
		expect_code 0
	done
	ps=$(sqlite3 "$MVB_DB" "PRAGMA page_size")
	metric=$(sqlite3 "$MVB_DB" "SELECT min(name) FROM metrics WHERE decision_id = $id")
	other=$(sqlite3 "$MVB_DB" "SELECT min(id) FROM decisions WHERE id <> $id
	    AND status IN ('proposed', 'active')")
	sed -n 1p "$samples/options.csv" >"$T/options.csv"
	grep "^$id,1," "$samples/options.csv" | sed "s/^$id,1,/$id,9,/" \
	    >>"$T/options.csv"
	cp "$MVB_DB" "$T/sound.db"
	export MVB_DB="$T/damaged.db"

	# "PAGE CELL": the leaf that holds decision $id and its cell there
	# (leaves in b-tree order); nothing without dbstat.
	leaf_of_id() {
		k=$(sqlite3 "$T/sound.db" "SELECT count(*) FROM decisions
		    WHERE id < $id")
		sqlite3 "$T/sound.db" "SELECT pageno, ncell FROM dbstat WHERE
		    name = 'decisions' AND pagetype = 'leaf' ORDER BY path" \
		    2>/dev/null | while IFS='|' read -r p n; do
			if [ "$k" -lt "$n" ]; then
				echo "$p $k"
				break
			fi
			k=$((k - n))
		done
	}

	# The pages to damage: each table's root; for decisions also the leaf
	# that holds $id.
	pages() {
		sqlite3 "$T/sound.db" "SELECT rootpage FROM sqlite_schema
		    WHERE name = '$1'"
		[ "$1" = decisions ] && leaf_of_id | cut -d" " -f1
		return 0
	}

	for table in decisions assumptions metrics measurements sunset \
	    reviews options; do
		for page in $(pages "$table"); do
			for kind in zero body cells; do
				t "$table page $page, $kind: commands that read it exit 1"
				cp "$T/sound.db" "$MVB_DB"
				damage "$MVB_DB" "$page" "$kind"
				meets show "$id"
				meets export --what "$table"
				case $table in
				decisions)
					meets history "$id"
					meets list
					meets due
					meets edit "$id" --title x
					meets review "$id" --outcome keep
					meets assume "$id" text
					meets metric "$id" new '>=' 1
					meets measure "$id" "$metric" 1
					meets invalidate "$id" 1
					meets confirm "$id" 1
					meets sunset "$id" 'on 2030-01-01'
					meets import --what options "$T/options.csv"
					;;
				assumptions)
					meets assume "$id" text
					meets invalidate "$id" 1
					meets confirm "$id" 1 ;;
				metrics)
					meets metric "$id" new '>=' 1
					meets measure "$id" "$metric" 1 ;;
				measurements)
					meets measure "$id" "$metric" 1 ;;
				sunset)
					meets sunset "$id" 'on 2030-01-01' ;;
				reviews)
					meets review "$id" --outcome keep ;;
				options)
					meets import --what options "$T/options.csv" ;;
				esac
				t "$table page $page, $kind: other commands never say 'no ...'"
				may_meet history "$id"
				may_meet list
				may_meet due
				may_meet edit "$id" --title x
				may_meet review "$id" --outcome keep
				may_meet assume "$id" text
				may_meet metric "$id" new '>=' 1
				may_meet measure "$id" "$metric" 1
				may_meet invalidate "$id" 1
				may_meet confirm "$id" 1
				may_meet sunset "$id" 'on 2030-01-01'
				may_meet import --what options "$T/options.csv"
				may_meet add --title x --capability y --choice buy
			done
		done
	done

	t "a row whose key is garbled is damage, not a missing decision"
	# The leaf cell of $id gets rowid $id + 1: SQLite's search misses it
	# without reporting corruption; quick_check finds it out of order.
	cp "$T/sound.db" "$MVB_DB"
	set -- $(leaf_of_id)
	if [ $# -eq 2 ]; then
		page=$1 k=$2
		base=$(((page - 1) * ps))
		at=$((base + 8 + 2 * k))
		at=$((base + $(byte "$MVB_DB" "$at") * 256 + \
		    $(byte "$MVB_DB" $((at + 1)))))
		while [ "$(byte "$MVB_DB" "$at")" -ge 128 ]; do
			at=$((at + 1))	# the payload size, a varint
		done
		at=$((at + 1))
		[ "$(byte "$MVB_DB" "$at")" = "$id" ] && ok ||
		    bad "rowid $id not at $at"
		n=$((id + 1))
		printf "\\$((n / 64))$((n / 8 % 8))$((n % 8))" |
		    dd of="$MVB_DB" bs=1 seek="$at" conv=notrunc 2>/dev/null
		[ "$(sqlite3 "$MVB_DB" "SELECT count(*) FROM decisions
		    WHERE id = $id")" = 0 ] && ok || bad "the row is still found"
		meets show "$id"
		meets history "$id"
		meets edit "$id" --title x
		meets review "$id" --outcome keep
		meets assume "$id" text
		meets metric "$id" new '>=' 1
		meets sunset "$id" 'on 2030-01-01'
		meets review "$other" --outcome replace --by "$id"
		meets import --what options "$T/options.csv"
		run --db "$MVB_DB" check
		expect_code 1
		expect_out_has "database: "
		t "a decision that is really missing is still exit 2"
		cp "$T/sound.db" "$MVB_DB"
		fails 2 "no decision with id '99'" show 99
		fails 2 "decision $id has no assumption 9" invalidate "$id" 9
		fails 2 "decision $id has no metric 'nope'" measure "$id" nope 1
	fi

	t "add on a one-page decisions table that is damaged writes nothing"
	for kind in zero body cells; do
		rm -f "$T/small.db"
		run --db "$T/small.db" add --title a --capability c --choice buy
		run --db "$T/small.db" add --title b --capability c --choice oss
		cp "$T/small.db" "$MVB_DB"
		damage "$MVB_DB" "$(sqlite3 "$MVB_DB" "SELECT rootpage FROM
		    sqlite_schema WHERE name = 'decisions'")" "$kind"
		meets add --title x --capability y --choice buy
		run --db "$MVB_DB" check
		expect_code 1
		expect_err_has "check: "
	done
fi
finish
