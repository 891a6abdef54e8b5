# The register file rules of mvb(1) GLOBAL OPTIONS and mvb(1) FILES: where it
# lives, what creates it, and what is refused untouched.
. "$(dirname "$0")/lib.sh"

# On a server, what of these rules applies there (a connection that fails
# and another application's database: test-pg.sh); the rest is a file's.
if [ "$ENGINE" = pg ]; then
	where="postgresql://127.0.0.1:$MVB_TEST_PG_PORT/$PG_DB"
	t "reading an empty database is exit 1 and creates nothing"
	snapshot
	fails 1 "no register at '$where' (create it with 'mvb init')" list
	fails 1 "no register at" due
	fails 1 "no register at" show 1
	fails 1 "no register at" check
	expect_unchanged
	grep -q '^public\.' "$T/snap" && bad "the database has tables" || ok
	t "init creates the register and prints its name; again it is harmless"
	run init
	expect_code 0
	expect_out "$where"
	run list
	expect_code 0
	snapshot
	run init
	expect_code 0
	expect_out "$where"
	expect_unchanged
	t "a write command creates a missing register"
	MVB_DB=$(register fresh)
	run add --title Kafka --capability queue --choice buy
	expect_code 0
	expect_out 1
	t "--db wins over MVB_DB"
	run --db "$T/other.db" init
	expect_out "$T/other.db"
	t "the rules of a register file"
	file_only "paths, folders, modes, another program's file"
	finish
	exit
fi

t "reading a missing register is exit 1 and creates nothing"
fails 1 "no register at '$MVB_DB' (create it with 'mvb init')" list
[ ! -e "$MVB_DB" ] && ok || bad "register was created"
fails 1 "no register at" due
fails 1 "no register at" show 1

t "a long register path is quoted by its first 60 characters and …"
deep="$T/$(printf 'd/%.0s' $(seq 100))register.db"
first60=$(printf '%s' "$deep" | cut -c1-60)
first59=$(printf '%s' "$deep" | cut -c1-59)
fails 1 "no register at '${first59}x' (create it with 'mvb init')" --db "${first59}x" list
fails 1 "no register at '${first60}…' (create it with 'mvb init')" --db "$deep" list
expect_err_shorter 300
[ ! -e "$T/d" ] && ok || bad "folders were created"

t "a 0-byte file counts as missing"
: >"$MVB_DB"
fails 1 "no register at" list
[ ! -s "$MVB_DB" ] && ok || bad "empty file was written"
rm -f "$MVB_DB"

t "init creates the register and its folders and prints the path"
run --db "$T/a/b/c/reg.db" init
expect_code 0
expect_out "$T/a/b/c/reg.db"
[ -s "$T/a/b/c/reg.db" ] && ok || bad "no file"

t "init on an existing register is harmless"
run --db "$T/a/b/c/reg.db" init
expect_code 0

t "a write command creates a missing register"
run add --title Kafka --capability queue --choice buy
expect_code 0
expect_out 1

t "the XDG default path"
unset MVB_DB
XDG_DATA_HOME="$T/xdg" run init
expect_out "$T/xdg/mvb/register.db"
HOME="$T/home" run init
expect_out "$T/home/.local/share/mvb/register.db"
[ -s "$T/home/.local/share/mvb/register.db" ] && ok || bad "no file"
export MVB_DB="$T/register.db"

t "--db wins over MVB_DB"
run --db "$T/other.db" init
expect_out "$T/other.db"

t "a file that is not SQLite is refused untouched"
printf 'hello, not a database\n' >"$T/text.db"
cp "$T/text.db" "$T/text.orig"
fails 1 "not an mvb register" --db "$T/text.db" list
fails 1 "not an mvb register" --db "$T/text.db" add --title x --capability y --choice buy
cmp -s "$T/text.db" "$T/text.orig" && ok || bad "foreign file changed"

t "a file with SQLite's magic but a garbled header is refused untouched"
{ printf 'SQLite format 3\000'; printf '%04096d' 7; } >"$T/garbled.db"
cp "$T/garbled.db" "$T/garbled.orig"
fails 1 "'$T/garbled.db' is not an mvb register" --db "$T/garbled.db" list
fails 1 "'$T/garbled.db' is not an mvb register" --db "$T/garbled.db" add --title x --capability y --choice buy
cmp -s "$T/garbled.db" "$T/garbled.orig" && ok || bad "changed"

t "another application's SQLite database is refused untouched"
if command -v sqlite3 >/dev/null; then
	sqlite3 "$T/other-app.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
	cp "$T/other-app.db" "$T/other-app.orig"
	fails 1 "not an mvb register" --db "$T/other-app.db" list
	fails 1 "not an mvb register" --db "$T/other-app.db" init
	cmp -s "$T/other-app.db" "$T/other-app.orig" && ok || bad "changed"
	sqlite3 "$T/app-id.db" "PRAGMA application_id=42; CREATE TABLE t(x);"
	cp "$T/app-id.db" "$T/app-id.orig"
	fails 1 "not an mvb register" --db "$T/app-id.db" add --title x --capability y --choice buy
	cmp -s "$T/app-id.db" "$T/app-id.orig" && ok || bad "changed"

	t "a SQLite file without any schema is not a register either"
	sqlite3 "$T/bare.db" "PRAGMA user_version=0; VACUUM;"
	[ -s "$T/bare.db" ] && ok || bad "bare.db is empty"
	cp "$T/bare.db" "$T/bare.orig"
	fails 1 "not an mvb register" --db "$T/bare.db" list
	fails 1 "not an mvb register" --db "$T/bare.db" init
	fails 1 "not an mvb register" --db "$T/bare.db" add --title x --capability y --choice buy
	cmp -s "$T/bare.db" "$T/bare.orig" && ok || bad "changed"

	t "a register with a newer schema is refused untouched"
	cp "$MVB_DB" "$T/newer.db"
	sqlite3 "$T/newer.db" "PRAGMA user_version=999;"
	cp "$T/newer.db" "$T/newer.orig"
	fails 1 "newer than this mvb" --db "$T/newer.db" list
	fails 1 "newer than this mvb" --db "$T/newer.db" add --title x --capability y --choice buy
	cmp -s "$T/newer.db" "$T/newer.orig" && ok || bad "changed"

	t "a refused WAL database gets no -wal or -shm file beside it"
	mkdir "$T/walapp"
	sqlite3 "$T/walapp/w.db" "PRAGMA journal_mode=WAL; CREATE TABLE t(x);" >/dev/null
	cp "$T/walapp/w.db" "$T/w.orig"
	fails 1 "not an mvb register" --db "$T/walapp/w.db" list
	fails 1 "not an mvb register" --db "$T/walapp/w.db" add --title x --capability y --choice buy
	[ "$(ls -A "$T/walapp")" = w.db ] && ok || bad "left: $(ls -A "$T/walapp")"
	cmp -s "$T/walapp/w.db" "$T/w.orig" && ok || bad "changed"

	t "the register is WAL with an application id"
	[ "$(sqlite3 "$MVB_DB" 'PRAGMA journal_mode')" = wal ] && ok || bad "not WAL"
	[ "$(sqlite3 "$MVB_DB" 'PRAGMA application_id')" != 0 ] && ok || bad "no id"
fi

t "another user's register can be read but not written"
# Needs root (to act as nobody) and a binary and a folder nobody can reach;
# a private TMPDIR or checkout skips it.
as_nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
}
mkdir "$T/ro"
"$MVB" --db "$T/ro/r.db" add --title shared --capability y --choice buy >/dev/null
chmod 755 "$T" "$T/ro"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null &&
    as_nobody test -r "$T/ro/r.db" 2>/dev/null &&
    as_nobody "$MVB" --version >/dev/null 2>&1; then
	cp "$T/ro/r.db" "$T/ro.orig"
	out=$(as_nobody "$MVB" --db "$T/ro/r.db" list --format csv 2>&1)
	case $out in *"1,shared,y,buy"*) ok ;; *) bad "read: $out" ;; esac
	err=$(as_nobody "$MVB" --db "$T/ro/r.db" add --title x --capability y --choice buy 2>&1)
	code=$?
	[ "$code" = 1 ] && ok || bad "write exit $code"
	case $err in "mvb: cannot write to register '$T/ro/r.db': permission denied") ok ;; *) bad "write: $err" ;; esac
	[ "$(ls -A "$T/ro")" = r.db ] && ok || bad "left: $(ls -A "$T/ro")"
	cmp -s "$T/ro/r.db" "$T/ro.orig" && ok || bad "changed"
else
	skip "needs root, setpriv, and a binary and folder that nobody can reach"
fi
chmod 700 "$T"

t "a device or other non-regular file is not a register"
if [ -c /dev/null ]; then
	fails 1 "cannot open register '/dev/null': not a regular file" --db /dev/null init
	fails 1 "not a regular file" --db /dev/null add --title x --capability y --choice buy
	[ ! -e /dev/null-journal ] && ok || bad "a journal was left beside /dev/null"
fi

t "a folder that cannot be created is exit 1"
: >"$T/plainfile"
fails 1 "cannot create folder" --db "$T/plainfile/sub/reg.db" init

t "global options and help"
run --version
expect_code 0
expect_out_has "mvb 0."
run --help
expect_code 0
expect_out_has "see what needs attention:"
run add --help
expect_code 0
expect_out_has "usage: mvb add"
fails 2 "unknown command 'frobnicate'" frobnicate
fails 2 "unknown option" --bogus list
fails 2 "unknown option '--bogus'" list --bogus
fails 2 "--today: invalid date '2025-02-30'" --today 2025-02-30 list
MVB_TODAY=nonsense run list
expect_code 2
expect_err_has "MVB_TODAY: invalid date 'nonsense'"
fails 2 "--format: 'html' is not a format of 'list'" list --format html
fails 2 "--format" add --title x --capability y --choice buy --format json
fails 2 "no command" 
finish
