#!/usr/bin/env bash
# What maalplan makes of every document the project has, as text files in one folder: run it for
# two builds and `diff -r` the folders. The check that a change meant to keep behaviour kept it.
#
#   bash bench/snapshot.sh BIN OUT
#
# BIN holds the release programs (maalplan, maalplan-store, make-plans), e.g. .build/release;
# OUT is made anew. What it writes:
#   convert/      `maalplan convert` of every Fixture, reference document and corpus file (JSON,
#                 or the refusal line and exit status), in Danish, and the Fixtures in English;
#   validate/     `maalplan validate --format json` and text, both languages, per Fixture and
#                 reference document;
#   inspect/      `maalplan inspect --format json` of every Fixture (the reader's model);
#   import.txt    bench/canonical-dump.py of one import of Fixtures, the reference documents, the
#                 corpus and 300 plans made by make-plans (the same 300 every time);
#   report.txt, report.csv  `maalplan report` of that database.
# Paths in the output are relative to the project (or to the plans' folder), so two checkouts compare.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(cd "$1" && pwd)
OUT=$2
SHARED=../shared
rm -rf "$OUT"
mkdir -p "$OUT/convert" "$OUT/validate" "$OUT/inspect"
export TZ=UTC MAALPLAN_LANG=da

name() { printf '%s' "$1" | sed 's|^\.\./shared/||; s|/|__|g'; }

run() {  # out-file, command... : stdout, then stderr and exit status when not 0
  local f=$1; shift
  local rc=0
  "$@" >"$f" 2>"$f.err" || rc=$?
  if [ -s "$f.err" ] || [ $rc -ne 0 ]; then { echo "--- stderr (exit $rc)"; cat "$f.err"; } >>"$f"; fi
  rm -f "$f.err"
}

docs=(Fixtures/*.docx Fixtures/*.docm Fixtures/*.dotx)
shared_docs=()
if [ -d "$SHARED/reference" ]; then shared_docs+=("$SHARED"/reference/*.docx); fi
corpus=()
if [ -d "$SHARED/corpus/third-party" ]; then
  mapfile -t corpus < <(find "$SHARED/corpus/third-party" -type f \( -name '*.docx' -o -name '*.docm' -o -name '*.dotx' \) | LC_ALL=C sort)
fi

for f in "${docs[@]}" "${shared_docs[@]}" "${corpus[@]}"; do
  run "$OUT/convert/$(name "$f").json" "$BIN/maalplan" convert "$f"
done
for f in "${docs[@]}"; do
  run "$OUT/convert/$(name "$f").en.json" "$BIN/maalplan" convert --lang en "$f"
  run "$OUT/inspect/$(name "$f").json" "$BIN/maalplan" inspect --format json "$f"
done
for f in "${docs[@]}" "${shared_docs[@]}"; do
  for lang in da en; do
    run "$OUT/validate/$(name "$f").$lang.json" "$BIN/maalplan" validate --format json --lang "$lang" "$f"
    run "$OUT/validate/$(name "$f").$lang.txt" "$BIN/maalplan" validate --lang "$lang" "$f"
    run "$OUT/validate/$(name "$f").$lang.under2.txt" "$BIN/maalplan" validate --phase under2 --lang "$lang" "$f"
  done
done

# One import of everything, from a folder of its own (so paths compare across checkouts).
work=$(mktemp -d "${TMPDIR:-/tmp}/maalplan-snapshot.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in/plans"
cp -r Fixtures "$work/in/Fixtures"
[ -d "$SHARED/reference" ] && cp -r "$SHARED/reference" "$work/in/reference"
[ -d "$SHARED/corpus/third-party" ] && cp -r "$SHARED/corpus/third-party" "$work/in/corpus"
"$BIN/make-plans" 300 "$work/in/plans" >/dev/null
(cd "$work/in" && run "$work/import.out" "$BIN/maalplan" import . --db "$work/db.sqlite" --jobs 2)
sed -E "s|$work/||g; s/[0-9]+[.,][0-9]+ s \([0-9.,]+ filer\/s\)/<time>/" "$work/import.out" >"$OUT/import-summary.txt"
python3 bench/canonical-dump.py "$work/db.sqlite" "$work/in" >"$OUT/import.txt"
run "$OUT/report.txt" "$BIN/maalplan" report --db "$work/db.sqlite"
run "$OUT/report.en.csv" "$BIN/maalplan" report --db "$work/db.sqlite" --format csv --lang en
# Plans that tie in the report's order (same year, title and case number) come in the order the
# import stored them, which varies with several jobs: the lines are compared sorted.
for f in "$OUT/report.txt" "$OUT/report.en.csv"; do sed "s|$work/in/||g" "$f" | LC_ALL=C sort >"$f.sorted"; mv "$f.sorted" "$f"; done
echo "snapshot: $(find "$OUT" -type f | wc -l) files in $OUT"
