import MaalplanModel
import Foundation
import GRDB

/// Why the database cannot be used. Every case renders as one line: what is wrong, then what to do.
public enum StoreError: Error, Equatable, Sendable {
    /// `report` on a path where no database is.
    case missing(String)
    case isDirectory(String)
    case noFolder(String)
    /// A read-only place, missing permissions, a lock held too long: SQLite's own words.
    case cannotOpen(String, String)
    case notSQLite(String)
    /// A SQLite database of another program.
    case notMaalplan(String)
    /// Made by a newer maalplan: migrations or a schema version this one does not know.
    case newerSchema(String, String)
    /// Made by an older maalplan and not yet upgraded (only `import` upgrades).
    case olderSchema(String)
    /// Writing failed mid-run (disk full, I/O error).
    case writeFailed(String, String)
    /// Another run holds the database's write lock past the wait.
    case busy(String)
    /// The file is SQLite but damaged, or changed outside maalplan past what it can read: SQLite's words.
    case damaged(String, String)
    /// The --json-dir folder cannot be made or written.
    case jsonDir(String, Int32)

    /// One line: which database, what is wrong, what to do.
    public func message(_ lang: MessageLanguage = .da) -> String {
        switch self {
        case .missing(let p):
            return "\(p): " + lang.pick(da: "der er ingen database her – kør først maalplan import, eller angiv databasen med --db",
                                       en: "there is no database here – run maalplan import first, or name the database with --db")
        case .isDirectory(let p):
            return "\(p): " + lang.pick(da: "stien er en mappe, ikke en databasefil – angiv en fil med --db",
                                       en: "the path is a folder, not a database file – give a file with --db")
        case .noFolder(let p):
            return "\(p): " + lang.pick(da: "mappen findes ikke – opret den eller vælg en anden sti med --db",
                                       en: "the folder does not exist – create it or choose another path with --db")
        case .cannotOpen(let p, let d):
            return "\(p): " + lang.pick(da: "databasen kan ikke åbnes til skrivning (\(d)) – vælg et sted du kan skrive med --db, eller tjek rettighederne",
                                       en: "the database cannot be opened for writing (\(d)) – choose a writable place with --db, or check the permissions")
        case .notSQLite(let p):
            return "\(p): " + lang.pick(da: "filen er ikke en SQLite-database – angiv en anden fil med --db; maalplan overskriver den ikke",
                                       en: "the file is not a SQLite database – give another file with --db; maalplan will not overwrite it")
        case .notMaalplan(let p):
            return "\(p): " + lang.pick(da: "databasen tilhører et andet program (ingen maalplan-tabeller) – angiv en ny fil med --db",
                                       en: "the database belongs to another program (no maalplan tables) – give a new file with --db")
        case .newerSchema(let p, let d):
            return "\(p): " + lang.pick(da: "databasen er lavet af en nyere version af maalplan (\(d)) – opdatér maalplan, eller brug en ny fil med --db",
                                       en: "the database was made by a newer version of maalplan (\(d)) – update maalplan, or use a new file with --db")
        case .olderSchema(let p):
            return "\(p): " + lang.pick(da: "databasen er lavet af en ældre version af maalplan – kør maalplan import for at opgradere den",
                                       en: "the database was made by an older version of maalplan – run maalplan import to upgrade it")
        case .writeFailed(let p, let d):
            return "\(p): " + lang.pick(da: "kan ikke skrive i databasen (\(d)) – tjek pladsen på disken og forbindelsen til den; det skrevne er intakt, kør import igen",
                                       en: "cannot write to the database (\(d)) – check the disk's free space and connection; what was written is intact, run import again")
        case .busy(let p):
            return "\(p): " + lang.pick(da: "databasen bruges af en anden kørsel, der skriver i den – vent til den er færdig, og kør igen",
                                       en: "the database is in use by another run that is writing to it – wait until it has finished, and run again")
        case .damaged(let p, let d):
            return "\(p): " + lang.pick(da: "databasen er beskadiget eller ændret uden for maalplan (\(d)) – importér igen til en ny fil med --db; den gamle lades urørt",
                                       en: "the database is damaged or was changed outside maalplan (\(d)) – import again into a new file with --db; the old one is left alone")
        case .jsonDir(let p, let code):
            return "\(p): " + lang.pick(da: "JSON-mappen kan ikke oprettes eller skrives (\(lang.system(code))) – vælg en anden mappe med --json-dir",
                                       en: "the JSON folder cannot be made or written (\(lang.system(code))) – choose another folder with --json-dir")
        }
    }
}

/// The SQLite database of imported plans: opened, checked, migrated.
///
/// The schema is made by a `DatabaseMigrator` with named migrations ("v1", ...). After the
/// newest migration `PRAGMA user_version` is `Store.schemaVersion` and `PRAGMA application_id`
/// is `Store.applicationID`; a database with migrations this version does not know, or a higher
/// user_version, was made by a newer maalplan and is refused. WAL journal, foreign keys on.
public final class Store {
    /// "MLPN": marks the file as a maalplan database.
    public static let applicationID: Int32 = 0x4D4C_504E
    /// PRAGMA user_version after the newest migration.
    public static let schemaVersion = 3

    public let path: String
    public let writer: any DatabaseWriter

    init(path: String, writer: any DatabaseWriter) {
        self.path = path
        self.writer = writer
    }

    /// The migrations, oldest first. Never edit one that has shipped: add the next.
    public static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: Schema.v1)
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        m.registerMigration("v2") { db in
            try db.execute(sql: Schema.v2)
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        m.registerMigration("v3") { db in
            try db.execute(sql: Schema.v3)
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        return m
    }

    /// Opens (creating when missing) and migrates the database for `import`.
    public static func openForImport(path: String) throws(StoreError) -> Store {
        try precheck(path, mustExist: false)
        // Another program's database is refused before anything is written to it: opening it
        // for writing would already switch its journal to WAL.
        var st = stat()
        if stat(path, &st) == 0, st.st_size > 0 {
            var readOnly = Configuration()
            readOnly.readonly = true
            readOnly.busyMode = .timeout(10)
            do {
                let queue = try DatabaseQueue(path: path, configuration: readOnly)
                try queue.read { db in
                    try check(db, path: path)
                    // Writing into a damaged file (a migration, a batch) can spread the damage.
                    let problems = try String.fetchAll(db, sql: "PRAGMA quick_check(1)")
                    if problems != ["ok"] {
                        // "*** in database main ***\nPage 30: btreeInitPage() returns error code 11": the page's line.
                        let said = problems.first?.split(whereSeparator: \.isNewline).last.map(String.init)
                        throw StoreError.damaged(path, said ?? "quick_check")
                    }
                }
                try queue.close()
            } catch {
                throw map(error, path)
            }
        }
        var config = Configuration()
        config.label = "maalplan"
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A new database gets 16 KiB pages: a plan's row (its JSON some 5 KB) then fits one
            // page instead of spilling to overflow pages, and the writer makes a third of the
            // writes. An existing database keeps the page size it was made with.
            try db.execute(sql: "PRAGMA page_size = 16384")
            // Checkpoints every 2 MiB of log, on the writer while the plans are parsed, so that
            // little is left to copy when the database is closed at the end.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 128")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw map(error, path)
        }
        do {
            try pool.write { db in try check(db, path: path) }
            try migrator.migrate(pool)
        } catch let e as StoreError {
            throw e
        } catch {
            throw map(error, path)
        }
        return Store(path: path, writer: pool)
    }

    /// Opens an existing database read-only for `report` (no migration).
    public static func openForReading(path: String) throws(StoreError) -> Store {
        try precheck(path, mustExist: true)
        var config = Configuration()
        config.label = "maalplan"
        config.readonly = true
        config.busyMode = .timeout(10)
        let queue: DatabaseQueue
        do {
            do {
                let plain = try DatabaseQueue(path: path, configuration: config)
                try plain.read { db in _ = try db.tableExists("plans") }
                queue = plain
            } catch let e as DatabaseError where [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(e.resultCode) {
                // In a folder it cannot write, SQLite cannot make the WAL index beside the file:
                // opened as immutable, it reads the file alone (which holds everything once the
                // last import has closed it).
                queue = try DatabaseQueue(path: immutableURI(path), configuration: config)
            }
            try queue.read { db in
                try check(db, path: path)
                if try !migrator.hasCompletedMigrations(db) {
                    if try !db.tableExists("plans") { throw StoreError.missing(path) }
                    throw StoreError.olderSchema(path)
                }
            }
        } catch let e as StoreError {
            throw e
        } catch {
            throw map(error, path)
        }
        return Store(path: path, writer: queue)
    }

    /// What can be told before SQLite opens the file: a folder, no folder, not SQLite.
    static func precheck(_ path: String, mustExist: Bool) throws(StoreError) {
        var st = stat()
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path) }
            // An empty file is a new database to SQLite; anything else must carry its header.
            if st.st_size > 0 {
                let fd = open(path, O_RDONLY)
                if fd >= 0 {
                    var header = [UInt8](repeating: 0, count: 16)
                    let n = read(fd, &header, 16)
                    close(fd)
                    if n < 16 || header != Array("SQLite format 3\0".utf8) { throw .notSQLite(path) }
                }
            } else if mustExist {
                throw .missing(path)
            }
        } else {
            if mustExist { throw .missing(path) }
            let dir = (path as NSString).deletingLastPathComponent
            var dst = stat()
            if stat(dir.isEmpty ? "." : dir, &dst) != 0 || (dst.st_mode & S_IFMT) != S_IFDIR { throw .noFolder(path) }
        }
    }

    /// Refuses a database of another program or of a newer maalplan.
    static func check(_ db: Database, path: String) throws {
        let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if appID != 0 && appID != applicationID { throw StoreError.notMaalplan(path) }
        if appID == 0 {
            // Migration v1 gives every maalplan database its application_id: a database with
            // tables but without it is another program's, also a GRDB one whose first migration
            // is named "v1" too.
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            if !tables.isEmpty { throw StoreError.notMaalplan(path) }
        }
        if try migrator.hasBeenSuperseded(db) {
            let known = Set(migrator.migrations)
            let unknown = try migrator.appliedIdentifiers(db).filter { !known.contains($0) }.sorted()
            throw StoreError.newerSchema(path, "migrations " + unknown.joined(separator: ", "))
        }
        if userVersion > schemaVersion {
            throw StoreError.newerSchema(path, "user_version \(userVersion) > \(schemaVersion)")
        }
    }

    /// "file:/a/b.sqlite?immutable=1", with what a URI would read otherwise escaped.
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for c in path.unicodeScalars {
            switch c {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(c)
            }
        }
        return "file:" + escaped + "?immutable=1"
    }

    /// Any error met on a database, as the one line a person reads: what is wrong and what to do.
    public static func map(_ error: any Error, _ path: String) -> StoreError {
        if let e = error as? StoreError { return e }
        guard let e = error as? DatabaseError else { return .damaged(path, oneLine("\(error)")) }
        let detail = oneLine(e.message ?? "\(e.resultCode)")
        switch e.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .damaged(path, detail)
        case .SQLITE_FULL, .SQLITE_IOERR: return .writeFailed(path, detail)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: return .cannotOpen(path, detail)
        // Anything else (no such table or column, a value of the wrong type): changed outside maalplan.
        default: return .damaged(path, detail)
        }
    }

    /// A library's message on one line (SQLite's can hold the statement and its line breaks).
    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    }
}
