"""python-docx over the same files as bench/import.sh: open each, read only its tables' text.

Usage: python3 bench/python_docx_tables.py FILE...
"""
import sys
import time

from docx import Document

t0 = time.perf_counter()
chars = 0
for path in sys.argv[1:]:
    doc = Document(path)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                chars += len(cell.text)
print(f"python-docx files={len(sys.argv) - 1} seconds={time.perf_counter() - t0:.3f} chars={chars}")
