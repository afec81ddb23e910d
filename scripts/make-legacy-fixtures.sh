#!/usr/bin/env bash
# Makes LegacyFixtures/: Fixtures saved by LibreOffice as Word 97-2003 (.doc), RTF and
# OpenDocument (.odt), as people who keep old plans or use LibreOffice have them, plus a
# damaged .doc and an empty .rtf. Run once by hand (needs libreoffice-writer-nogui); the files
# are committed, so `make test` needs no LibreOffice to have them.
set -euo pipefail
cd "$(dirname "$0")/.."
out=LegacyFixtures
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
rm -rf "$out"
mkdir -p "$out"
for name in 2025-under1 2025-two-goals 2024-complete 2024-under1; do
  for fmt in doc rtf odt; do
    soffice -env:UserInstallation=file://"$profile" --headless --norestore --convert-to "$fmt" --outdir "$out" "Fixtures/$name.docx" >/dev/null 2>&1
  done
done
# A .doc cut off half-way, and an .rtf with nothing in it.
head -c 4096 "$out/2025-under1.doc" > "$out/damaged.doc"
: > "$out/empty.rtf"
ls -la "$out"
