# mvb(1) OUTPUT: how tables make room on a terminal. Through a real
# pseudo-terminal (script(1)) at 60, 80, 100 and 200 columns, with wide
# (CJK) and combining characters in titles: no line passes the width
# (display columns, wide = 2, combining = 0), ids, dates and flags are never
# cut, due keeps 20 columns of title and 30 of reason, list 30 of title.
. "$(dirname "$0")/lib.sh"

LC_ALL=C.UTF-8
export LC_ALL
if ! command -v script >/dev/null; then
	t "tables make room on a pseudo-terminal"
	skip "no script(1) to give mvb a pseudo-terminal"
	finish
	exit
fi
if [ "$(printf '漢e\314\201' | wc -L)" != 3 ]; then
	t "tables make room on a pseudo-terminal"
	skip "wc -L does not count display columns in C.UTF-8"
	finish
	exit
fi

acute=$(printf '\314\201')
long="A decision with a rather long title that will not fit anywhere"
cjk="漢字のタイトルはとても長いのでここで切られます"
comb="Cafe${acute} re${acute}sume${acute} de${acute}ja${acute} vu with combining marks everywhere"
"$MVB" add --title "$long" --capability "message queue" --choice assemble \
    --decided 2024-01-15 --owner "platform-engineering-team" >/dev/null
"$MVB" add --title "$cjk" --capability cache --choice oss \
    --decided 2023-06-01 --owner "キャッシュ担当チーム" >/dev/null
"$MVB" add --title "$comb" --capability search --choice build \
    --decided 2023-07-01 --status proposed >/dev/null
"$MVB" add --title "Short" --capability dns --choice buy \
    --decided 2024-02-01 >/dev/null
"$MVB" assume 4 "the price holds" >/dev/null
"$MVB" invalidate 4 1 >/dev/null
"$MVB" add --title "Not due" --capability cdn --choice buy >/dev/null

# Run mvb ARGS on a pseudo-terminal of $1 columns, set with stty (and
# COLUMNS unset) or, with $2 "env", with COLUMNS; $out gets the screen
# with escapes and CRs removed.
tty_run() {
	cols=$1
	how=$2
	shift 2
	if [ "$how" = env ]; then
		COLUMNS=$cols script -qfc "$MVB $*" /dev/null >"$T/tty" 2>&1
	else
		env -u COLUMNS script -qfc "stty cols $cols; $MVB $*" \
		    /dev/null >"$T/tty" 2>&1
	fi
	code=$?
	out=$(tr -d '\r' <"$T/tty" | sed 's/\x1b\[[0-9;]*m//g')
	err=""
}

# Display width of $1.
dw() {
	printf '%s\n' "$1" | wc -L
}

# The width of the column headed $1 in the header line $2 (ASCII): up to
# the next header, or to the width $3 for the last.
col_width() {
	printf '%s\n' "$2" | awk -v name="$1" -v w="$3" '{
		p = index($0 " ", name " "); if (p == 0) { print 0; exit }
		rest = substr($0, p + length(name))
		if (match(rest, /[^ ]/)) print RSTART - 1 + length(name) - 2
		else print w - p + 1
	}'
}

# The line of decision $1 (its id right-aligned at the start).
row_of() {
	printf '%s\n' "$out" | grep -E "^ *$1  " | head -1
}

# Check a table of command $1 at width $2: no line wider; every id of the
# csv there whole; dates whole; flags whole; the title column at least $3
# and (due) the reason at least 30 columns, on its row or the line under.
check_table() {
	cmd=$1
	w=$2
	tmin=$3
	"$MVB" "$cmd" --format csv | tr -d '\r' >"$T/csv"
	for how in env stty; do
		tty_run "$w" "$how" "$cmd"
		expect_code 0
		widest=$(printf '%s\n' "$out" | wc -L)
		[ "$widest" -le "$w" ] && ok ||
		    bad "$cmd at $w ($how): a line is $widest columns wide"
		if printf '%s\n' "$out" | grep -qE '[0-9]{4}-[0-9-]{0,5}…'; then
			bad "$cmd at $w ($how): a date is cut"
		else
			ok
		fi
		hdr=$(printf '%s\n' "$out" | head -1)
		tw=$(col_width title "$hdr" "$w")
		[ "$tw" -ge "$tmin" ] && ok ||
		    bad "$cmd at $w ($how): title column $tw < $tmin"
		ids=$(sed 1d "$T/csv" | cut -d, -f1)
		for id in $ids; do
			line=$(row_of "$id")
			[ -n "$line" ] && ok || bad "$cmd at $w: no row $id"
			# The flags (never containing a comma) whole.
			if [ "$cmd" = due ]; then
				flags=$(awk -F, -v id="$id" '$1 == id {
				    print $7 }' "$T/csv")
			else
				flags=$(awk -F, -v id="$id" '$1 == id {
				    print $(NF) }' "$T/csv")
			fi
			case "$line" in
			*"  $flags"*|*"  $flags") ok ;;
			*) bad "$cmd at $w: row $id lacks flags '$flags'" ;;
			esac
			# The title shown: whole or cut with … and as wide as
			# its column, but for a wide character that did not fit.
			shown=$(printf '%s\n' "$line" | sed 's/^ *[0-9]*  //;
			    s/  .*//')
			sw=$(dw "$shown")
			case "$shown" in
			*…) [ "$sw" -ge $((tw - 1)) ] && ok ||
			    bad "$cmd at $w: title of $id is $sw columns" ;;
			*) ok ;;
			esac
			[ "$cmd" = due ] || continue
			reason=$(awk -F, -v id="$id" '$1 == id { print $8 }' \
			    "$T/csv")
			rest=${line#*"  $flags"}
			rest=$(printf '%s' "$rest" | sed 's/^ *//')
			if [ -z "$rest" ]; then
				rest=$(printf '%s\n' "$out" | grep -A1 -E \
				    "^ *$id  " | sed -n '2s/^    //p')
			fi
			rw=$(dw "$rest")
			case "$rest" in
			"$reason") ok ;;
			*…) [ "$rw" -ge 30 ] && ok ||
			    bad "$cmd at $w: reason of $id is $rw columns" ;;
			*) bad "$cmd at $w: reason of $id is '$rest'" ;;
			esac
		done
	done
}

t "due lays out for a person at 60, 80, 100 and 200 columns"
for w in 60 80 100 200; do
	check_table due "$w" 20
done
t "list keeps 30 columns of title at 60, 80, 100 and 200 columns"
for w in 60 80 100 200; do
	check_table list "$w" 30
done

t "at 80 columns due shows its id, title, flags and reason on one line"
tty_run 80 env due
expect_out_match "^id  title  +flags  +reason$"
expect_out_match "^ *1  A decision with a rath[^ ]*  +overdue  +review deadline"
t "at 60 columns the reason moves to an indented line under its row"
tty_run 60 env due
expect_out_match "^    reason$"
expect_out_match "^    review deadline 20[0-9-]* passed [0-9]* days ago$"
t "at 200 columns every column is whole"
tty_run 200 env due
expect_out_has "$long"
expect_out_has "$cjk"
expect_out_has "$comb"
expect_out_has "platform-engineering-team"
expect_out_match "^id  title  +choice  +owner  +next_review_on  +deadline  +flags  +reason$"
tty_run 200 env list
expect_out_has "$cjk"
expect_out_match "^id  title  +choice  +status  +owner  +next_review_on  +deadline  +flags$"
t "at 100 columns list leaves out the owner first"
tty_run 100 env list
expect_out_lacks "owner"
expect_out_match "choice  +status  +next_revi[^ ]*  +deadline  +flags$"

t "report's lists keep 20 columns of title and 30 of reason at 80"
for w in 60 80; do
	tty_run "$w" env report
	expect_code 0
	# The tables' lines: the header, the rows, the reasons under them.
	widest=$(printf '%s\n' "$out" | grep -E '^(id  | *[0-9]+  |    )' |
	    wc -L)
	[ "$widest" -le "$w" ] && ok || bad "report at $w: $widest columns"
	hdr=$(printf '%s\n' "$out" | grep '^id  title' | head -1)
	tw=$(col_width title "$hdr" "$w")
	[ "$tw" -ge 20 ] && ok || bad "report at $w: title column $tw"
	expect_out_has "review deadline 20"
	rl=$(printf '%s\n' "$out" | grep -o 'review deadline 20.*' | head -1)
	[ "$(dw "$rl")" -ge 30 ] && ok || bad "report at $w: reason '$rl'"
done

t "pipes and csv get every column whole, whatever COLUMNS says"
COLUMNS=40 run due
expect_out_has "$long"
expect_out_has "platform-engineering-team"
expect_out_match "^id  title  +choice  +owner  +next_review_on  +deadline  +flags  +reason$"
COLUMNS=40 run list --format csv
expect_out_has "$comb"
finish
