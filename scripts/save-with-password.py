#!/usr/bin/python3
"""Saves a document again with a password, as a user does with File > Save As > "Save with
password", through LibreOffice's UNO bridge (Debian's python3-uno, which comes with
libreoffice-writer-nogui; run with the system's /usr/bin/python3).

    /usr/bin/python3 scripts/save-with-password.py IN.docx OUT.odt PASSWORD

The filter is chosen from OUT's extension (.odt: writer8). Used by make-legacy-fixtures.sh.
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

FILTERS = {".odt": "writer8"}


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(source, target, password):
    profile = tempfile.mkdtemp()
    pipe = f"maalplan{os.getpid()}"
    office = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                               f"--accept=pipe,name={pipe};urp;"])
    try:
        resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
        for _ in range(100):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.2)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),))
        filt = FILTERS[os.path.splitext(target)[1]]
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", filt), prop("Password", password)))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
        subprocess.run(["rm", "-rf", profile])


if __name__ == "__main__":
    main(*sys.argv[1:4])
