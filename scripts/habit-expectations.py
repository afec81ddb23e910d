#!/usr/bin/env python3
"""Writes Fixtures/habit-*.expected.json: what `maalplan convert` must give for each habit
fixture, in the JSON contract's keys (without `source` and `findings`).

Written by hand from what was typed into each document (scripts/make-habit-fixtures.py,
Fixtures/sources/habit-libreoffice-split.html, Fixtures/sources/habit-pandoc.md), NOT from
the tool's output: the mapper does not read these habits yet. Dates are worked out by hand
(ISO weeks with datetime.date.fromisocalendar). Fixtures/sources/habits.md says for each
fixture what habit it shows and which findings the tool must report, and where.

Most python-docx fixtures are the reference plan (../shared/reference/tryghed-2025-complete)
with one habit added; each entry names how its document differs.
"""
import copy
import importlib.util
import json
import pathlib

# The reference plan (tryghed-2025-complete: the whole plan and its one goal, guidance kept
# above the answers) is written once, in fixture-expectations.py.
_spec = importlib.util.spec_from_file_location("fixture_expectations", pathlib.Path(__file__).with_name("fixture-expectations.py"))
_base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_base)
GOAL, plan = _base.GOAL, _base.plan
# The reference plan in the 2024 layout (tryghed-2024-phase-sheets: every sheet filled; its milestones
# keep their 2025 dates, as written).
PLAN_2024 = _base.plan2024(4)

# The second filled goal of habit-empty-goal-copies (typed over a copy of goal 1's tables).
STATION_GOAL = {
    "goal": "Færre oplever stationsområdet som utrygt om aftenen. "
            "Målgruppe: pendlere og de erhvervsdrivende ved Albertslund Station.",
    "objective": "Albertslund skal være en tryg by for alle (Tryghedspolitikken).",
    "challenge": "Hvordan får vi flere til at tage ansvar for stationsområdet, også efter lukketid?",
    "signs": ["Færre henvendelser om utryghed til Borgerservice",
              "De erhvervsdrivende melder om færre episoder"],
    "trialActions": ["Natteravne ved stationen fredag og lørdag",
                     "Fælles oprydningsdag med de erhvervsdrivende"],
    "milestones": [
        {"text": "maj 2025: Natteravnene starter", "from": "2025-05-01", "to": "2025-05-31"},
        # ISO week 38 of 2025: Monday 15 to Sunday 21 September.
        {"text": "uge 38 2025: Oprydningsdag", "from": "2025-09-15", "to": "2025-09-21"},
        {"text": "november 2025: Evaluering med de erhvervsdrivende", "from": "2025-11-01", "to": "2025-11-30"},
    ],
    "evaluation": "Henvendelserne faldt fra 41 i 2024 til 29 i 2025. Natteravnene er blevet et kendt ansigt ved stationen.",
    "learning": "De erhvervsdrivende vil gerne bidrage, når opgaven er konkret. Oprydningsdagen gentages i 2026.",
}

NOT_YET = {"signs": [], "trialActions": [], "milestones": [], "evaluation": "", "learning": ""}


def goal(**fields):
    """A goal: the fields given, the rest empty (not filled yet)."""
    g = {"goal": "", "objective": "", "challenge": ""}
    g.update(copy.deepcopy(NOT_YET))
    g.update(copy.deepcopy(fields))
    return g


def new_plan(**fields):
    """A plan of its own, made from the blank 2025 template (its own case, logo text and title)."""
    p = {"schemaVersion": 1, "template": "maalplan-2025", "year": 2025}
    p.update(copy.deepcopy(fields))
    order = ["schemaVersion", "template", "year", "caseNumber", "title", "organisation", "owner", "coordinator",
             "contributingWorkplaces", "goals", "phaseReached"]
    assert sorted(p) == sorted(order), sorted(set(order) ^ set(p))
    return {k: p[k] for k in order}


EXPECTED = {
    # 1a. The FØR table split after its label row (tables 1 and 2), an empty paragraph between: read across.
    "habit-split-foer": plan(),
    # 1b. Tegn | Prøvehandling split, no paragraph between; the value part (table 4) has a grid of four
    #     columns, each cell spanning two: still read under its labels.
    "habit-split-tegn-grid": plan(),
    # 1c. Milepælsplan | Evaluering | Læring split after its label row (tables 4 and 5), a paragraph between.
    "habit-split-milestones": plan(),
    # 2a. "Prøvehandling" retyped "Trial actions": a known English label.
    "habit-label-english-trial": plan(),
    # 2b. Every label in English ("Owner (head of department)", ..., "Learning"); guidance left in Danish.
    "habit-labels-english": plan(),
    # 3a. "Tovholder" retyped "Kontaktperson", "Prøvehandling" retyped "Det vil vi afprøve": read as the
    #     template's fields at those places (the other labels of each table identify it).
    "habit-label-inferred": plan(),
    # 3b. A fourth column "Budget" | "50.000 kr." in the FØR table: not any field, so the plan is unchanged.
    "habit-label-budget-column": plan(),
    # 4. An empty copy of the goal tables (guidance left in) between goal 1 and a second filled goal, and
    #    another at the end: only the two filled goals, both complete.
    "habit-empty-goal-copies": plan(goals=[GOAL, STATION_GOAL]),
    # 5. Workplaces typed as a sentence: "Boligsocialt Team, SSP og Kultur- og Fritidsafdelingen."
    #    (Vej & Park left out): three names, the full stop dropped, "Kultur- og Fritidsafdelingen" whole.
    "habit-workplaces-sentence": plan(contributingWorkplaces=["Boligsocialt Team", "SSP", "Kultur- og Fritidsafdelingen"]),
    # 5. "Vej & Park samt Børn og Unge": two names ("samt" joins them, "og" inside a name stays).
    #    Only FØR filled; the other cells keep the template's guidance.
    "habit-workplaces-samt": new_plan(
        caseNumber="05.13.00-A00-7-25", title="Sikre skoleveje i Albertslund Syd",
        organisation=["Albertslund Kommune", "By & Miljø", "Vej & Park"],
        owner="Henrik Vestergaard Nielsen", coordinator="Maja Lund Christiansen",
        contributingWorkplaces=["Vej & Park", "Børn og Unge"],
        goals=[goal(
            goal="Flere børn går eller cykler selv til skole. Målgruppe: elever i 0.-3. klasse og deres forældre.",
            objective="Børn og unge skal kunne færdes sikkert i byen (Trafiksikkerhedsplanen).",
            challenge="Hvordan gør vi skolevejen så tryg, at forældrene tør lade børnene gå selv?")],
        phaseReached="FOER"),
    # 5. "Skoler / Dagtilbud": two names. FØR and Tegn filled (below the guidance), the rest guidance only.
    "habit-workplaces-slash": new_plan(
        caseNumber="17.01.00-A00-21-25", title="Sprogstart for de mindste",
        organisation=["Albertslund Kommune", "Børn & Skole", "Dagtilbud"],
        owner="Annette Krogh Mikkelsen", coordinator="Yasmin Larsen",
        contributingWorkplaces=["Skoler", "Dagtilbud"],
        goals=[goal(
            goal="Flere børn har et alderssvarende sprog, når de starter i skole. "
                 "Målgruppe: børn i alderen 3-6 år med sproglige udfordringer.",
            objective="Alle børn skal have gode muligheder for læring og udvikling (Børne- og ungepolitikken).",
            challenge="Hvordan kan dagtilbud og skole bruge den samme viden om barnets sprog i overgangen?",
            signs=["Flere børn klarer sprogvurderingen ved skolestart",
                   "Pædagoger og lærere bruger den samme overleveringsskabelon"])],
        phaseReached="UNDER1"),
    # 5. Three names in one paragraph, Shift+Enter (w:br) between them: one name per line. Filled up to
    #    the trial actions (below the guidance); Milepælsplan, Evaluering and Læring guidance only.
    "habit-workplaces-line-breaks": new_plan(
        caseNumber="15.00.00-A00-9-25", title="Én indgang for unge uden uddannelse",
        organisation=["Albertslund Kommune", "Beskæftigelse & Borgerservice", "Jobcenter"],
        owner="Carsten Bøgh Jakobsen", coordinator="Line Thorsen",
        contributingWorkplaces=["Jobcenter Albertslund", "Ungdommens Uddannelsesvejledning", "Ungdomsskolen"],
        goals=[goal(
            goal="Flere unge uden uddannelse kommer i job eller uddannelse. "
                 "Målgruppe: unge mellem 18 og 24 år på uddannelseshjælp.",
            objective="Alle unge skal have en uddannelse eller et job (Beskæftigelsesplanen).",
            challenge="Hvordan bliver vi én fælles indgang for de unge i stedet for tre forskellige?",
            signs=["Flere unge møder op til første samtale", "Færre unge har mere end én kontaktperson"],
            trialActions=["Fælles ungeindgang med én kontaktperson pr. ung",
                          "Åben rådgivning i Ungdomsskolen hver tirsdag"])],
        phaseReached="UNDER2"),
    # 5. "Kultur og Fritid" alone in the cell: ONE name (no list around the "og"). Complete plan, guidance
    #    deleted (answers typed over it).
    "habit-workplaces-one-name": new_plan(
        caseNumber="20.00.00-A00-4-25", title="Flere ældre i foreningslivet",
        organisation=["Albertslund Kommune", "Kultur & Fritid"],
        owner="Pernille Ravn", coordinator="Jonas Eriksen Holm",
        contributingWorkplaces=["Kultur og Fritid"],
        goals=[goal(
            goal="Flere borgere over 65 år deltager i foreningslivet. Målgruppe: ældre, der bor alene.",
            objective="Alle skal have mulighed for et aktivt fritidsliv (Kultur- og fritidspolitikken).",
            challenge="Hvordan når vi de ældre, som ikke allerede kommer i foreningerne?",
            signs=["Foreningerne melder om flere nye medlemmer over 65 år"],
            trialActions=["Prøv-en-forening-uge med gratis deltagelse",
                          "Besøgsvenner følger nye deltagere den første gang"],
            milestones=[
                # ISO week 11 of 2025: Monday 10 to Sunday 16 March.
                {"text": "uge 11 2025: Prøv-en-forening-uge", "from": "2025-03-10", "to": "2025-03-16"},
                {"text": "september 2025: Status med foreningerne", "from": "2025-09-01", "to": "2025-09-30"},
            ],
            evaluation="42 ældre deltog i prøveugen, og 17 er fortsat i en forening.",
            learning="Besøgsvennerne gør den største forskel. Vi beder foreningerne selv stå for dem i 2026.")],
        phaseReached="EFTER"),
    # 6. Milestones dated as Danish staff write them (plan year 2025 from "Målplan 2025"), in the order of
    #    their start dates; guidance deleted. "løbende" has no date.
    "habit-milestone-dates": new_plan(
        caseNumber="00.07.00-A00-16-25", title="Flere ældre bruger digital selvbetjening",
        organisation=["Albertslund Kommune", "Borgerservice & Digitalisering"],
        owner="Birgitte Holm Sørensen", coordinator="Kasper Winther",
        contributingWorkplaces=["Borgerservice", "Biblioteket", "Ældre & Sundhed"],
        goals=[goal(
            goal="Flere ældre kan selv bruge MitID og Digital Post. "
                 "Målgruppe: borgere over 70 år, der beder om hjælp i Borgerservice.",
            objective="Borgerne skal opleve en nem og tilgængelig kommune (Digitaliseringsstrategien).",
            challenge="Hvordan hjælper vi de ældre til selv at klare det digitale, uden at nogen bliver ladt tilbage?",
            signs=["Færre ældre skal have hjælp til MitID i Borgerservice",
                   "Flere deltagere siger, at de selv kan åbne Digital Post"],
            trialActions=["IT-caféer på biblioteket med frivillige undervisere",
                          "Hjemmebesøg hos ældre, der ikke selv kan komme ud"],
            milestones=[
                # First half-year: 1 January to 30 June.
                {"text": "1. halvår 2025: Interviews", "from": "2025-01-01", "to": "2025-06-30"},
                # Numeric dates, a range without spaces.
                {"text": "01.03.2025-30.04.2025: Kortlægning", "from": "2025-03-01", "to": "2025-04-30"},
                # The same range in words; the year written once, at the end.
                {"text": "1. marts - 30. april 2025: Pilotforløb", "from": "2025-03-01", "to": "2025-04-30"},
                # Two days joined by "og".
                {"text": "3. og 4. marts 2025: Temadage", "from": "2025-03-03", "to": "2025-03-04"},
                # Autumn: September to November.
                {"text": "efteråret 2025: Opfølgning", "from": "2025-09-01", "to": "2025-11-30"},
                # ISO weeks 40 to 42, no year (the plan's): Monday 29 September to Sunday 19 October.
                {"text": "uge 40-42: Workshops", "from": "2025-09-29", "to": "2025-10-19"},
                # "ultimo" of a year: its last month.
                {"text": "ultimo 2025: Afrapportering", "from": "2025-12-01", "to": "2025-12-31"},
                # Ongoing: no date (finding undated-milestone).
                {"text": "løbende: Netværksmøder", "from": None, "to": None},
            ],
            evaluation="Henvendelserne om MitID i Borgerservice faldt med en fjerdedel fra marts til oktober. "
                       "64 ældre har deltaget i IT-caféerne.",
            learning="De ældre lærer bedst af hinanden. Caféerne fortsætter i 2026 med faste hold.")],
        phaseReached="EFTER"),
    # 8a. Written by LibreOffice from Fixtures/sources/habit-libreoffice-split.html: the FØR table as two
    #     tables (LibreOffice drops the empty paragraph between them), the workplaces in one sentence.
    #     No logo, so no organisation; the case number from the first paragraph; the title is the heading
    #     after "Målplan 2025".
    "habit-libreoffice-split": new_plan(
        caseNumber="06.00.00-A00-11-25", title="Vild natur på skolernes arealer", organisation=[],
        owner="Søs Kjærgaard", coordinator="Ebbe Højgaard",
        contributingWorkplaces=["Skoler & Dagtilbud", "Vej & Park", "Naturskolen"],
        goals=[goal(
            goal="Flere elever lærer om biodiversitet på skolens egne arealer. "
                 "Målgruppe: elever i 3.-6. klasse og skolernes pedeller.",
            objective="Albertslund skal være en grøn by med plads til naturen (Natur- og miljøpolitikken).",
            challenge="Hvordan gør vi skolens arealer til et sted, hvor eleverne lærer, og naturen får plads?",
            signs=["Flere klasser bruger udearealerne i natur/teknologi",
                   "Der blomstrer vilde planter på alle tre skoler"],
            trialActions=["Vildeng anlagt af elever og pedeller", "Naturskolen underviser lærerne i udeskole"],
            milestones=[
                # ISO week 17 of 2025: Monday 21 to Sunday 27 April.
                {"text": "uge 17 2025: Vildengen sås", "from": "2025-04-21", "to": "2025-04-27"},
                {"text": "15/8-2025: Udeskoleforløb starter", "from": "2025-08-15", "to": "2025-08-15"},
                {"text": "november 2025: Evaluering med eleverne", "from": "2025-11-01", "to": "2025-11-30"},
            ],
            evaluation="Alle tre skoler har en vildeng, og 14 klasser har brugt den i undervisningen.",
            learning="Pedellerne er nøglepersoner. De skal være med fra starten næste gang.")],
        phaseReached="EFTER"),
    # 8b. Written by pandoc from Fixtures/sources/habit-pandoc.md: grid tables whose first row (pandoc's
    #     header row) holds the labels, "Signs" in English, the workplaces on three lines (hard line
    #     breaks, w:br), wrapped cell text joined by pandoc. No logo; title from the heading.
    "habit-pandoc": new_plan(
        caseNumber="29.00.00-A00-6-25", title="Sund mad og fællesskab på plejecentret", organisation=[],
        owner="Hanne Bjerre Poulsen", coordinator="Mads Østergård Lind",
        contributingWorkplaces=["Plejecenter Solsikken", "Madservice Albertslund", "Frivilligcentret"],
        goals=[goal(
            goal="Flere beboere spiser sammen med andre og får nok at spise. "
                 "Målgruppe: beboere med nedsat appetit eller risiko for underernæring.",
            objective="Alle skal have mulighed for et godt og sundt liv (Sundhedspolitikken).",
            challenge="Hvordan gør vi måltidet til et fællesskab, som beboerne ser frem til?",
            signs=["Færre beboere taber sig utilsigtet", "Flere beboere spiser i den fælles spisestue"],
            trialActions=["Fælles madlavning med beboerne to gange om ugen", "Frivillige værter ved aftensmaden"],
            milestones=[
                {"text": "februar 2025: Værterne er rekrutteret", "from": "2025-02-01", "to": "2025-02-28"},
                {"text": "2. kvartal 2025: Fælles madlavning i gang", "from": "2025-04-01", "to": "2025-06-30"},
                # ISO week 45 of 2025: Monday 3 to Sunday 9 November.
                {"text": "uge 45 2025: Vejning og evaluering", "from": "2025-11-03", "to": "2025-11-09"},
            ],
            evaluation="Andelen af beboere, der taber sig utilsigtet, faldt fra 18 % til 11 %.",
            learning="Måltidet fungerer bedst med faste værter. Vi udvider til plejecentrets anden afdeling i 2026.")],
        phaseReached="EFTER"),
}

# Section 9 on of Fixtures/sources/habits.md: copies of the reference plan (tryghed-2025-complete,
# guidance kept above the answers) or of its 2024 layout, each with one habit. Read as a person reads
# them; the comment says how the document differs from the reference.
EXPECTED.update({
    # 9a. Table 1's labels "Ejer (afdelingschef) | Ejer | Bidragende arbejdspladser": the coordinator's
    #     label retyped "Ejer". The second "Ejer" stands where the template has Tovholder: Omar Haddad
    #     is the coordinator (label-inferred), and Lone Dahl Petersen stays the owner.
    "habit-label-twice-owner": plan(),
    # 9b. Table 3's labels "Tegn | Tegn": the second stands where the template has Prøvehandling, over
    #     the trial actions (label-inferred). The signs are the first column's only.
    "habit-label-twice-signs": plan(),
    # 9c. Table 2's labels "Målsætning | Målsætning & politik | Udfordring": "Målsætning" typed over the
    #     goal column. The first column is the goal (label-inferred), the objective the second column's.
    "habit-label-objective-over-goal": plan(),
    # 10a. The owner's value is the role "Afdelingschef" (the name not known yet). A label's word is no
    #      value: no owner, so FØR is not reached.
    "habit-value-role-for-owner": plan(owner="", phaseReached="NONE"),
    # 10b. "Ejer: Lone Dahl Petersen" and "Tovholder: Omar Haddad" as the values: the label typed before
    #      the name is no part of it.
    "habit-value-label-prefix": plan(),
    # 10c. The field's own label as the first line of its value, typed over the guidance: "Tegn:" over the
    #      two signs, "Milepæle" over the four milestones, "Læring:" over the learning. Dropped; the rest
    #      is the reference's answers.
    "habit-value-own-label": plan(),
    # 11a. A row added under Milepælsplan | Evaluering | Læring, its three cells merged, with
    #      "Bemærkning: planen revideres i januar 2026": under all three labels, so no field's.
    "habit-merged-remark-row": plan(),
    # 11b. The same under Ejer | Tovholder | Bidragende arbejdspladser: "Sekretær: Anna Holm" is not the
    #      owner's, the coordinator's or a workplace.
    "habit-merged-row-foer": plan(),
    # 11c. The goal cell holds the goal alone; below it a label row "Målgruppe" and a value row with the
    #      target group (their other cells empty). Mål & målgruppe holds both: the target group follows
    #      the goal as a line of its own (paragraphs of a text field are joined by a line break).
    "habit-targetgroup-rows": plan(goals=[dict(
        GOAL, goal="Flere beboere i Hyldespjældet føler sig trygge, når de færdes i området efter mørkets frembrud.\n"
                   "Beboere over 60 år og forældre til børn i indskolingen.")]),
    # 11d. Table 2's label row twice above its values: read once.
    "habit-label-row-twice": plan(),
    # 11e. Table 2's label row once more below its values (nothing under it): no new goal, no empty values.
    "habit-label-row-after": plan(),
    # 12a. The owner's label cell: "Ejer (afdelingschef)", then a second paragraph "Navn og titel". Read
    #      as the label; the note is no value.
    "habit-label-note-owner": plan(),
    # 12b. The owner's label "Ejer (afdelingschef) – navn og titel": read as Ejer (label-inferred).
    "habit-label-variant-owner": plan(),
    # 13. The 2024 layout, FØR's table with a third column: "Godkendt af direktion" beside
    #     "Ejer | Lone Dahl Petersen", the other new cells empty. The owner is the cell beside the label.
    "habit-2024-third-column": copy.deepcopy(PLAN_2024),
    # 14. The workplaces cell retyped (the reference has four names, one a paragraph).
    #     "Boligsocialt Team (BST), SSP (Skole, Socialforvaltning og Politi) og Vej & Park": no split
    #     inside the parentheses.
    "habit-workplaces-parentheses": plan(contributingWorkplaces=[
        "Boligsocialt Team (BST)", "SSP (Skole, Socialforvaltning og Politi)", "Vej & Park"]),
    #     "1. Boligsocialt Team" / "2. SSP" / "3. Vej & Park" (typed numbers, one a paragraph).
    "habit-workplaces-numbered": plan(contributingWorkplaces=["Boligsocialt Team", "SSP", "Vej & Park"]),
    #     "Boligsocialt Team, SSP, samt Vej & Park".
    "habit-workplaces-comma-samt": plan(contributingWorkplaces=["Boligsocialt Team", "SSP", "Vej & Park"]),
    #     "Boligsocialt Team, SSP, Kultur- og Fritidsafdelingen, og Vej & Park".
    "habit-workplaces-comma-og": plan(contributingWorkplaces=[
        "Boligsocialt Team", "SSP", "Kultur- og Fritidsafdelingen", "Vej & Park"]),
    #     "Boligsocialt Team," / "SSP," / "Vej & Park" (one a paragraph, commas left at the ends).
    "habit-workplaces-trailing-commas": plan(contributingWorkplaces=["Boligsocialt Team", "SSP", "Vej & Park"]),
    # 15. The answers' row under Milepælsplan | Evaluering | Læring with its borders dragged off the
    #     labels' (1,400 twips left, 400 right): each answer is still its label's, so the reference plan.
    "habit-dragged-border": plan(),
})

if __name__ == "__main__":
    root = pathlib.Path(__file__).resolve().parent.parent / "Fixtures"
    for name, data in EXPECTED.items():
        (root / f"{name}.expected.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote Fixtures/{name}.expected.json")
