#!/usr/bin/env python3
"""Prints a maalplan database's content in a form that does not depend on the run that made it:
row ids, timestamps and the import runs left out, plans named by their sha256, every table's rows
sorted. Two imports of the same files by two versions of the tool that read them alike give the
same text (`diff` them): the check that a speed change changed nothing.

    python3 bench/canonical-dump.py DB [ROOT]

ROOT (optional) is cut from the front of paths, so imports of copies in different folders compare.
"""
import sqlite3
import sys


def main() -> None:
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    root = sys.argv[2].rstrip("/") + "/" if len(sys.argv) > 2 else ""

    def path(p):
        return p[len(root):] if root and p and p.startswith(root) else p

    def dump(title, sql, fix=lambda r: r):
        rows = sorted(tuple("" if v is None else str(v) for v in fix(r)) for r in db.execute(sql))
        print(f"== {title} ({len(rows)})")
        for r in rows:
            print("\t".join(r))

    # The JSON names the first path its content was found at: with several jobs, which of two
    # copies comes first varies from run to run (the sources table lists them all).
    def plan(r):
        lines = r[-1].split("\n")
        for i, line in enumerate(lines[:-1]):
            if line == '  "source": {' and lines[i + 1].startswith('    "path": '):
                lines[i + 1] = '    "path": "…",'
                break
        return r[:-1] + ("\n".join(lines),)

    dump("plans", """SELECT sha256, format, bytes, template, year, case_number, title, organisation, owner,
                            coordinator, phase_reached, next_phase, missing_for_next, json FROM plans""", plan)
    dump("sources", "SELECT s.path, p.sha256, s.sha256, s.size FROM sources s JOIN plans p ON p.id = s.plan_id",
         lambda r: (path(r[0]),) + r[1:])
    dump("goals", """SELECT p.sha256, g.position, g.goal, g.objective, g.challenge, g.evaluation, g.learning
                     FROM goals g JOIN plans p ON p.id = g.plan_id""")
    for t in ("signs", "trial_actions"):
        dump(t, f"""SELECT p.sha256, g.position, x.position, x.text FROM {t} x
                    JOIN plans p ON p.id = x.plan_id JOIN goals g ON g.id = x.goal_id""")
    dump("milestones", """SELECT p.sha256, g.position, x.position, x.text, x.date_from, x.date_to FROM milestones x
                          JOIN plans p ON p.id = x.plan_id JOIN goals g ON g.id = x.goal_id""")
    dump("contributing_workplaces", """SELECT p.sha256, x.position, x.name FROM contributing_workplaces x
                                       JOIN plans p ON p.id = x.plan_id""")
    dump("findings", """SELECT p.sha256, x.position, x.severity, x.code, x.phase, x.field, x.message, x.location
                        FROM findings x JOIN plans p ON p.id = x.plan_id""")
    dump("failures", "SELECT path, sha256, size, reason, message FROM failures",
         lambda r: (path(r[0]),) + r[1:4] + (r[4].replace(root, "") if root else r[4],))


if __name__ == "__main__":
    main()
