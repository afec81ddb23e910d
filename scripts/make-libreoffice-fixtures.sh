#!/usr/bin/env bash
# Makes the fixtures written by LibreOffice (another writer, with its own habits) from the
# HTML sources in Fixtures/sources. Run once; the .docx files are committed, and `make test`
# does not need LibreOffice. Needs Debian's libreoffice-writer-nogui.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "needs soffice: apt-get install -y libreoffice-writer-nogui" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for src in Fixtures/sources/*.html; do
  name=$(basename "$src" .html)
  soffice --headless -env:UserInstallation=file://"$tmp"/profile --convert-to docx:"MS Word 2007 XML" --outdir "$tmp" "$src" >/dev/null
  cp "$tmp/$name.docx" "Fixtures/$name.docx"
  echo "wrote Fixtures/$name.docx"
done
