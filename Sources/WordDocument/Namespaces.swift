import XMLStream

/// The namespaces of WordprocessingML that the reader tells apart. Transitional and Strict
/// (ISO/IEC 29500 `http://purl.oclc.org/ooxml/...`) URIs are the same namespace here.
extension XMLNamespace {
    static let w = XMLNamespace(1)
    static let r = XMLNamespace(2)
    static let wp = XMLNamespace(3)
    static let mc = XMLNamespace(4)
    static let v = XMLNamespace(5)
    static let m = XMLNamespace(6)
    static let dc = XMLNamespace(7)
    static let dcterms = XMLNamespace(8)
    static let cp = XMLNamespace(9)
}

enum WordNamespaces {
    static let table = XMLNamespaces([
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main": .w,
        "http://purl.oclc.org/ooxml/wordprocessingml/main": .w,
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships": .r,
        "http://purl.oclc.org/ooxml/officeDocument/relationships": .r,
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": .wp,
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing": .wp,
        "http://schemas.openxmlformats.org/markup-compatibility/2006": .mc,
        "urn:schemas-microsoft-com:vml": .v,
        "http://schemas.openxmlformats.org/officeDocument/2006/math": .m,
        "http://purl.oclc.org/ooxml/officeDocument/math": .m,
        "http://purl.org/dc/elements/1.1/": .dc,
        "http://purl.org/dc/terms/": .dcterms,
        "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": .cp,
    ])
}
