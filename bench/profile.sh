#!/usr/bin/env bash
# Where the Swift reader spends its time beyond the floor: callgrind (instruction counts,
# not disturbed by other work on the machine) of maalplan-bench-read and of the floor
# (-p same) over the same files, then the top functions of each.
#
#   bash bench/profile.sh [FILE...]      (default: Fixtures/tryghed-2025-complete.docx)
#
# Needs bench/run.sh to have built .build-bench and bench/out/floor once; valgrind.
# Output: bench/out/callgrind.{model,floor}.out (open with callgrind_annotate or kcachegrind).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
BIN=.build-bench/release
PASSES=${PASSES:-5}
[ $# -gt 0 ] || set -- Fixtures/tryghed-2025-complete.docx
command -v valgrind >/dev/null || { echo "profile: valgrind is missing (apt-get install valgrind)" >&2; exit 1; }
[ -x "$BIN/maalplan-bench-read" ] && [ -x "$OUT/floor" ] || { echo "profile: run bench/run.sh first" >&2; exit 1; }

valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.model.out" \
  "$BIN/maalplan-bench-read" -w 0 "$PASSES" "$@" 2>&1 | grep -E 'refs|model '
valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.floor.out" \
  "$OUT/floor" -w 0 -p same "$PASSES" "$@" 2>&1 | grep -E 'refs|floor'

demangle() { if command -v swift >/dev/null; then swift demangle --simplified; else cat; fi; }
short() { sed -E 's# \[/[^]]*/([^/]+)\]$# [\1]#; s#/work/main/Sources/##' | cut -c1-200; }

by_library() {
  callgrind_annotate --inclusive=no --threshold=100 "$1" 2>/dev/null \
    | sed -n '/file:function/,$p' \
    | awk '{gsub(",","",$1); n=$1+0; if (match($0,/\[[^]]*\]$/)) {l=substr($0,RSTART+1,RLENGTH-2); sub(/.*\//,"",l); s[l]+=n}}
           END{for (l in s) if (s[l] > 1e5) printf "%14.1f M  %s\n", s[l]/1e6, l}' | sort -rn
}
echo "== model: instructions by library"
by_library "$OUT/callgrind.model.out"
echo "== floor: instructions by library"
by_library "$OUT/callgrind.floor.out"
echo "== model: top functions, self"
callgrind_annotate --inclusive=no "$OUT/callgrind.model.out" 2>/dev/null | sed -n '/file:function/,$p' | sed -n 3,32p | demangle | short
echo "== model: the reader's own functions, inclusive"
callgrind_annotate --inclusive=yes --threshold=100 "$OUT/callgrind.model.out" 2>/dev/null \
  | grep -E 'maalplan-bench-read\]|libFoundation' | sed -n 1,40p | demangle | short
echo "== floor: top functions, self"
callgrind_annotate --inclusive=no "$OUT/callgrind.floor.out" 2>/dev/null | sed -n '/file:function/,$p' | sed -n 3,15p | short
