#!/bin/sh
# mvb report --format html in a real browser (headless Chromium, Debian's
# 'chromium'): the page loads with no console error and nothing fetched
# (its CSP allows inline style only), the DOM Chromium built has one
# timeline bar per live decision with its label, a hostile title stays
# text, a screenshot is not blank and printing gives A4 pages. Without
# chromium the checks are skipped (counted); .ci/run installs it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/report-setup.sh"

t "report --format html: one self-contained page"
run report --format html
expect_code 0
printf '%s\n' "$out" >"$T/report.html"
expect_out_has "<svg"
expect_out_has "&lt;script&gt;alert(1)&lt;/script&gt; | x"
expect_out_lacks "<script"
expect_out_lacks "src="
expect_out_lacks "href="
expect_out_has "@page{size:A4"
expect_out_has "break-inside:avoid"

t "report html in headless chromium"
browser=
for b in chromium chromium-browser; do
	command -v "$b" >/dev/null 2>&1 && { browser=$b; break; }
done
if [ -z "$browser" ]; then
	skip "no chromium: install Debian's 'chromium' (.ci/run installs it) to render the page"
	finish
	exit $?
fi
profile=$(mktemp -d)
chrome() {
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@" \
	    "file://$T/report.html"
}

t "chromium builds one timeline bar per live decision, labelled"
chrome --dump-dom >"$T/dom.html" 2>"$T/chrome.err"
bars=$(grep -o '<g class="bar [a-z]*" data-id="[0-9]*"' "$T/dom.html" |
    sed 's/.*data-id="\([0-9]*\)"/\1/' | sort -n | tr '\n' ' ')
[ "$bars" = "1 2 3 4 " ] && ok || bad "bars for ids '$bars', expected 1-4"
for label in '#1 Due one' '#3 Later' '#4 Ends soon' \
    '#2 &lt;script&gt;alert(1)&lt;/script&gt; | x'; do
	grep -qF "<text class=\"label\" x=\"4\" y=\"[0-9.]*\">$label</text>" \
	    "$T/dom.html" 2>/dev/null ||
	    grep -q "class=\"label\"[^>]*>$(printf '%s' "$label" |
	    sed 's/[][\.*^$|]/\\&/g')</text>" "$T/dom.html" && ok ||
	    bad "no bar labelled '$label'"
done
grep -q 'class="bar overdue" data-id="2"' "$T/dom.html" && ok ||
    bad "the overdue bar is not marked"
grep -q 'class="bar sunset" data-id="4"' "$T/dom.html" && ok ||
    bad "the sunset bar is not marked"

t "a hostile title stays text: no script element in the DOM"
if grep -qi '<script' "$T/dom.html"; then bad "a script element"; else ok; fi

t "the page loads with no console error and fetches nothing"
if grep -Ei 'CONSOLE|Refused to|Content Security Policy|ERR_' \
    "$T/chrome.err" | grep -v 'dbus\|gpu\|GPU' >"$T/console"; then
	bad "console: $(head -c 300 "$T/console")"
else
	ok
fi

t "a screenshot is not blank"
chrome --screenshot="$T/shot.png" --window-size=1100,1200 \
    >/dev/null 2>&1
size=$(wc -c <"$T/shot.png" 2>/dev/null || echo 0)
[ "$size" -gt 20000 ] && ok || bad "screenshot of $size bytes"
# Not one colour: many distinct byte values in the image data.
distinct=$(od -An -tu1 -v "$T/shot.png" 2>/dev/null | tr -s ' ' '\n' |
    sort -u | wc -l)
[ "$distinct" -gt 200 ] && ok || bad "$distinct distinct bytes"

t "printing gives A4 pages"
chrome --print-to-pdf="$T/page.pdf" --no-pdf-header-footer >/dev/null 2>&1
# A4 is 595.28 x 841.89 points; Chromium writes 594.96 x 841.92.
a4='/MediaBox \[0 0 59[45][.0-9]* 84[12][.0-9]*\]'
grep -aq "$a4" \
    "$T/page.pdf" && ok || bad "no A4 MediaBox: $(grep -ao '/MediaBox[^]]*]' "$T/page.pdf" | head -1)"
if grep -ao '/MediaBox[^]]*]' "$T/page.pdf" | grep -qv "$a4"; then
	bad "a page that is not A4"
else
	ok
fi
rm -rf "$profile"
finish
