import Foundation
import MaalplanCore
import MaalplanModel

/// `import --json-dir`: each file's plan as `maalplan convert` writes it, in one folder, named
/// after the file's path below the folder argument it was found in.
struct JSONExport {
    let folder: String
    /// The longest name a file name may start with: 255 bytes less ".json" and "~NNN".
    static let maxBaseBytes = 255 - 5 - 4
    /// File name in `folder` by file path.
    private let names: [PathKey: String]

    /// Makes the folder (and checks it can be written) for the files of a run.
    init(folder: String, paths: [String], roots: [String]) throws(StoreError) {
        self.folder = folder
        names = Self.names(paths, roots: roots)
        do throws(WriteError) {
            try makeFolder(folder)
            guard access(folder, W_OK) == 0 else { throw WriteError(errno) }
        } catch {
            throw StoreError.jsonDir(folder, error.code)
        }
        // What runs killed before their rename left.
        removeStaleTemporaryFiles(in: folder)
    }

    /// Writes a file's plan (nil: removes its old JSON, the file failed). A file that cannot be
    /// written is said once, on stderr's line of the run, by the caller (returned).
    func write(_ json: String?, for path: String) -> WriteError? {
        guard let name = names[PathKey(path)] else { return nil }
        let file = folder + "/" + name
        guard let json else { unlink(file); return nil }
        do { try writeAtomically(json, to: file) } catch { return error }
        return nil
    }

    /// A stored plan's JSON (which names the first path its content was found at) for another
    /// path: the plan read back and written again with that path.
    static func json(stored: String, path: String) -> String? {
        guard var plan = try? JSONDecoder().decode(Plan.self, from: Data(stored.utf8)) else { return nil }
        plan.source?.path = path
        return plan.json.serialized()
    }

    /// JSON file names for --json-dir: the path below the folder argument it was found in (a file
    /// argument: its name), "/" written as "__", ".json" added; a name taken twice gets "~2", "~3" ...
    /// in path order. Example: `import Planer` → Planer/2025/Økonomi/plan.docx → 2025__Økonomi__plan.docx.json.
    static func names(_ paths: [String], roots: [String]) -> [PathKey: String] {
        let folders = roots.sorted { $0.count > $1.count }
        var taken = Set<String>()
        var out: [PathKey: String] = [:]
        for path in paths.sorted() {
            var rel = (path as NSString).lastPathComponent
            if let root = folders.first(where: { path.hasPrefix($0 == "/" ? "/" : $0 + "/") && path != $0 }) {
                rel = String(path.dropFirst(root == "/" ? 1 : root.count + 1))
            }
            var base = rel.replacingOccurrences(of: "/", with: "__")
            // A name must fit the file system's 255 bytes: a longer one keeps its start and
            // ends in a short hash of the whole, so that names stay apart.
            if base.utf8.count > Self.maxBaseBytes {
                let hash = String(SHA256.hex(Array(rel.utf8)).prefix(12))
                var cut = base.utf8.prefix(Self.maxBaseBytes - hash.count - 1)
                while String(bytes: cut, encoding: .utf8) == nil { cut = cut.dropLast() }
                base = String(decoding: cut, as: UTF8.self) + "~" + hash
            }
            var name = base + ".json"
            var k = 2
            while !taken.insert(name.lowercased()).inserted {
                name = base + "~\(k).json"
                k += 1
            }
            out[PathKey(path)] = name
        }
        return out
    }
}
