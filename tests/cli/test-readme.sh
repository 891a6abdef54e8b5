#!/bin/sh
# The README cannot drift: every command it shows is run, in order, and its
# output compared with what the README prints.
#
# The convention, for README.md:
#   - Only blocks fenced as ```console are run; ```sh blocks (install, cron)
#     are shown, never run.
#   - In a console block a line starting with '$ ' is a command; a command
#     line ending in a backslash continues on the next line (written without
#     a prompt, so that it pastes as it is).
#     Every other line, up to the next command or the end of the block, is
#     the output expected of it (stdout and stderr together, as a terminal
#     shows them); a command followed by no line must print nothing.
#   - An expected line ending in '  # varies' (a path, a clock time, a user
#     name) matches any one line; a line that is only '...' matches any
#     number of lines, none included (output left out to keep the README
#     short).
#   - All blocks run in one shell, top to bottom, so a command sees what the
#     ones before it did (the variables they exported, the folder they
#     entered). The shell starts in an empty folder, with 'mvb' on PATH
#     (the built ./mvb), no MVB_DB, and TMPDIR inside the test's own folder:
#     the tour's 'cd "$(mktemp -d)"' lands there. Tables go to a pipe, so
#     they carry every column whole.
#   - A carriage return ending an output line is ignored (CSV ends its
#     lines with CRLF; a terminal does not show it).
#   - The folder the shell started in must be empty afterwards: pasted from
#     the repository's root, the README leaves nothing there.
#
# README_SHOW=1 sh tests/cli/test-readme.sh prints each command's actual
# output (to write the README from).
. "$(dirname "$0")/lib.sh"

top=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
readme=$top/README.md

mkdir -p "$T/bin" "$T/start" "$T/tmp" "$T/xdg" "$T/home"
ln -s "$MVB" "$T/bin/mvb"

# README.md -> $T/script.sh (each command preceded by a marker line, its
# output and stderr together) and $T/expect (each command's expected lines,
# after the same marker).
awk -v script="$T/script.sh" -v expect="$T/expect" '
	function close_cmd() {
		if (incmd)
			printf "\n} 2>&1\n" > script
		incmd = 0
	}
	/^```console[ \t]*$/ { inblk = 1; next }
	inblk && /^```[ \t]*$/ { close_cmd(); inblk = 0; next }
	!inblk { next }
	/^\$ / {
		close_cmd()
		n++
		printf "printf \"\\036%d\\n\"\n", n > script
		printf "{ %s", substr($0, 3) > script
		printf "\036%d\n", n > expect
		incmd = 1
		cont = /\\$/
		next
	}
	incmd && cont { printf "\n%s", $0 > script; cont = /\\$/; next }
	{ close_cmd(); print > expect }
	END { close_cmd() }
' "$readme"

t "README.md has console blocks to run"
ncmd=$(grep -c '^printf "\\036' "$T/script.sh")
if [ "$ncmd" -ge 20 ]; then ok; else bad "only $ncmd commands found"; fi

(
	cd "$T/start" || exit 1
	unset MVB_DB MVB_TODAY COLUMNS NO_COLOR
	PATH=$T/bin:$PATH TMPDIR=$T/tmp XDG_DATA_HOME=$T/xdg HOME=$T/home \
	    USER=reader sh "$T/script.sh" </dev/null >"$T/actual" 2>&1
)

if [ "${README_SHOW:-}" = 1 ]; then
	cat "$T/actual"
fi

# Compare command by command. match(i, j): expected lines from i match
# actual lines from j to the end.
awk -v actual="$T/actual" '
	function match_from(i, j,    k) {
		if (i > ne)
			return j > na
		if (want[i] == "...") {
			for (k = j; k <= na + 1; k++)
				if (match_from(i + 1, k))
					return 1
			return 0
		}
		if (j > na)
			return 0
		if (want[i] ~ /  # varies$/ || want[i] == got[j])
			return match_from(i + 1, j + 1)
		return 0
	}
	function load(file, id, arr,    line, on, c) {
		c = 0
		on = 0
		while ((getline line < file) > 0) {
			if (line ~ /^\036[0-9]+$/) {
				on = (substr(line, 2) == id)
				continue
			}
			if (on) {
				sub(/\r$/, "", line)
				arr[++c] = line
			}
		}
		close(file)
		return c
	}
	/^\036[0-9]+$/ { ids[++n] = substr($0, 2) }
	END {
		while ((getline line < cmdfile) > 0)
			if (line ~ /^\{ /)
				cmd[++nc] = substr(line, 3)
		bad = 0
		for (x = 1; x <= n; x++) {
			delete want
			delete got
			ne = load(FILENAME, ids[x], want)
			na = load(actual, ids[x], got)
			if (!match_from(1, 1)) {
				bad++
				printf "FAIL: README command %d: $ %s\n", ids[x], cmd[ids[x]]
				printf "  expected:\n"
				for (k = 1; k <= ne; k++) printf "    |%s\n", want[k]
				printf "  actual:\n"
				for (k = 1; k <= na; k++) printf "    |%s\n", got[k]
			}
		}
		printf "%d %d\n", n, bad > "/dev/stderr"
	}
' cmdfile="$T/script.sh" "$T/expect" 2>"$T/counts" >"$T/report"

t "every README command prints what the README shows"
read -r nrun nbad <"$T/counts"
if [ "${nbad:-1}" -eq 0 ] && [ "${nrun:-0}" -eq "$ncmd" ]; then
	ok
else
	fail=$((fail + 1))
	echo "FAIL: $name: ${nbad:-?} of ${nrun:-?} commands differ"
	cat "$T/report"
fi

t "the README leaves nothing in the folder it was pasted in"
left=$(ls -A "$T/start")
if [ -z "$left" ]; then ok; else out=$left err=; bad "left: $left"; fi

t "the README writes no register outside its throwaway folder"
left=$(find "$T/xdg" "$T/home" -mindepth 1)
if [ -z "$left" ]; then
	ok
else
	out=$left err=
	bad "a register outside the tour's folder"
fi

finish
