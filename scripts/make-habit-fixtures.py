#!/usr/bin/env python3
"""Makes Fixtures/habit-*.docx with python-docx: copies of the reference documents in
../shared/reference, edited the way staff edit them in Word (see Fixtures/sources/habits.md
for what each one shows and what the tool must report).

Run from anywhere: `python3 scripts/make-habit-fixtures.py [REFERENCE_DIR]` (default
../shared/reference beside the project). The .docx files are committed; `make test` needs
neither python-docx nor the reference folder. The expected JSON is NOT written from these
documents: scripts/habit-expectations.py holds it, written by hand.

The writers' fixtures (LibreOffice, pandoc) are made by scripts/make-habit-fixtures-writers.sh.
"""
import copy
import pathlib
import sys

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

ROOT = pathlib.Path(__file__).resolve().parent.parent
REF = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference"
if not (REF / "maalplan-2025-blank.docx").exists():
    # In a git worktree outside the main checkout, ../shared is not beside the project.
    REF = pathlib.Path("/work/shared/reference")
OUT = ROOT / "Fixtures"

BLANK = "maalplan-2025-blank.docx"
COMPLETE = "tryghed-2025-complete.docx"
SHEETS_2024 = "tryghed-2024-phase-sheets.docx"

# The five guidance cells of the 2025 template, as (table index, column) of the goal tables
# counted from the goal's first table (0 = Mål & målgruppe, 1 = Tegn | Prøvehandling, 2 = Milepælsplan ...).
GUIDED = {"signs": (1, 0), "trialActions": (1, 1), "milestones": (2, 0), "evaluation": (2, 1), "learning": (2, 2)}
PLAIN_GOAL = {"goal": (0, 0), "objective": (0, 1), "challenge": (0, 2)}


# MARK: XML helpers

def W(tag):
    return qn("w:" + tag)


def body(doc):
    return doc.element.body


def tables(doc):
    """The body's tables in order (not nested ones)."""
    return [e for e in body(doc) if e.tag == W("tbl")]


def rows(tbl):
    return tbl.findall(W("tr"))


def cells(tr):
    return tr.findall(W("tc"))


def tc(tbl, r, c):
    return cells(rows(tbl)[r])[c]


def run(text, bold=False, breaks_before=False):
    r = OxmlElement("w:r")
    if bold:
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:b"))
        r.append(rpr)
    if breaks_before:
        r.append(OxmlElement("w:br"))
    t = OxmlElement("w:t")
    t.text = text
    if text != text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    return r


def paragraph(text=None, bold=False):
    """A paragraph; `text` a string, a list of strings (lines joined by Shift+Enter, w:br), or None (empty)."""
    p = OxmlElement("w:p")
    if text is None:
        return p
    if isinstance(text, str):
        p.append(run(text, bold))
    else:
        for i, line in enumerate(text):
            p.append(run(line, bold, breaks_before=i > 0))
    return p


def clear(tc_el):
    for child in list(tc_el):
        if child.tag != W("tcPr"):
            tc_el.remove(child)


def set_lines(tc_el, lines):
    """A cell's content: one paragraph per line (a line given as a list is one paragraph with w:br)."""
    clear(tc_el)
    for line in lines or [None]:
        tc_el.append(paragraph(line))


def set_label(tc_el, text):
    """A label retyped: the cell keeps its bold run, with other words."""
    clear(tc_el)
    tc_el.append(paragraph(text, bold=True))


def paragraph_texts(tc_el):
    return ["".join(t.text or "" for t in p.iter(W("t"))) for p in tc_el.findall(W("p"))]


def set_guided(tc_el, guidance, answers, where):
    """A guidance cell: `where` is "above" (guidance, an empty line, the answers: how the reference
    keeps it), "deleted" (answers only) or "left" (guidance only, nothing typed: the blank template's
    four empty paragraphs)."""
    clear(tc_el)
    if where in ("above", "left"):
        for g in guidance:
            tc_el.append(paragraph(g))
        tc_el.append(paragraph())
    if where == "left":
        for _ in range(3):
            tc_el.append(paragraph())
        return
    for a in answers:
        tc_el.append(paragraph(a))
    if not answers:
        tc_el.append(paragraph())


def blank_guidance():
    """The template's guidance, per field, as the blank template has it (its non-empty paragraphs)."""
    doc = Document(REF / BLANK)
    t = tables(doc)
    out = {}
    for field, (ti, col) in GUIDED.items():
        out[field] = [s for s in paragraph_texts(tc(t[1 + ti], 1, col)) if s]
    return out


GUIDANCE = None


def insert_after(anchor, *elements):
    for e in elements:
        anchor.addnext(e)
        anchor = e
    return anchor


def following_paragraph(tbl):
    """The empty paragraph Word keeps after a table, if there is one."""
    n = tbl.getnext()
    return n if n is not None and n.tag == W("p") else tbl


def split_table(tbl, after_row, paragraph_between=True):
    """Splits a table after `after_row` rows (as Ctrl+Shift+Enter, or an Enter in the wrong place,
    does): the rows below go to a new table right after it, with an empty paragraph between or
    not. Returns the new table."""
    lower = copy.deepcopy(tbl)
    for tr in rows(tbl)[after_row:]:
        tbl.remove(tr)
    for tr in rows(lower)[:after_row]:
        lower.remove(tr)
    if paragraph_between:
        insert_after(tbl, paragraph(), lower)
    else:
        insert_after(tbl, lower)
    return lower


def regrid_doubled(tbl):
    """The table's grid doubled: every grid column cut in two, every cell spanning two of them
    (what is left when a row comes from a table with twice the columns and pairs were merged)."""
    grid = tbl.find(W("tblGrid"))
    widths = [int(g.get(W("w"))) for g in grid.findall(W("gridCol"))]
    for g in list(grid):
        grid.remove(g)
    for w in widths:
        for half in (w // 2, w - w // 2):
            g = OxmlElement("w:gridCol")
            g.set(W("w"), str(half))
            grid.append(g)
    for tr in rows(tbl):
        for c in cells(tr):
            tcpr = c.find(W("tcPr"))
            span = OxmlElement("w:gridSpan")
            span.set(W("val"), "2")
            tcw = tcpr.find(W("tcW"))
            if tcw is not None:
                tcw.addnext(span)
            else:
                tcpr.insert(0, span)


def add_column(tbl, label, value, width=2635):
    """A fourth column added at the right (Layout > Insert Right), the others narrowed to fit."""
    grid = tbl.find(W("tblGrid"))
    for g in grid.findall(W("gridCol")):
        g.set(W("w"), str(width))
    g = OxmlElement("w:gridCol")
    g.set(W("w"), str(width))
    grid.append(g)
    for i, tr in enumerate(rows(tbl)):
        for c in cells(tr):
            c.find(W("tcPr")).find(W("tcW")).set(W("w"), str(width))
        new = copy.deepcopy(cells(tr)[-1])
        if i == 0:
            set_label(new, label)
        else:
            set_lines(new, [value])
        tr.append(new)


def drag_border(tbl, row, border, by):
    """One row's border between its cells `border` and `border` + 1 dragged `by` twips (to the left
    when negative), that row's cells alone selected, as Word does it: the grid gets a column edge
    for every border of every row, and each cell spans the grid columns between its borders."""
    grid = tbl.find(W("tblGrid"))
    widths = [int(g.get(W("w"))) for g in grid.findall(W("gridCol"))]
    edges_of = []
    for tr in rows(tbl):
        at, edges = 0, [0]
        for c in cells(tr):
            span = c.find(W("tcPr")).find(W("gridSpan"))
            n = int(span.get(W("val"))) if span is not None else 1
            at += n
            edges.append(sum(widths[:at]))
        edges_of.append(edges)
    edges_of[row][border + 1] += by
    new = sorted(set(e for edges in edges_of for e in edges))
    for g in list(grid):
        grid.remove(g)
    for a, b in zip(new, new[1:]):
        g = OxmlElement("w:gridCol")
        g.set(W("w"), str(b - a))
        grid.append(g)
    for tr, edges in zip(rows(tbl), edges_of):
        for c, a, b in zip(cells(tr), edges, edges[1:]):
            tcpr = c.find(W("tcPr"))
            tcw = tcpr.find(W("tcW"))
            tcw.set(W("w"), str(b - a))
            tcw.set(W("type"), "dxa")
            old = tcpr.find(W("gridSpan"))
            if old is not None:
                tcpr.remove(old)
            n = new.index(b) - new.index(a)
            if n > 1:
                span = OxmlElement("w:gridSpan")
                span.set(W("val"), str(n))
                tcw.addnext(span)


def copy_row(tbl, index, before=None):
    """Row `index` copied (as select row, Copy, Paste Rows): to the end of the table, or above row
    `before`. Returns the new row."""
    new = copy.deepcopy(rows(tbl)[index])
    if before is None:
        rows(tbl)[-1].addnext(new)
    else:
        rows(tbl)[before].addprevious(new)
    return new


def add_merged_row(tbl, text):
    """A row added at the end (Insert Below) and its cells merged into one (Merge Cells) spanning the
    whole grid, with `text` typed in it."""
    tr = copy.deepcopy(rows(tbl)[-1])
    grid = [int(g.get(W("w"))) for g in tbl.find(W("tblGrid")).findall(W("gridCol"))]
    for c in cells(tr)[1:]:
        tr.remove(c)
    first = cells(tr)[0]
    tcw = first.find(W("tcPr")).find(W("tcW"))
    tcw.set(W("w"), str(sum(grid)))
    span = OxmlElement("w:gridSpan")
    span.set(W("val"), str(len(grid)))
    tcw.addnext(span)
    set_lines(first, [text])
    rows(tbl)[-1].addnext(tr)
    return tr


def set_label_with_note(tc_el, label, note):
    """A label cell with a note typed below the label (Enter, then the note in plain text)."""
    clear(tc_el)
    tc_el.append(paragraph(label, bold=True))
    tc_el.append(paragraph(note))


# MARK: Document-level edits

def set_case_number(doc, number):
    """The header's "Husk at gemme ... på sag: <number>" with another case."""
    hdr = doc.sections[0].header
    for p in hdr.paragraphs:
        if "på sag:" in p.text:
            for r in p.runs[1:]:
                r._r.getparent().remove(r._r)
            p.runs[0].text = f"Husk at gemme og løbende opdatere målplanen på sag: {number}"
            return
    raise SystemExit("no case number paragraph in the header")


def set_logo_description(doc, descr):
    """The logo's description (alt text), which names the organisation path."""
    found = False
    for el in body(doc).iter(qn("wp:docPr")):
        if el.get("descr", "").startswith("Albertslund Kommune"):
            el.set("descr", descr)
            found = True
    if not found:
        raise SystemExit("no logo with the organisation in the body")


def set_properties(doc, title, author):
    doc.core_properties.title = title
    doc.core_properties.last_modified_by = author


def fill_plan(doc, plan, first_table=0):
    """Fills the template's tables (FØR, then the goal tables per goal) from a plan written as the
    person typed it: owner, coordinator, workplaces (cell lines), goals (each a dict of cell lines
    and `guidance`: above / deleted / left per field, default above)."""
    t = tables(doc)[first_table:]
    set_lines(tc(t[0], 1, 0), [plan["owner"]])
    set_lines(tc(t[0], 1, 1), [plan["coordinator"]])
    set_lines(tc(t[0], 1, 2), plan["workplaces"])
    for gi, g in enumerate(plan["goals"]):
        base = 1 + 3 * gi
        for field, (ti, col) in PLAIN_GOAL.items():
            set_lines(tc(t[base + ti], 1, col), g.get(field, []))
        where = g.get("guidance", "above")
        for field, (ti, col) in GUIDED.items():
            answers = g.get(field, [])
            w = where if answers else "left"
            set_guided(tc(t[base + ti], 1, col), GUIDANCE[field], answers, w)


def goal_tables(doc, first):
    """The three goal tables from table index `first`, each with the paragraph after it."""
    t = tables(doc)
    out = []
    for tbl in t[first:first + 3]:
        out.append(tbl)
        p = tbl.getnext()
        if p is not None and p.tag == W("p"):
            out.append(p)
    return out


def save(doc, name):
    path = OUT / name
    doc.save(path)
    print(f"wrote Fixtures/{name}")


# MARK: The plans (content typed into the documents)

STATION_GOAL = {
    "goal": ["Færre oplever stationsområdet som utrygt om aftenen. Målgruppe: pendlere og de erhvervsdrivende ved Albertslund Station."],
    "objective": ["Albertslund skal være en tryg by for alle (Tryghedspolitikken)."],
    "challenge": ["Hvordan får vi flere til at tage ansvar for stationsområdet, også efter lukketid?"],
    "signs": ["Færre henvendelser om utryghed til Borgerservice",
              "De erhvervsdrivende melder om færre episoder"],
    "trialActions": ["Natteravne ved stationen fredag og lørdag",
                     "Fælles oprydningsdag med de erhvervsdrivende"],
    "milestones": ["maj 2025: Natteravnene starter",
                   "uge 38 2025: Oprydningsdag",
                   "november 2025: Evaluering med de erhvervsdrivende"],
    "evaluation": ["Henvendelserne faldt fra 41 i 2024 til 29 i 2025. Natteravnene er blevet et kendt ansigt ved stationen."],
    "learning": ["De erhvervsdrivende vil gerne bidrage, når opgaven er konkret. Oprydningsdagen gentages i 2026."],
}

SKOLEVEJE = {
    "title": "Sikre skoleveje i Albertslund Syd",
    "case": "05.13.00-A00-7-25",
    "org": "Albertslund Kommune, By & Miljø, Vej & Park",
    "owner": "Henrik Vestergaard Nielsen",
    "coordinator": "Maja Lund Christiansen",
    "workplaces": ["Vej & Park samt Børn og Unge"],
    "goals": [{
        "goal": ["Flere børn går eller cykler selv til skole. Målgruppe: elever i 0.-3. klasse og deres forældre."],
        "objective": ["Børn og unge skal kunne færdes sikkert i byen (Trafiksikkerhedsplanen)."],
        "challenge": ["Hvordan gør vi skolevejen så tryg, at forældrene tør lade børnene gå selv?"],
    }],
}

SPROGSTART = {
    "title": "Sprogstart for de mindste",
    "case": "17.01.00-A00-21-25",
    "org": "Albertslund Kommune, Børn & Skole, Dagtilbud",
    "owner": "Annette Krogh Mikkelsen",
    "coordinator": "Yasmin Larsen",
    "workplaces": ["Skoler / Dagtilbud"],
    "goals": [{
        "goal": ["Flere børn har et alderssvarende sprog, når de starter i skole. Målgruppe: børn i alderen 3-6 år med sproglige udfordringer."],
        "objective": ["Alle børn skal have gode muligheder for læring og udvikling (Børne- og ungepolitikken)."],
        "challenge": ["Hvordan kan dagtilbud og skole bruge den samme viden om barnets sprog i overgangen?"],
        "signs": ["Flere børn klarer sprogvurderingen ved skolestart",
                  "Pædagoger og lærere bruger den samme overleveringsskabelon"],
    }],
}

UNGEINDGANG = {
    "title": "Én indgang for unge uden uddannelse",
    "case": "15.00.00-A00-9-25",
    "org": "Albertslund Kommune, Beskæftigelse & Borgerservice, Jobcenter",
    "owner": "Carsten Bøgh Jakobsen",
    "coordinator": "Line Thorsen",
    # Shift+Enter between the names: one paragraph, three lines (w:br).
    "workplaces": [["Jobcenter Albertslund", "Ungdommens Uddannelsesvejledning", "Ungdomsskolen"]],
    "goals": [{
        "goal": ["Flere unge uden uddannelse kommer i job eller uddannelse. Målgruppe: unge mellem 18 og 24 år på uddannelseshjælp."],
        "objective": ["Alle unge skal have en uddannelse eller et job (Beskæftigelsesplanen)."],
        "challenge": ["Hvordan bliver vi én fælles indgang for de unge i stedet for tre forskellige?"],
        "signs": ["Flere unge møder op til første samtale",
                  "Færre unge har mere end én kontaktperson"],
        "trialActions": ["Fælles ungeindgang med én kontaktperson pr. ung",
                         "Åben rådgivning i Ungdomsskolen hver tirsdag"],
    }],
}

FORENINGER = {
    "title": "Flere ældre i foreningslivet",
    "case": "20.00.00-A00-4-25",
    "org": "Albertslund Kommune, Kultur & Fritid",
    "owner": "Pernille Ravn",
    "coordinator": "Jonas Eriksen Holm",
    "workplaces": ["Kultur og Fritid"],
    "goals": [{
        "guidance": "deleted",
        "goal": ["Flere borgere over 65 år deltager i foreningslivet. Målgruppe: ældre, der bor alene."],
        "objective": ["Alle skal have mulighed for et aktivt fritidsliv (Kultur- og fritidspolitikken)."],
        "challenge": ["Hvordan når vi de ældre, som ikke allerede kommer i foreningerne?"],
        "signs": ["Foreningerne melder om flere nye medlemmer over 65 år"],
        "trialActions": ["Prøv-en-forening-uge med gratis deltagelse",
                         "Besøgsvenner følger nye deltagere den første gang"],
        "milestones": ["uge 11 2025: Prøv-en-forening-uge",
                       "september 2025: Status med foreningerne"],
        "evaluation": ["42 ældre deltog i prøveugen, og 17 er fortsat i en forening."],
        "learning": ["Besøgsvennerne gør den største forskel. Vi beder foreningerne selv stå for dem i 2026."],
    }],
}

SELVBETJENING = {
    "title": "Flere ældre bruger digital selvbetjening",
    "case": "00.07.00-A00-16-25",
    "org": "Albertslund Kommune, Borgerservice & Digitalisering",
    "owner": "Birgitte Holm Sørensen",
    "coordinator": "Kasper Winther",
    "workplaces": ["Borgerservice", "Biblioteket", "Ældre & Sundhed"],
    "goals": [{
        "guidance": "deleted",
        "goal": ["Flere ældre kan selv bruge MitID og Digital Post. Målgruppe: borgere over 70 år, der beder om hjælp i Borgerservice."],
        "objective": ["Borgerne skal opleve en nem og tilgængelig kommune (Digitaliseringsstrategien)."],
        "challenge": ["Hvordan hjælper vi de ældre til selv at klare det digitale, uden at nogen bliver ladt tilbage?"],
        "signs": ["Færre ældre skal have hjælp til MitID i Borgerservice",
                  "Flere deltagere siger, at de selv kan åbne Digital Post"],
        "trialActions": ["IT-caféer på biblioteket med frivillige undervisere",
                         "Hjemmebesøg hos ældre, der ikke selv kan komme ud"],
        # Dates as staff write them; in the order of their start dates.
        "milestones": ["1. halvår 2025: Interviews",
                       "01.03.2025-30.04.2025: Kortlægning",
                       "1. marts - 30. april 2025: Pilotforløb",
                       "3. og 4. marts 2025: Temadage",
                       "efteråret 2025: Opfølgning",
                       "uge 40-42: Workshops",
                       "ultimo 2025: Afrapportering",
                       "løbende: Netværksmøder"],
        "evaluation": ["Henvendelserne om MitID i Borgerservice faldt med en fjerdedel fra marts til oktober. 64 ældre har deltaget i IT-caféerne."],
        "learning": ["De ældre lærer bedst af hinanden. Caféerne fortsætter i 2026 med faste hold."],
    }],
}


# For the fixtures of section 9 on (see main): what is typed into copies of the reference plan.

# The reference plan's answers (tryghed-2025-complete), as typed below its guidance.
REFERENCE_ANSWERS = {
    "signs": ["Andelen af beboere, der føler sig trygge om aftenen, stiger fra 58 % til 70 % i tryghedsmålingen",
              "Flere deltager i fællesspisning i beboerhuset"],
    "milestones": ["4.-5. marts 2025: Første tryghedsvandring",
                   "2. kvartal 2025: Ny belysning etableret",
                   "uge 34 2025: Foreløbig evaluering",
                   "december 2025: Endelig evaluering"],
    "learning": ["Tryghedsvandringer giver bedst resultat, når beboerne selv inviterer naboer. "
                 "Vi fortsætter i 2026 med faste værter."],
}

# The reference goal cut in two: the goal, and its target group in rows of their own.
GOAL_ALONE = "Flere beboere i Hyldespjældet føler sig trygge, når de færdes i området efter mørkets frembrud."
TARGET_GROUP = "Beboere over 60 år og forældre til børn i indskolingen."

# The workplaces cell retyped (one list item a paragraph).
WORKPLACES_TYPED = {
    # Short names and explanations in parentheses, a comma and an "og" inside one of them.
    "parentheses": ["Boligsocialt Team (BST), SSP (Skole, Socialforvaltning og Politi) og Vej & Park"],
    # Numbers typed before the names (not Word numbering).
    "numbered": ["1. Boligsocialt Team", "2. SSP", "3. Vej & Park"],
    # A comma before "samt".
    "comma-samt": ["Boligsocialt Team, SSP, samt Vej & Park"],
    # A comma before the last "og" (and "Kultur- og Fritidsafdelingen" in the list).
    "comma-og": ["Boligsocialt Team, SSP, Kultur- og Fritidsafdelingen, og Vej & Park"],
    # One name a line, each line ended by a comma.
    "trailing-commas": ["Boligsocialt Team,", "SSP,", "Vej & Park"],
}


def new_plan(plan):
    """The blank template filled in with a plan of its own (its own case, logo text and title)."""
    doc = Document(REF / BLANK)
    fill_plan(doc, plan)
    set_case_number(doc, plan["case"])
    set_logo_description(doc, plan["org"])
    set_properties(doc, plan["title"], plan["coordinator"])
    return doc


def main():
    global GUIDANCE
    GUIDANCE = blank_guidance()
    OUT.mkdir(exist_ok=True)

    # 1a. The FØR table split after its label row, an empty paragraph between (Ctrl+Shift+Enter).
    doc = Document(REF / COMPLETE)
    split_table(tables(doc)[0], 1, paragraph_between=True)
    save(doc, "habit-split-foer.docx")

    # 1b. Tegn | Prøvehandling split with no paragraph between; the lower part re-gridded (four
    #     grid columns, each cell spanning two).
    doc = Document(REF / COMPLETE)
    lower = split_table(tables(doc)[2], 1, paragraph_between=False)
    regrid_doubled(lower)
    save(doc, "habit-split-tegn-grid.docx")

    # 1c. Milepælsplan | Evaluering | Læring split after its label row, an empty paragraph between.
    doc = Document(REF / COMPLETE)
    split_table(tables(doc)[3], 1, paragraph_between=True)
    save(doc, "habit-split-milestones.docx")

    # 2a. "Prøvehandling" retyped in English.
    doc = Document(REF / COMPLETE)
    set_label(tc(tables(doc)[2], 0, 1), "Trial actions")
    save(doc, "habit-label-english-trial.docx")

    # 2b. Every label in English (the guidance left in Danish, as the template has it).
    doc = Document(REF / COMPLETE)
    t = tables(doc)
    english = [["Owner (head of department)", "Coordinator", "Contributing workplaces"],
               ["Goal and target group", "Objective and policy", "Challenge"],
               ["Signs", "Trial actions"],
               ["Milestones", "Evaluation", "Learning"]]
    for tbl, labels in zip(t, english):
        for c, text in enumerate(labels):
            set_label(tc(tbl, 0, c), text)
    save(doc, "habit-labels-english.docx")

    # 3a. Two labels retyped to words the mapper does not know; the other labels of their tables
    #     identify the template table.
    doc = Document(REF / COMPLETE)
    t = tables(doc)
    set_label(tc(t[0], 0, 1), "Kontaktperson")
    set_label(tc(t[2], 0, 1), "Det vil vi afprøve")
    save(doc, "habit-label-inferred.docx")

    # 3b. A fourth column "Budget" added to the FØR table, with a value.
    doc = Document(REF / COMPLETE)
    add_column(tables(doc)[0], "Budget", "50.000 kr.")
    save(doc, "habit-label-budget-column.docx")

    # 4. Goal tables copied: an empty copy (the blank template's, guidance left) between goal 1 and
    #    a second filled goal (a copy of goal 1's tables with other text), and one more at the end.
    doc = Document(REF / COMPLETE)
    blank = Document(REF / BLANK)
    empty_copy = goal_tables(blank, 1)
    filled = [copy.deepcopy(e) for e in goal_tables(doc, 1)]
    anchor = following_paragraph(tables(doc)[3])
    anchor = insert_after(anchor, *[copy.deepcopy(e) for e in empty_copy])
    anchor = insert_after(anchor, *filled)
    insert_after(anchor, *[copy.deepcopy(e) for e in empty_copy])
    # Goal 2 is tables 8-10 (index 7-9): typed over the copy, guidance kept above as in goal 1.
    t = tables(doc)
    g = STATION_GOAL
    for field, (ti, col) in PLAIN_GOAL.items():
        set_lines(tc(t[7 + ti], 1, col), g[field])
    for field, (ti, col) in GUIDED.items():
        set_guided(tc(t[7 + ti], 1, col), GUIDANCE[field], g[field], "above")
    save(doc, "habit-empty-goal-copies.docx")

    # 5. Contributing workplaces as people type them.
    doc = Document(REF / COMPLETE)
    set_lines(tc(tables(doc)[0], 1, 2), ["Boligsocialt Team, SSP og Kultur- og Fritidsafdelingen."])
    save(doc, "habit-workplaces-sentence.docx")
    save(new_plan(SKOLEVEJE), "habit-workplaces-samt.docx")
    save(new_plan(SPROGSTART), "habit-workplaces-slash.docx")
    save(new_plan(UNGEINDGANG), "habit-workplaces-line-breaks.docx")
    save(new_plan(FORENINGER), "habit-workplaces-one-name.docx")

    # 6. Milestones dated as Danish staff write them.
    save(new_plan(SELVBETJENING), "habit-milestone-dates.docx")

    # 9. A label typed twice in one row (a label copied over its neighbour): the second is read as the
    #    label the template has at its place.
    doc = Document(REF / COMPLETE)
    set_label(tc(tables(doc)[0], 0, 1), "Ejer")
    save(doc, "habit-label-twice-owner.docx")
    doc = Document(REF / COMPLETE)
    set_label(tc(tables(doc)[2], 0, 1), "Tegn")
    save(doc, "habit-label-twice-signs.docx")
    doc = Document(REF / COMPLETE)
    set_label(tc(tables(doc)[1], 0, 0), "Målsætning")
    save(doc, "habit-label-objective-over-goal.docx")

    # 10. Labels' words in the values.
    #     a. The owner not known yet: the role typed where the name goes.
    doc = Document(REF / COMPLETE)
    set_lines(tc(tables(doc)[0], 1, 0), ["Afdelingschef"])
    save(doc, "habit-value-role-for-owner.docx")
    #     b. "Ejer: ..." and "Tovholder: ..." typed before the names.
    doc = Document(REF / COMPLETE)
    set_lines(tc(tables(doc)[0], 1, 0), ["Ejer: Lone Dahl Petersen"])
    set_lines(tc(tables(doc)[0], 1, 1), ["Tovholder: Omar Haddad"])
    save(doc, "habit-value-label-prefix.docx")
    #     c. The field's own label as a first line over the answers, typed over the guidance: "Tegn:",
    #        "Milepæle" (the 2024 label), "Læring:".
    doc = Document(REF / COMPLETE)
    t = tables(doc)
    set_lines(tc(t[2], 1, 0), ["Tegn:"] + REFERENCE_ANSWERS["signs"])
    set_lines(tc(t[3], 1, 0), ["Milepæle"] + REFERENCE_ANSWERS["milestones"])
    set_lines(tc(t[3], 1, 2), ["Læring:"] + REFERENCE_ANSWERS["learning"])
    save(doc, "habit-value-own-label.docx")

    # 11. Rows added to a template table.
    #     a. A remark in a row added under Milepælsplan | Evaluering | Læring, its cells merged.
    doc = Document(REF / COMPLETE)
    add_merged_row(tables(doc)[3], "Bemærkning: planen revideres i januar 2026")
    save(doc, "habit-merged-remark-row.docx")
    #     b. The same under Ejer | Tovholder | Bidragende arbejdspladser: a secretary named.
    doc = Document(REF / COMPLETE)
    add_merged_row(tables(doc)[0], "Sekretær: Anna Holm")
    save(doc, "habit-merged-row-foer.docx")
    #     c. The target group in rows of its own under the goal table: its label row copied and retyped
    #        "Målgruppe", its value row copied and retyped; the goal cell keeps the goal alone.
    doc = Document(REF / COMPLETE)
    tbl = tables(doc)[1]
    labels = copy_row(tbl, 0)
    values = copy_row(tbl, 1)
    set_label(cells(labels)[0], "Målgruppe")
    set_lines(cells(values)[0], [TARGET_GROUP])
    for c in cells(labels)[1:] + cells(values)[1:]:
        set_lines(c, [])
    set_lines(tc(tbl, 1, 0), [GOAL_ALONE])
    save(doc, "habit-targetgroup-rows.docx")
    #     d. The label row of Mål & målgruppe ... typed twice: above its values, and below them.
    doc = Document(REF / COMPLETE)
    copy_row(tables(doc)[1], 0, before=1)
    save(doc, "habit-label-row-twice.docx")
    doc = Document(REF / COMPLETE)
    copy_row(tables(doc)[1], 0)
    save(doc, "habit-label-row-after.docx")

    # 12. A label cell with more than the label.
    #     a. A note below the label, as the cell's second paragraph.
    doc = Document(REF / COMPLETE)
    set_label_with_note(tc(tables(doc)[0], 0, 0), "Ejer (afdelingschef)", "Navn og titel")
    save(doc, "habit-label-note-owner.docx")
    #     b. The note typed after the label, on the same line.
    doc = Document(REF / COMPLETE)
    set_label(tc(tables(doc)[0], 0, 0), "Ejer (afdelingschef) – navn og titel")
    save(doc, "habit-label-variant-owner.docx")

    # 13. The 2024 layout: a third column added to the FØR sheet's table (Insert Right, the columns
    #     narrowed), a remark typed beside the owner, the other new cells left empty.
    doc = Document(REF / SHEETS_2024)
    tbl = tables(doc)[0]
    add_column(tbl, "", None, width=3513)
    for r in range(len(rows(tbl))):
        set_lines(tc(tbl, r, 2), ["Godkendt af direktion"] if r == 0 else [])
    save(doc, "habit-2024-third-column.docx")

    # 14. More contributing workplaces as people type them (one habit per plan: a plan has one
    #     workplaces cell).
    for name, lines in WORKPLACES_TYPED.items():
        doc = Document(REF / COMPLETE)
        set_lines(tc(tables(doc)[0], 1, 2), lines)
        save(doc, f"habit-workplaces-{name}.docx")

    # 15. A border dragged in one row only (the answers' row selected, not the labels'): the
    #     Evaluering answer's left border pulled 1,400 twips into the Milepælsplan column, its right
    #     border 400 twips into the Læring column. The answers stand mostly, not wholly, under their labels.
    doc = Document(REF / COMPLETE)
    tbl = tables(doc)[3]
    drag_border(tbl, 1, 0, -1400)
    drag_border(tbl, 1, 1, 400)
    save(doc, "habit-dragged-border.docx")


if __name__ == "__main__":
    main()
