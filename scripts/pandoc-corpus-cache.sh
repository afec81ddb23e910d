#!/usr/bin/env bash
# Builds Tests/CorpusTests/pandoc-words.tsv: pandoc's words for every file of the
# third-party corpus, so that CorpusTests can measure our reader against pandoc
# without needing pandoc (CI has the corpus, not necessarily pandoc).
#
#   scripts/pandoc-corpus-cache.sh [--raw DIR] [CORPUS_DIR] [OUT_FILE]
#
# CORPUS_DIR defaults to <repo>/../shared/corpus/third-party, OUT_FILE to
# <repo>/Tests/CorpusTests/pandoc-words.tsv. --raw DIR also keeps pandoc's plain
# text of each file in DIR (for comparing with `maalplan inspect FILE`).
#
# Reference reader: pandoc -f docx -t plain --wrap=none FILE, 30 s per file.
#
# The output, one line per corpus file, sorted by name, tab-separated:
#   <folder>/<file>  <sha256 of the file>  ok|fail  <word>:<count> <word>:<count> ...
# "fail" means pandoc exited non-zero or timed out; such files carry no words.
#
# A word is a maximal run of Unicode scalars whose general category is a letter,
# mark or number (L*, M*, N*), taken from the NFC-normalised text, each scalar
# lowercased with its full, context-free Unicode lowercase mapping, then NFC again.
# CorpusTests.swift implements exactly this (Corpus.words); keep the two alike.
#
# Two characters are treated specially on both sides, as Word shows them:
#   * U+00AD SOFT HYPHEN is dropped (it does not end a word; pandoc writes one for
#     w:softHyphen, we write nothing);
#   * superscript and subscript digits (¹²³⁰⁴-⁹, ₀-₉) and ⁱ ⁿ count as the plain
#     digit or letter (pandoc writes w:vertAlign superscript "2" as "²", we write
#     "2"; Word shows a "2" either way).
#
# Text pandoc invents and our reader deliberately does not produce is removed
# from pandoc's side before counting:
#   * list markers: pandoc's plain writer prints the label of an ordered list item
#     ("1.  ", "a)  ", "iv. ", "(2) ") at the start of the item's first line; our
#     model keeps list membership (numId/level/format) but not the rendered label.
#     A marker is removed only in pandoc's layout: at line start (after indentation)
#     or at the start of a grid-table cell ("| 1.  "), padded with spaces to at least
#     4 columns, repeatedly ("1.  a.  foo" for a list starting inside a list), so
#     "I. Introduction" typed by the author stays.
#   * note references: pandoc prints "[1]" where a footnote is referenced and
#     "[1] " before the note's text at the end; the numbers are pandoc's own
#     (removed without a space: Word shows a superscript number there, not a gap).
#   * "[TABLE]", pandoc's stand-in for a table its plain writer cannot lay out
#     (the table's text is then not in pandoc's output at all).
#   * super-/subscript markup: what pandoc cannot write with Unicode super- or
#     subscript characters it writes as "^(th)" or "_(MH)"; the parentheses and the
#     mark go, so "OR_(MH)" reads "ORMH", as the runs read in Word and in our text.
#   * TeX control words in math: an equation pandoc cannot write as Unicode text it
#     writes as TeX ("$\sigma_{2006}$", "\begin{pmatrix}"); the control words
#     ("sigma", "pmatrix", "frac") are removed inside $...$ / $$...$$. The
#     equation's own letters and digits still count.
# Nothing else is filtered; in particular image alt text, placeholder text of content
# controls, hidden text, math and table text count on pandoc's side. On our side
# CorpusTests counts `inspect`'s text (WordDocument.plainText: body, tables, text
# boxes, notes) plus header and footer text; not image descriptions, not placeholders.
# Another pandoc version may lay text out differently: regenerate with the one named
# in the file's first line, or review the change in coverage.
set -euo pipefail
export LC_ALL=C.UTF-8

raw=""
if [[ "${1:-}" == "--raw" ]]; then raw=$2; shift 2; mkdir -p "$raw"; fi
repo=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$repo/../shared/corpus/third-party}
out=${2:-$repo/Tests/CorpusTests/pandoc-words.tsv}

command -v pandoc >/dev/null || { echo "pandoc is not installed (apt-get install pandoc)" >&2; exit 1; }
[[ -d "$corpus" ]] || { echo "no corpus at $corpus" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# name <TAB> sha256 <TAB> status <TAB> file holding pandoc's text
: > "$tmp/index"
n=0
while IFS= read -r rel; do
    n=$((n + 1))
    f="$corpus/$rel"
    sha=$(sha256sum < "$f" | cut -d' ' -f1)
    status=ok
    timeout 30 pandoc -f docx -t plain --wrap=none "$f" > "$tmp/$n.txt" 2>/dev/null || status=fail
    if [[ $status == fail ]]; then : > "$tmp/$n.txt"; fi
    if [[ -n "$raw" ]]; then cp "$tmp/$n.txt" "$raw/${rel//\//__}.txt"; fi
    printf '%s\t%s\t%s\t%s\n' "$rel" "$sha" "$status" "$tmp/$n.txt" >> "$tmp/index"
done < <(cd "$corpus" && find . -mindepth 2 -type f | sed 's|^\./||' | sort)

python3 - "$tmp/index" "$out" "$(pandoc --version | head -1)" <<'PY'
import re, sys, unicodedata
from collections import Counter

index, out, version = sys.argv[1:4]

# Super- and subscript digits (and ⁱ ⁿ) as the plain character.
FOLD = {0xB9: "1", 0xB2: "2", 0xB3: "3", 0x2071: "i", 0x207F: "n"}
FOLD.update({0x2070 + d: str(d) for d in (0, 4, 5, 6, 7, 8, 9)})
FOLD.update({0x2080 + d: str(d) for d in range(10)})

def words(text):
    """Maximal runs of L*/M*/N* scalars of the NFC text, lowercased per scalar, NFC."""
    text = unicodedata.normalize("NFC", text)
    result, cur = [], []
    for ch in text:
        if ch == "\u00ad":
            continue
        ch = FOLD.get(ord(ch), ch)
        if unicodedata.category(ch)[0] in "LMN":
            cur.append(ch.lower())   # one scalar: context-free full mapping
        elif cur:
            result.append(unicodedata.normalize("NFC", "".join(cur)))
            cur = []
    if cur:
        result.append(unicodedata.normalize("NFC", "".join(cur)))
    return result

# An ordered-list label as pandoc's plain writer lays it out (see the header).
marker = re.compile(r"^([ \t]*)(\(?(?:[0-9]+|[A-Za-z]|[ivxlcdmIVXLCDM]+)[.)])( +)")
noteref = re.compile(r"\[[0-9]+\]")
subsup = re.compile(r"[_^]\(([^()\n]*)\)")
math = re.compile(r"\$\$?[^$]+\$\$?")
control = re.compile(r"\\[A-Za-z]+")

def unmark(segment):
    while True:
        m = marker.match(segment)
        if not (m and len(m.group(2)) + len(m.group(3)) >= 4):
            return segment
        segment = m.group(1) + " " * (len(m.group(2)) + len(m.group(3))) + segment[m.end():]

def strip(text):
    text = math.sub(lambda m: control.sub(" ", m.group(0)), text)
    text = subsup.sub(lambda m: m.group(1), text)
    lines = []
    for line in text.split("\n"):
        if line.startswith("|") and line.rstrip().endswith("|"):   # a grid-table row
            line = "|".join(unmark(cell) for cell in line.split("|"))
        else:
            line = unmark(line)
        lines.append(noteref.sub("", line).replace("[TABLE]", " "))
    return "\n".join(lines)

rows, ok = [], 0
with open(index, encoding="utf-8") as f:
    for line in f:
        name, sha, status, path = line.rstrip("\n").split("\t")
        counts = ""
        if status == "ok":
            ok += 1
            with open(path, encoding="utf-8", errors="replace") as t:
                c = Counter(words(strip(t.read())))
            counts = " ".join(f"{w}:{n}" for w, n in sorted(c.items()))
        rows.append(f"{name}\t{sha}\t{status}\t{counts}\n")

with open(out, "w", encoding="utf-8") as f:
    f.write(f"# pandoc's words per corpus file; written by scripts/pandoc-corpus-cache.sh with {version}.\n")
    f.write("# name\tsha256\tok|fail\tword:count ...\n")
    f.writelines(rows)
print(f"{out}: {len(rows)} files, pandoc read {ok}", file=sys.stderr)
PY
