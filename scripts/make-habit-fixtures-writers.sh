#!/usr/bin/env bash
# Makes the habit fixtures written by other writers than Word, each with its own habits, from the
# sources in Fixtures/sources (what each shows: Fixtures/sources/habits.md; the JSON each must give:
# scripts/habit-expectations.py, written by hand):
#   habit-libreoffice-split.html -> Fixtures/habit-libreoffice-split.docx  (LibreOffice headless)
#   habit-pandoc.md              -> Fixtures/habit-pandoc.docx             (pandoc, markdown grid tables)
# Run once; the .docx files are committed, and `make test` needs neither writer.
# Needs Debian's libreoffice-writer-nogui and pandoc (apt-get install -y libreoffice-writer-nogui pandoc).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "needs soffice: apt-get install -y libreoffice-writer-nogui" >&2; exit 2; }
command -v pandoc >/dev/null || { echo "needs pandoc: apt-get install -y pandoc" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# LibreOffice: an HTML plan whose FØR table is two tables (labels, then values) with an empty
# paragraph between them in the source; LibreOffice drops that paragraph, so the two tables touch.
for name in habit-libreoffice-split; do
  soffice --headless -env:UserInstallation=file://"$tmp"/profile --convert-to docx:"MS Word 2007 XML" \
    --outdir "$tmp" "Fixtures/sources/$name.html" >/dev/null
  cp "$tmp/$name.docx" "Fixtures/$name.docx"
  echo "wrote Fixtures/$name.docx"
done

# pandoc: a plan typed in markdown; each grid table's first row is pandoc's header row (the labels,
# w:tblHeader), one label in English, the workplaces on lines ended by "\" (hard line breaks, w:br).
# SOURCE_DATE_EPOCH keeps the document's dates (and so its bytes) the same from run to run.
SOURCE_DATE_EPOCH=1740000000 pandoc -f markdown -t docx -o Fixtures/habit-pandoc.docx Fixtures/sources/habit-pandoc.md
echo "wrote Fixtures/habit-pandoc.docx"
