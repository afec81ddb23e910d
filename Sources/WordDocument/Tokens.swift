import XMLStream

/// The element and attribute names BodyReader switches on, as XMLPullReader tokens: small
/// integers compared in a switch instead of strings. Raw values are "prefix:local" with the
/// prefixes of `namespaces` ("" for no namespace); a name's token is its case's position.
enum Tok: String, CaseIterable {
    case other = ""

    // w: elements
    case document = "w:document", body = "w:body", footnote = "w:footnote", endnote = "w:endnote"
    case p = "w:p", pPr = "w:pPr", pStyle = "w:pStyle", outlineLvl = "w:outlineLvl", numPr = "w:numPr"
    case numId = "w:numId", ilvl = "w:ilvl", framePr = "w:framePr", sectPr = "w:sectPr"
    case headerReference = "w:headerReference", footerReference = "w:footerReference"
    case tbl = "w:tbl", tblPr = "w:tblPr", tblStyle = "w:tblStyle", tblGrid = "w:tblGrid", gridCol = "w:gridCol"
    case tr = "w:tr", trPr = "w:trPr", gridBefore = "w:gridBefore", gridAfter = "w:gridAfter"
    case tc = "w:tc", tcPr = "w:tcPr", gridSpan = "w:gridSpan", vMerge = "w:vMerge", hMerge = "w:hMerge"
    case sdt = "w:sdt", sdtPr = "w:sdtPr", sdtEndPr = "w:sdtEndPr", sdtContent = "w:sdtContent", showingPlcHdr = "w:showingPlcHdr"
    case customXml = "w:customXml", customXmlPr = "w:customXmlPr", smartTag = "w:smartTag", smartTagPr = "w:smartTagPr"
    case ins = "w:ins", del = "w:del", moveTo = "w:moveTo", moveFrom = "w:moveFrom"
    case rPrChange = "w:rPrChange", pPrChange = "w:pPrChange"
    case r = "w:r", rPr = "w:rPr", rStyle = "w:rStyle", vanish = "w:vanish", t = "w:t", rt = "w:rt"
    case tab = "w:tab", ptab = "w:ptab", br = "w:br", cr = "w:cr", noBreakHyphen = "w:noBreakHyphen", softHyphen = "w:softHyphen"
    case sym = "w:sym", fldChar = "w:fldChar", fldData = "w:fldData"
    case instrText = "w:instrText", delText = "w:delText", delInstrText = "w:delInstrText"
    case footnoteReference = "w:footnoteReference", endnoteReference = "w:endnoteReference"
    case commentReference = "w:commentReference", annotationRef = "w:annotationRef"
    case footnoteRef = "w:footnoteRef", endnoteRef = "w:endnoteRef"
    case separator = "w:separator", continuationSeparator = "w:continuationSeparator"
    case lastRenderedPageBreak = "w:lastRenderedPageBreak", pgNum = "w:pgNum"
    case dayShort = "w:dayShort", monthShort = "w:monthShort", yearShort = "w:yearShort"
    case dayLong = "w:dayLong", monthLong = "w:monthLong", yearLong = "w:yearLong"
    case txbxContent = "w:txbxContent"

    // Other namespaces' elements
    case alternateContent = "mc:AlternateContent", choice = "mc:Choice", fallback = "mc:Fallback"
    case docPr = "wp:docPr"
    case vTextbox = "v:textbox"
    case mT = "m:t", mE = "m:e", mNum = "m:num", mDen = "m:den", mSub = "m:sub", mSup = "m:sup"
    case mDeg = "m:deg", mLim = "m:lim", mFName = "m:fName"

    // Attributes
    case val = "w:val", w = "w:w", type = "w:type", id = "w:id", rId = "r:id", fldCharType = "w:fldCharType"
    case font = "w:font", char = "w:char", dropCap = "w:dropCap"
    case descr = ":descr", title = ":title", name = ":name", alt = ":alt"

    static let namespaces: [String: XMLNamespace] = ["": .none, "w": .w, "r": .r, "mc": .mc, "wp": .wp, "v": .v, "m": .m]

    /// Every case, by token.
    static let all: [Tok] = allCases

    /// This case's token: its position among the cases (the enum's own one-byte tag).
    var index: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    /// The token table to hand XMLPullReader.useTokens.
    static let table = XMLNameTable(tokens: names)

    /// The names, by token.
    static let names: [QName] = all.enumerated().map { i, t in
        precondition(MemoryLayout<Tok>.size == 1 && t.index == i)
        guard let colon = t.rawValue.firstIndex(of: ":") else { return QName(.none, "") }
        let ns = namespaces[String(t.rawValue[..<colon])]!
        return QName(ns, String(t.rawValue[t.rawValue.index(after: colon)...]))
    }
}
