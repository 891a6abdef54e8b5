# mvb(1) COMPLETION, and the help that teaches: the bash and zsh scripts
# that 'mvb __complete' writes from the command table, tried as a shell
# would (bash: COMP_WORDS and COMP_CWORD in, COMPREPLY out); 'make install'
# and 'make uninstall' under a DESTDIR; every command and option of the
# table in the scripts and the man page; 'mvb --help' by what a person is
# doing; examples at the end of each command's help.
. "$(dirname "$0")/lib.sh"

"$MVB" __complete bash >"$T/mvb.bash"
"$MVB" __complete zsh >"$T/_mvb"
"$MVB" __complete table >"$T/table"

# Complete the words given (the last one is being completed) with bash;
# $out gets COMPREPLY sorted, one a line.
comp() {
	[ "$1" = mvb ] && shift && set -- "$MVB" "$@"
	bash -c '
		. "$1"
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		_mvb
		printf "%s\n" "${COMPREPLY[@]}" | sort
	' sh "$T/mvb.bash" "$@" >"$T/comp" 2>"$T/comperr"
	code=$?
	out=$(cat "$T/comp")
	err=$(cat "$T/comperr")
}

t "bash completes commands, and options of each command"
comp mvb ""
expect_code 0
expect_out_has "due"
expect_out_has "sunset"
[ "$(printf '%s\n' "$out" | wc -l)" -eq "$(wc -l <"$T/table")" ] && ok ||
    bad "commands offered: $(printf '%s\n' "$out" | wc -l)"
comp mvb d
expect_out "due"
comp mvb list --
expect_out_has "--status"
expect_out_has "--format"
expect_out_has "--db"
expect_out_lacks "--title"
comp mvb --today 2026-01-01 due --w
expect_out "--within"
comp mvb import --dr
expect_out "--dry-run"
comp mvb history --
expect_out_lacks "--format"
t "bash completes option values"
comp mvb add --choice ""
expect_out "$(printf 'assemble\nbuild\nbuy\noss')"
comp mvb list --status a
expect_out "active"
comp mvb review 1 --outcome re
expect_out "$(printf 'replace\nretire\nrevise')"
comp mvb due --format ""
expect_out "$(printf 'csv\njson\ntable')"
comp mvb show --format ""
expect_out "$(printf 'json\nmd\ntable')"
comp mvb export --format ""
expect_out "$(printf 'csv\nics\njson')"
comp mvb export --what c
expect_out "calendar"
comp mvb import --what c
expect_out ""
comp mvb import --what s
expect_out "sunset"
comp mvb config ""
expect_out_has "review_months"
expect_out_has "crossover"
comp mvb add --gate opp
expect_out "$(printf 'opportunity=no\nopportunity=yes')"
t "bash completes --opt=value, split at = as bash splits it, or whole"
comp mvb list --choice = b
expect_out "$(printf 'build\nbuy')"
comp mvb list --choice =
expect_out "$(printf 'assemble\nbuild\nbuy\noss')"
comp mvb list --choice=o
expect_out "oss"
t "bash completes files where a file is wanted"
: >"$T/cands.csv"
comp mvb import "$T/cand"
expect_out "$T/cands.csv"
comp mvb export -o "$T/cand"
expect_out "$T/cands.csv"
comp mvb --db "$T/cand"
expect_out "$T/cands.csv"

t "with no register, ids complete to nothing and no register is made"
export MVB_DB="$T/none/register.db"
comp mvb show ""
expect_code 0
expect_out ""
expect_err_empty
[ ! -e "$T/none" ] && ok || bad "a register was created"
run __complete ids
expect_code 0
expect_out ""
expect_err_empty
: >"$T/empty.db"
run __complete ids --db "$T/empty.db"
expect_code 0
expect_out ""
[ ! -s "$T/empty.db" ] && ok || bad "the empty file was written"
echo "not a register" >"$T/junk.db"
run __complete ids --db "$T/junk.db"
expect_code 0
expect_out ""
expect_err_empty

t "ids of the register in use, with their titles, from --db or MVB_DB"
export MVB_DB="$T/register.db"
"$MVB" add --title "Managed Postgres" --capability db --choice buy >/dev/null
"$MVB" add --title "Kafka: self-hosted" --capability queue --choice oss >/dev/null
i=3
while [ $i -le 12 ]; do
	"$MVB" add --title "Filler $i" --capability c$i --choice buy >/dev/null
	i=$((i + 1))
done
snapshot
comp mvb show ""
expect_out_has "12"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 12 ] && ok || bad "ids: $out"
comp mvb show 1
expect_out "$(printf '1\n10\n11\n12')"
comp mvb review 2 --by 1
expect_out "$(printf '1\n10\n11\n12')"
comp mvb edit 1 --title x ""
expect_out ""
run __complete ids 2
expect_out "$(printf '2\tKafka: self-hosted')"
expect_unchanged
mv "$MVB_DB" "$T/other.db"
comp mvb --db "$T/other.db" show 2
expect_out "2"
comp mvb show --db="$T/other.db" 1
expect_out "$(printf '1\n10\n11\n12')"
comp mvb show 2
expect_out ""
mv "$T/other.db" "$MVB_DB"

t "--quarter offers the quarter before, this one and the next"
MVB_TODAY=2026-11-22 run __complete quarters
expect_out "$(printf '2026Q3\n2026Q4\n2027Q1')"
MVB_TODAY=2026-01-01 run __complete quarters
expect_out "$(printf '2025Q4\n2026Q1\n2026Q2')"
MVB_TODAY=2026-12-31 comp mvb report --quarter ""
expect_out "$(printf '2026Q3\n2026Q4\n2027Q1')"
comp mvb report --format ""
expect_out "$(printf 'html\njson\nmd\ntable')"
comp mvb compare ""
expect_out_has "12"
comp mvb option 1 --choice o
expect_out "oss"

t "every command and option of the table is in both scripts and mvb.1"
[ -s "$T/table" ] && ok || bad "no table listed"
man="$TOP/mvb.1"
while IFS="$(printf '\t')" read -r cmd group opts; do
	comp mvb "$cmd" --
	for o in $opts; do
		case "$out" in
		*"$o"*) ok ;;
		*) bad "bash: '$cmd' lacks $o" ;;
		esac
		grep -q -- "^	$cmd) echo '.*$o[ ']" "$T/_mvb" && ok ||
		    bad "zsh: '$cmd' lacks $o"
		# The man page writes a dash as \-.
		m=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
		grep -q -- "$m" "$man" && ok || bad "mvb.1 lacks $o of '$cmd'"
	done
	grep -q "^\.B $cmd\$\|^\.B mvb $cmd\|^\.BR $cmd " "$man" && ok ||
	    bad "mvb.1 lacks the command '$cmd'"
	grep -q "'$cmd:" "$T/_mvb" && ok || bad "zsh: no command '$cmd'"
	[ "$group" -ne 0 ] && ok ||
	    bad "'$cmd' has no group in 'mvb --help'"
done <"$T/table"

t "zsh completion, as zsh runs it"
if ! command -v zsh >/dev/null; then
	skip "no zsh (make deps installs it)"
else
	# compadd and _describe stand in for zsh's own, printing what
	# they are given.
	zcomp() {
		zsh -f -c '
			compadd() { while [[ $1 == -* && $1 != -- ]]; do
			    shift; done; [[ $1 == -- ]] && shift
			    print -rl -- "$@"; }
			_describe() { print -rl -- "${(@P)${@[-1]}}"; }
			compset() { :; }
			_files() { print files; }
			words=("${@:2}")
			CURRENT=$#words
			. "$1"
		' zsh "$T/_mvb" "$@" >"$T/comp" 2>"$T/comperr"
		code=$?
		out=$(sort "$T/comp")
		err=$(cat "$T/comperr")
	}
	zcomp "$MVB" ""
	expect_code 0
	expect_err_empty
	expect_out_has "due:list the decisions that need attention"
	zcomp "$MVB" list --choice ""
	expect_out "$(printf 'assemble\nbuild\nbuy\noss')"
	zcomp "$MVB" list --choice=b
	expect_out_has "build"
	zcomp "$MVB" show 2
	expect_out "2:Kafka\\: self-hosted"
	zcomp "$MVB" import ""
	expect_out "files"
	zcomp "$MVB" due --
	expect_out_has "--exit-code"
fi

t "make install puts the completion where the shells look; uninstall removes it"
if ! command -v make >/dev/null || [ ! -f "$TOP/Makefile" ]; then
	skip "no make or Makefile"
else
	d="$T/dest"
	make -s -C "$TOP" install DESTDIR="$d" PREFIX=/usr >"$T/mk" 2>&1
	code=$?
	expect_code 0
	for f in bin/mvb share/man/man1/mvb.1 \
	    share/bash-completion/completions/mvb \
	    share/zsh/site-functions/_mvb; do
		[ -f "$d/usr/$f" ] && ok || bad "not installed: /usr/$f"
	done
	cmp -s "$d/usr/share/bash-completion/completions/mvb" "$T/mvb.bash" &&
	    ok || bad "the installed bash script is not mvb's"
	head -1 "$d/usr/share/zsh/site-functions/_mvb" | grep -q '^#compdef mvb' &&
	    ok || bad "_mvb lacks #compdef"
	make -s -C "$TOP" uninstall DESTDIR="$d" PREFIX=/usr >"$T/mk" 2>&1
	code=$?
	expect_code 0
	left=$(find "$d" -type f)
	[ -z "$left" ] && ok || bad "left after uninstall: $left"
fi

t "make says which packages are missing instead of a compiler error"
if ! command -v make >/dev/null || [ ! -f "$TOP/Makefile" ]; then
	skip "no make or Makefile"
else
	# A compiler that finds no header stands for a machine without them.
	make -s -C "$TOP" B="$T/b" CC=false "$T/b/headers-ok" >"$T/mk" 2>&1
	code=$?
	out=$(cat "$T/mk")
	[ "$code" -ne 0 ] && ok || bad "make succeeded without headers"
	expect_out_has "missing packages: libsqlite3-dev libcsv-dev"
	expect_out_has "make deps"
	expect_out_lacks "csv.h"
	make -s -C "$TOP" B="$T/b" "$T/b/headers-ok" >"$T/mk" 2>&1
	code=$?
	expect_code 0
fi

t "mvb --help groups the commands by what a person is doing"
run --help
expect_code 0
for g in "record a decision:" "attach evidence:" "review:" \
    "see what needs attention:" "exchange with finance and other tools:" \
    "look after the register:"; do
	expect_out_match "^$g\$"
done
expect_out_lacks "other commands:"
expect_out_match "^record a decision:
  add  "
expect_out_has "mvb --help COMMAND"
expect_out_has "--title=T"
expect_out_has "'--'"
# Each command once, under a heading.
while IFS="$(printf '\t')" read -r cmd group opts; do
	n=$(printf '%s\n' "$out" | grep -c "^  $cmd  ")
	[ "$n" -eq 1 ] && ok || bad "'$cmd' listed $n times"
done <"$T/table"
run __complete
expect_code 2
run --help
expect_out_lacks "__complete"

t "each command's help ends with real examples of it, using its options"
while IFS="$(printf '\t')" read -r cmd group opts; do
	opts=$(printf '%s' "$opts" | tr '\t' ' ')
	run "$cmd" --help
	ex=$(printf '%s\n' "$out" | sed -n '/^examples:$/,$p' | sed 1d)
	[ -n "$ex" ] && ok || bad "'$cmd --help' has no examples"
	printf '%s\n' "$out" | tail -1 | grep -q '^  ' && ok ||
	    bad "'$cmd --help' does not end with its examples"
	printf '%s\n' "$ex" | grep -q "^  mvb \(--db [^ ]* \)\?$cmd\b" && ok ||
	    bad "'$cmd' examples do not run mvb $cmd"
	for o in $(printf '%s\n' "$ex" | grep -o -- ' --\?[a-z][a-z-]*' |
	    sed 's/^ //'); do
		case " $opts --db --today --format --help " in
		*" $o "*) ok ;;
		*) bad "'$cmd' example uses '$o', not an option of it" ;;
		esac
	done
	# A usage that names formats names all its help lists.
	use=$(printf '%s\n' "$out" | sed -n '1,/^$/p' |
	    sed -n 's/.*--format \([a-z|]*\).*/\1/p')
	[ -n "$use" ] || continue
	fl=$(printf '%s\n' "$out" | sed -n 's/^formats (--format): //p' |
	    sed 's/ (default)//; s/,//g')
	[ "$(echo $fl | tr ' ' '\n' | sort | tr '\n' ' ')" = \
	    "$(echo "$use" | tr '|' '\n' | sort | tr '\n' ' ')" ] && ok ||
	    bad "'$cmd': usage formats '$use', help formats '$fl'"
done <"$T/table"
finish
