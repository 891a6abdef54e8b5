# The modules call down, never in a loop (no two source files call each
# other, directly or through others): read from the symbols each object
# of the build defines and uses.
. "$(dirname "$0")/lib.sh"

t "no two source files call each other in a loop"
objs="$TOP/build/obj"
if ! command -v nm >/dev/null || ! ls "$objs"/*.o >/dev/null 2>&1; then
	skip "needs nm and the objects of a build in build/obj"
else
	for o in "$objs"/*.o; do
		n=$(basename "$o" .o)
		nm "$o" | awk -v n="$n" '
			NF == 3 && $2 ~ /^[TDBR]$/ { print "D", $3, n }
			NF == 2 && $1 == "U" { print "U", $2, n }'
	done >"$T/syms"
	# Edges "from to", then the cycles found by closing them.
	awk '$1 == "D" { def[$2] = $3; next }
	    { use[NR] = $2; who[NR] = $3 }
	    END { for (i in use) if ((use[i] in def) && def[use[i]] != who[i])
		print who[i], def[use[i]] }' "$T/syms" | sort -u >"$T/edges"
	loops=$(awk '{ e[$1, $2] = 1; node[$1]; node[$2] }
	    END {
		for (k in node) for (i in node) if (e[i, k])
			for (j in node) if (e[k, j]) e[i, j] = 1
		for (i in node) if (e[i, i]) print i
	    }' "$T/edges" | sort | tr '\n' ' ')
	[ -z "$loops" ] && ok || bad "files in a loop: $loops"
	[ -s "$T/edges" ] && ok || bad "no calls read: the check saw nothing"
fi

finish
