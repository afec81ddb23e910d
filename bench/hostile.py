#!/usr/bin/env python3
"""Small hostile documents of issue 13 (items 1 and 2), for bench/hostile.sh: each once took
seconds to minutes and up to gigabytes to read; each must now be read or refused in well
under a second.  Usage: hostile.py OUTDIR"""
import os, sys, zipfile

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'


def write(path, body, styles=None, rels='', header=False):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        z.writestr('word/document.xml', '<?xml version="1.0" encoding="UTF-8"?><document xmlns="%s" xmlns:r="%s"><body>%s</body></document>' % (W, R, body))
        if styles is not None:
            z.writestr('word/styles.xml', styles)
            rels += '<Relationship Id="rS" Type="%sstyles" Target="styles.xml"/>' % REL
        if header:
            z.writestr('word/header1.xml', '<hdr xmlns="%s"><p><r><t>Hoved</t></r></p></hdr>' % W)
        z.writestr('word/_rels/document.xml.rels',
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % rels)


def main(out):
    os.makedirs(out, exist_ok=True)
    # 540,000 rows "Tegn | v<i>" in 1.4 MB (26 s and 2.9 GiB before the row limit).
    write(out + '/rows.docx', '<tbl>' + ''.join('<tr><tc><p><r><t>Tegn</t></r></p></tc><tc><p><r><t>v%d</t></r></p></tc></tr>' % i
                                             for i in range(540000)) + '</tbl>')
    # The same just under the row limit: read whole, the slowest a file of rows can be.
    write(out + '/rows-at-limit.docx', '<tbl>' + ''.join('<tr><tc><p><r><t>Tegn</t></r></p></tc><tc><p><r><t>v%d</t></r></p></tc></tr>' % i
                                                      for i in range(19999)) + '</tbl>')
    # 100,000 unclosed w:tcPr in styles.xml (85 s before: pruning rescanned to the end for each).
    write(out + '/styles.docx', '<p><r><t>x</t></r></p>',
          styles='<?xml version="1.0"?><w:styles xmlns:w="%s">' % W + '<w:tcPr>' * 100000 + '</w:styles>')
    # One start tag with 200,000 attributes (10 s before: libxml2's duplicate check).
    write(out + '/attributes.docx', '<p ' + ' '.join('a%d="1"' % i for i in range(200000)) + '><r><t>x</t></r></p>')
    # 100,000 header references, each with a relationship, to one header (8-15 s before).
    n = 100000
    write(out + '/headers.docx',
          '<p><r><t>x</t></r></p><sectPr>' + ''.join('<headerReference r:type="default" r:id="h%d"/>' % i for i in range(n)) + '</sectPr>',
          rels=''.join('<Relationship Id="h%d" Type="%sheader" Target="header1.xml"/>' % (i, REL) for i in range(n)), header=True)
    # 99,999 paragraphs, just under the paragraph limit.
    write(out + '/paragraphs.docx', ''.join('<p><r><t>%s %d</t></r></p>' % (['Tegn', 'Mål', 'Prøvehandling', 'Ejer'][i % 4], i)
                                            for i in range(99999)))


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'bench/out/hostile')
