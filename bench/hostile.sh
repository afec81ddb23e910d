#!/usr/bin/env bash
# Issue 13's small hostile documents (bench/hostile.py), each converted once as a process:
# wall time and peak memory (/usr/bin/time), and how it ended. Part of `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/maalplan}
OUT=bench/out/hostile
[ -x "$BIN" ] || make build >/dev/null
python3 bench/hostile.py "$OUT"
printf '%-22s %9s %8s %9s  %s\n' file bytes seconds "peak KiB" "outcome"
for f in "$OUT"/*.docx; do
  rc=0
  /usr/bin/time -q -f '%e %M' -o "$OUT/time.txt" "$BIN" convert "$f" -o "$OUT/out.json" 2>"$OUT/err.txt" || rc=$?
  read -r secs kib < "$OUT/time.txt"
  outcome=$([ "$rc" = 0 ] && echo "read" || cut -c1-90 "$OUT/err.txt" | sed "s|^maalplan: $OUT/||")
  printf '%-22s %9s %8s %9s  %s\n' "$(basename "$f")" "$(stat -c %s "$f")" "$secs" "$kib" "$outcome"
done | tee bench/out/hostile-results.txt
