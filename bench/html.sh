#!/usr/bin/env bash
# The HTML status report of N built plans (default 2,000): the time `report --format html`
# takes as a process (best of 3), the page's size, and the time headless chromium takes to
# open it and run its script (--dump-dom), next to a blank page's. Part of `make bench`.
# Target: 2,000 plans in <= 2 s.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-2000}
BIN=${BIN:-.build/release/maalplan}
[ -x "$BIN" ] && [ -x .build/release/make-plans ] || make build >/dev/null
work=$(mktemp -d /tmp/maalplan-bench-html.XXXXXX)
trap 'rm -rf "$work"' EXIT
.build/release/make-plans "$N" "$work/plans" >/dev/null
"$BIN" import "$work/plans" --db "$work/x.sqlite" >/dev/null
best=""
for r in 1 2 3; do
  /usr/bin/time -q -f '%e %M' -o "$work/t" "$BIN" report --db "$work/x.sqlite" --format html --as-of 2025-08-20 -o "$work/status.html" >/dev/null
  read -r s kib < "$work/t"
  if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; peak=$kib; fi
done
size=$(stat -c %s "$work/status.html")
line="html report  N=$N  write: ${best} s (best of 3), peak $((peak / 1024)) MiB, page $((size / 1024)) KiB"
if command -v chromium >/dev/null 2>&1; then
  echo '<!DOCTYPE html><title>x</title>' > "$work/blank.html"
  open() { /usr/bin/time -q -f '%e' -o "$work/c" chromium --headless=new --no-sandbox --disable-gpu --user-data-dir="$work/profile" --dump-dom "file://$1" >/dev/null 2>&1; cat "$work/c"; }
  blank=$(open "$work/blank.html"); page=$(open "$work/status.html")
  line="$line; chromium opens it (dump-dom) in $page s (a blank page: $blank s)"
fi
mkdir -p bench/out
echo "$line" | tee bench/out/html-results.txt
awk "BEGIN{exit !($best <= 2.0)}" && echo "target: <= 2 s for 2,000 plans: ok" || echo "target: <= 2 s for 2,000 plans: OVER"
