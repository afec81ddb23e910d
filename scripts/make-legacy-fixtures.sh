#!/usr/bin/env bash
# Makes LegacyFixtures/: every Fixture saved by LibreOffice as Word 97-2003 (.doc), RTF and
# OpenDocument (.odt), and the template as a Word 97-2003 template (.dot) too, as people who keep
# old plans or use LibreOffice have them; plus a damaged .doc and an empty .rtf. Run once by hand
# (needs libreoffice-writer-nogui); the files are committed, so `make test` needs no LibreOffice to
# have them. What LibreOffice's export loses on the way is said in Tests/CommandTests/LegacyTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
out=LegacyFixtures
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
rm -rf "$out"
mkdir -p "$out"
convert() {   # format, files...
  local fmt=$1
  shift
  soffice -env:UserInstallation=file://"$profile" --headless --norestore --convert-to "$fmt" --outdir "$out" "$@" >/dev/null 2>&1
}
for fmt in doc rtf odt; do
  convert "$fmt" Fixtures/*.docx Fixtures/*.docm Fixtures/*.dotx
done
convert dot Fixtures/*.dotx
# An .odt saved with a password (RTF has none to give), and a .doc marked as saved with one: its
# File Information Block's fEncrypted set (LibreOffice saves no .doc with a password; Word sets
# this flag and encrypts the text, which is refused before anything reads it).
/usr/bin/python3 scripts/save-with-password.py Fixtures/2025-under1.docx "$out/med adgangskode.odt" hemmelig >/dev/null 2>&1
python3 - "$out/2025-under1.doc" "$out/med adgangskode.doc" <<'PY'
import sys
doc = bytearray(open(sys.argv[1], "rb").read())
fib = next(i for i in range(512, len(doc) - 512, 512) if doc[i] == 0xEC and doc[i + 1] == 0xA5)
doc[fib + 0x0B] |= 0x01
open(sys.argv[2], "wb").write(doc)
PY
# A .doc cut off half-way, and an .rtf with nothing in it.
head -c 4096 "$out/2025-under1.doc" > "$out/damaged.doc"
: > "$out/empty.rtf"
ls "$out" | sed 's/.*\.//' | sort | uniq -c
