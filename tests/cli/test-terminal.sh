# mvb(1) OUTPUT on a terminal: tables fit COLUMNS and rows never wrap, flags
# are coloured unless NO_COLOR is set, and pipes get no escape sequences.
# script(1) gives mvb a pseudo-terminal.
. "$(dirname "$0")/lib.sh"

if ! command -v script >/dev/null; then
	t "tables on a pseudo-terminal"
	skip "no script(1) to give mvb a pseudo-terminal"
	finish
	exit
fi
"$MVB" add --title "A decision with a rather long title that will not fit" --capability "message queue" --choice buy --decided 2024-01-15 --owner "platform-engineering-team" >/dev/null
"$MVB" add --title "漢字のタイトルはとても長いのでここで切られます" --capability cache --choice oss --decided 2025-11-01 >/dev/null

# Run ARGS on a pseudo-terminal of $cols columns; $out gets the screen
# with escapes removed and CRs dropped, $raw the bytes as written.
tty_run() {
	cols=$1
	shift
	COLUMNS=$cols script -qec "$MVB $*" /dev/null >"$T/tty" 2>&1
	code=$?
	raw=$(cat "$T/tty")
	out=$(tr -d '\r' <"$T/tty" | sed 's/\x1b\[[0-9;]*m//g')
	err=""
}

# The display width of the widest line (wc -L counts wide characters as
# two columns in a UTF-8 locale).
widest() {
	printf '%s\n' "$out" | wc -L
}

t "tables fit COLUMNS on a terminal and cut long text with an ellipsis"
LC_ALL=C.UTF-8
export LC_ALL
tty_run 60 due
expect_code 0
[ "$(widest)" -le 60 ] && ok || bad "a line is $(widest) columns wide"
expect_out_has "…"
tty_run 60 list
[ "$(widest)" -le 60 ] && ok || bad "list: a line is $(widest) columns wide"
t "on an 80-column terminal dates and flags stay whole"
tty_run 80 list
[ "$(widest)" -le 80 ] && ok || bad "list: a line is $(widest) columns wide"
expect_out_match "2025-01-15 +2025-07-15 +overdue$"
t "even a very narrow terminal gets rows that do not wrap"
tty_run 20 due
[ "$(widest)" -le 20 ] && ok || bad "due: a line is $(widest) columns wide"
tty_run 200 list
expect_out_has "A decision with a rather long title that will not fit"

t "show fits COLUMNS on a terminal too, and colours its flags"
tty_run 30 show 2
[ "$(widest)" -le 30 ] && ok || bad "show: a line is $(widest) columns wide"
expect_out_has "…"
tty_run 120 show 1
case "$raw" in *"$(printf '\033[31moverdue')"*) ok ;; *) bad "show: no red overdue" ;; esac
NO_COLOR=1 tty_run 120 show 1
case "$raw" in *"$(printf '\033')"*) bad "show: escape despite NO_COLOR" ;; *) ok ;; esac
run show 1
case "$out" in *"$(printf '\033')"*) bad "show: escape in a pipe" ;; *) ok ;; esac
expect_out_has "A decision with a rather long title that will not fit"

t "flags are coloured on a terminal, not with NO_COLOR, never in a pipe"
tty_run 120 due
case "$raw" in *"$(printf '\033[31moverdue')"*) ok ;; *) bad "no red overdue" ;; esac
NO_COLOR=1 tty_run 120 due
case "$raw" in *"$(printf '\033')"*) bad "escape despite NO_COLOR" ;; *) ok ;; esac
run due
case "$out" in *"$(printf '\033')"*) bad "escape in a pipe" ;; *) ok ;; esac
COLUMNS=20 run due
expect_out_has "A decision with a rather long title that will not fit"
finish
