# mvb config, check and backup.
. "$(dirname "$0")/lib.sh"

t "config lists the defaults"
run init
run config
expect_code 0
expect_out "$(printf '%s\n' review_months=12 deadline_months=18 currency=USD \
	fte_cost=200000.00 within=30d crossover=25000.00)"
run config currency
expect_out USD

t "config sets validated, canonical values"
run config fte_cost 150000.5
expect_code 0
expect_out ""
run config fte_cost
expect_out 150000.50
run config within 007d
run config within
expect_out 7d
run config currency EUR
run add --title x --capability y --choice buy
run show 1 --format json
expect_out_has '"currency":"EUR"'
expect_out_has '"fte_annual_cost":150000.50'

t "bad settings are exit 2 and change nothing"
snapshot
fails 2 "unknown setting 'colour'" config colour
fails 2 "unknown setting 'colour'" config colour red
fails 2 "review_months: invalid number of months '0'" config review_months 0
fails 2 "deadline_months: invalid number of months '121'" config deadline_months 121
fails 2 "review_months: '19' is more than deadline_months (18)" config review_months 19
fails 2 "deadline_months: '11' is less than review_months (12)" config deadline_months 11
fails 2 "currency: invalid currency 'eur'" config currency eur
fails 2 "within: invalid duration '3 days'" config within '3 days'
fails 2 "fte_cost: invalid amount '-1'" config fte_cost -1
fails 2 "unexpected argument" config a b c
expect_unchanged

t "review_months and deadline_months drive new windows; deadlines follow"
run config review_months 6
run add --title z --capability y --choice buy --decided 2026-01-31
run show 2 --format json
expect_out_has '"next_review_on":"2026-07-31"'
run config deadline_months 24
run show 2 --format json
expect_out_has '"review_deadline":"2028-01-31"'
run show 1 --format json
expect_out_has '"review_deadline":"2028-11-22"'

t "check says ok on a sound register"
run check
expect_code 0
expect_out ok

# hand NAME SQL: a copy of the register, named NAME, with SQL run on it by
# hand (sqlite3 on a file, psql on a server, the copy made by backup);
# prints where the copy is. can_hand: whether there is the shell for it.
hand() {
	if [ "$ENGINE" = pg ]; then
		h=$(register "$1")
		"$MVB" backup "$h" >/dev/null || return 1
		psql -X -q -v ON_ERROR_STOP=1 "$h" -c "$2" >/dev/null ||
		    return 1
	else
		h=$T/$1.db
		cp "$MVB_DB" "$h" && sqlite3 "$h" "$2" >/dev/null || return 1
	fi
	echo "$h"
}

can_hand() {
	[ "$ENGINE" = pg ] || command -v sqlite3 >/dev/null
}

t "check reports problems on stdout, one summary on stderr, exit 1"
if can_hand; then
	broken=$(hand broken "UPDATE decisions SET deadline_on = '2030-01-01' WHERE id = 1;")
	run --db "$broken" check
	expect_code 1
	expect_out_has "decisions: decision 1: deadline 2030-01-01 should be 2028-11-22"
	expect_err_has "check: 1 problem"
else
	skip "no sqlite3 shell to change a register with"
fi
t "check lists each line of a damaged file under 'database:'"
if file_only "a damaged file's pages"; then
	:
elif command -v sqlite3 >/dev/null; then
	cp "$MVB_DB" "$T/damaged.db"
	root=$(sqlite3 "$T/damaged.db" "SELECT rootpage FROM sqlite_schema WHERE name = 'decisions'")
	printf '\377\377\377\377\377\377\377\377' |
	    dd of="$T/damaged.db" bs=1 seek=$(( (root - 1) * 4096 + 8 )) conv=notrunc 2>/dev/null
	run --db "$T/damaged.db" check
	expect_code 1
	n=$(printf '%s\n' "$out" | wc -l)
	m=$(printf '%s\n' "$out" | grep -c '^database: ')
	[ "$n" -ge 2 ] && [ "$n" = "$m" ] && ok || bad "lines not all prefixed: $out"
	expect_err_has "check: $n problems"
else
	skip "no sqlite3 shell to find a page with"
fi
t "hand-damaged settings and figures: check names them, commands refuse, config repairs"
if can_hand; then
	handed=$(hand handed "UPDATE settings SET value = 'x' WHERE key = 'within'; UPDATE decisions SET monthly_cents = -1 WHERE id = 1;")
	run --db "$handed" check
	expect_code 1
	expect_out_has "decisions: decision 1: cost figures out of range"
	expect_out_has "settings: the register's setting 'within' is damaged (set it again with 'mvb config within VALUE')"
	fails 1 "setting 'within' is damaged" --db "$handed" list
	run --db "$handed" config within 30d
	expect_code 0
	fails 1 "decision 1: damaged cost figures (run 'mvb check')" --db "$handed" show 1
	lost=$(hand lost "DELETE FROM settings WHERE key IN ('within', 'deadline_months');")
	run --db "$lost" config
	expect_code 0
	expect_out_match '^deadline_months=$'
	run --db "$lost" check
	expect_out "settings: the register's setting 'deadline_months' is damaged (set it again with 'mvb config deadline_months VALUE')"
	run --db "$lost" config deadline_months 18
	run --db "$lost" config within 30d
	run --db "$lost" check
	expect_out ok
else
	skip "no sqlite3 shell to change a register with"
fi

t "config checks the key before it opens the register"
fails 2 "unknown setting 'colour'" --db "$T/none.db" config colour
[ ! -e "$T/none.db" ] && ok || bad "a register was created"

t "backup writes a consistent copy that mvb can read"
run backup "$T/copy.db"
expect_code 0
run --db "$T/copy.db" list --format csv
expect_code 0
expect_out_has "1,x,y,buy"
t "backup replaces an existing file"
echo old >"$T/copy2.db"
run backup "$T/copy2.db"
expect_code 0
run --db "$T/copy2.db" check
expect_out ok
t "backup into a missing folder fails with exit 1 and leaves nothing"
fails 1 "backup: cannot write '$T/nope/copy.db': cannot create a file beside it" backup "$T/nope/copy.db"
fails 2 "missing argument" backup
t "backup never writes over the register, by whatever name"
if [ "$ENGINE" = pg ]; then
	# On a server: its own database holds a register, refused untouched.
	snapshot
	fails 1 "already holds a register" backup "$MVB_DB"
	expect_unchanged
fi
file_only "the register's file names" || {
	snapshot
	fails 2 "is the register itself" backup "$MVB_DB"
	fails 2 "is the register itself" backup "$(dirname "$MVB_DB")/./$(basename "$MVB_DB")"
	ln "$MVB_DB" "$T/hardlink.db"
	fails 2 "is the register itself" backup "$T/hardlink.db"
	expect_unchanged
}
t "backup follows a link and keeps it"
ln -s copy.db "$T/link.db"
run backup "$T/link.db"
expect_code 0
[ -L "$T/link.db" ] && ok || bad "the link was replaced"
mkfifo "$T/fifo"
fails 1 "not a regular file" backup "$T/fifo"
t "check reports an index the migrations create that the register lacks"
if can_hand; then
	noindex=$(hand noindex "SELECT 1;")
	run --db "$noindex" check
	expect_code 0
	noindex=$(hand noindex2 "DROP INDEX decisions_open_next; DROP INDEX metrics_target;")
	run --db "$noindex" check
	expect_code 1
	expect_out "decisions: index decisions_open_next is missing
metrics: index metrics_target is missing"
	expect_err_has "check: 2 problems in"
else
	skip "no sqlite3 shell to drop an index with"
fi

finish
