#!/bin/sh
# A throwaway PostgreSQL server for the tests (Debian's postgresql package):
#   tests/pg-server.sh start DIR   initdb in DIR as an unprivileged user,
#                                  start it on a Unix socket in DIR and a
#                                  free port on 127.0.0.1; prints PORT
#   tests/pg-server.sh stop DIR    stop it by its pid and remove DIR
# Exits 1 with one line on stderr naming why when it cannot start a server.
set -u
cmd=${1:-}
dir=${2:-}
bin=
for b in /usr/lib/postgresql/*/bin; do
	[ -x "$b/initdb" ] && bin=$b
done
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

# initdb refuses root: run the server as nobody, or as ourselves.
as() {
	if [ "$(id -u)" -eq 0 ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
	else
		"$@"
	fi
}

case "$cmd" in
start)
	if [ -z "$bin" ]; then
		echo "no PostgreSQL server installed (Debian's postgresql package)" >&2
		exit 1
	fi
	mkdir -p "$dir" || exit 1
	chmod 755 "$dir"
	[ "$(id -u)" -eq 0 ] && chown nobody:nogroup "$dir"
	# A free port: one the kernel hands out, then released.
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null) || port=$((20000 + $$ % 20000))
	if ! as "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync \
	    --locale=C -E UTF8 >"$dir/initdb.log" 2>&1; then
		echo "initdb failed: $(tail -1 "$dir/initdb.log")" >&2
		exit 1
	fi
	if ! as "$bin/pg_ctl" -D "$dir/data" -w -t 30 -l "$dir/server.log" \
	    -o "-k $dir -p $port -h 127.0.0.1 -c fsync=off \
	    -c synchronous_commit=off -c full_page_writes=off" start \
	    >"$dir/pg_ctl.log" 2>&1; then
		echo "the server did not start: $(tail -1 "$dir/server.log" 2>/dev/null)" >&2
		exit 1
	fi
	echo "$port"
	;;
stop)
	if [ -f "$dir/data/postmaster.pid" ]; then
		pid=$(head -1 "$dir/data/postmaster.pid")
		kill -INT "$pid" 2>/dev/null
		i=0
		while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do
			sleep 0.1
			i=$((i + 1))
		done
	fi
	rm -rf "$dir"
	;;
esac
