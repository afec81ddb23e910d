import Foundation

public func parseJSON(_ s: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(s.utf8), options: [.fragmentsAllowed])
}

public func parseJSON(file: URL) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(contentsOf: file), options: [])
}

/// Deep equality of parsed JSON values (NSNumber booleans and integers told apart by value).
public func jsonEqual(_ a: Any?, _ b: Any?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case let (x as [String: Any], y as [String: Any]):
        return x.count == y.count && x.allSatisfy { k, v in y[k] != nil && jsonEqual(v, y[k]) }
    case let (x as [Any], y as [Any]):
        return x.count == y.count && zip(x, y).allSatisfy { jsonEqual($0, $1) }
    case let (x as String, y as String): return x == y
    case let (x as NSNumber, y as NSNumber): return x == y
    case (is NSNull, is NSNull): return true
    default: return false
    }
}

public func compact(_ v: Any?) -> String {
    guard let v else { return "nil" }
    if let d = try? JSONSerialization.data(withJSONObject: v, options: [.fragmentsAllowed, .sortedKeys]) {
        return String(decoding: d, as: UTF8.self)
    }
    return "\(v)"
}

/// A JSON Schema checker for the subset docs/maalplan.schema.json uses: type, const, enum,
/// required, properties, additionalProperties: false, items, pattern, minimum, maximum, $ref.
public struct SchemaChecker {
    public let root: [String: Any]

    public init(root: [String: Any]) { self.root = root }

    public func check(_ value: Any, _ schema: [String: Any]? = nil, path: String = "$") -> [String] {
        var s = schema ?? root
        if let ref = s["$ref"] as? String, ref.hasPrefix("#/$defs/") {
            s = (root["$defs"] as! [String: Any])[String(ref.dropFirst(8))] as! [String: Any]
        }
        var errors: [String] = []
        if let c = s["const"], !jsonEqual(c, value) { errors.append("\(path): not \(compact(c))") }
        if let e = s["enum"] as? [Any], !e.contains(where: { jsonEqual($0, value) }) { errors.append("\(path): \(compact(value)) not in enum") }
        if let t = s["type"] {
            let types = (t as? [String]) ?? [t as! String]
            if !types.contains(where: { Self.isType(value, $0) }) { errors.append("\(path): not of type \(types)"); return errors }
        }
        if let obj = value as? [String: Any] {
            for r in (s["required"] as? [String]) ?? [] where obj[r] == nil { errors.append("\(path): missing \(r)") }
            let props = (s["properties"] as? [String: Any]) ?? [:]
            for (k, v) in obj {
                if let ps = props[k] as? [String: Any] {
                    errors += check(v, ps, path: "\(path).\(k)")
                } else if (s["additionalProperties"] as? Bool) == false {
                    errors.append("\(path): unexpected key \(k)")
                }
            }
        }
        if let arr = value as? [Any], let items = s["items"] as? [String: Any] {
            for (i, v) in arr.enumerated() { errors += check(v, items, path: "\(path)[\(i)]") }
        }
        if let str = value as? String, let p = s["pattern"] as? String,
           str.range(of: p, options: .regularExpression) == nil { errors.append("\(path): \(str) does not match \(p)") }
        if let n = value as? NSNumber, !(value is Bool) {
            if let min = s["minimum"] as? NSNumber, n.doubleValue < min.doubleValue { errors.append("\(path): below minimum") }
            if let max = s["maximum"] as? NSNumber, n.doubleValue > max.doubleValue { errors.append("\(path): above maximum") }
        }
        return errors
    }

    static func isBool(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" || type(of: n) != NSNumber.self && "\(type(of: n))".contains("Bool") }

    static func isType(_ v: Any, _ t: String) -> Bool {
        switch t {
        case "object": return v is [String: Any]
        case "array": return v is [Any]
        case "string": return v is String
        case "null": return v is NSNull
        case "integer":
            guard let n = v as? NSNumber, !isBool(n) else { return false }
            return n.doubleValue == n.doubleValue.rounded()
        case "boolean":
            guard let n = v as? NSNumber else { return false }
            return isBool(n)
        default: return false
        }
    }
}
