#!/usr/bin/env bash
# N legacy plans (.doc, made from built plans by LibreOffice in one process, default 200)
# imported with 1 and 2 jobs: files per second and peak memory, against the same files
# converted by hand with `soffice --convert-to docx` in one process. Part of `make bench`
# when LibreOffice is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-200}
BIN=${BIN:-.build/release/maalplan}
command -v soffice >/dev/null || { echo "legacy bench skipped: no soffice (apt-get install libreoffice-writer-nogui)"; exit 0; }
[ -x "$BIN" ] && [ -x .build/release/make-plans ] || make build >/dev/null
work=$(mktemp -d /tmp/maalplan-bench-legacy.XXXXXX)
trap 'rm -rf "$work"' EXIT
.build/release/make-plans "$N" "$work/docx" >/dev/null
mkdir -p "$work/doc" "$work/byhand"
soffice -env:UserInstallation=file://"$work/profile" --headless --norestore --convert-to doc --outdir "$work/doc" "$work"/docx/*.docx >/dev/null 2>&1
/usr/bin/time -q -f '%e %M' -o "$work/t" soffice -env:UserInstallation=file://"$work/profile" --headless --norestore \
  --convert-to docx --outdir "$work/byhand" "$work"/doc/*.doc >/dev/null 2>&1
read -r hand handkib < "$work/t"
line="legacy bench  N=$N .doc  by hand (one soffice, --convert-to docx): ${hand} s, peak $((handkib / 1024)) MiB"
for jobs in 1 2; do
  rm -f "$work/x.sqlite"*
  /usr/bin/time -q -f '%e %M' -o "$work/t" "$BIN" import "$work/doc" --db "$work/x.sqlite" --jobs $jobs >/dev/null 2>&1 || true
  read -r s kib < "$work/t"
  rate=$(awk "BEGIN{printf \"%.1f\", $N / $s}")
  line="$line;  import --jobs $jobs: ${s} s, ${rate} files/s, peak $((kib / 1024)) MiB (the largest process, LibreOffice)"
  /usr/bin/time -q -f '%e' -o "$work/t" "$BIN" import "$work/doc" --db "$work/x.sqlite" --jobs $jobs >/dev/null 2>&1 || true
  line="$line, re-run $(cat "$work/t") s"
done
mkdir -p bench/out
echo "$line" | tee bench/out/legacy-results.txt
