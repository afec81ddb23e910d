import GRDB
import GRDBSQLite

/// The writer's inserts of new rows: one prepared statement per table, made from the record's
/// coding keys (its columns, the one list), and bound straight from what the record's
/// `encode(to:)` gives, in order. What GRDB's `record.insert(db)` does, without a container keyed
/// by column name and an argument array per row: for the dozens of rows each plan brings, those
/// were most of the writer's work (bench/import.sh).
struct RowInserter {
    private var statements: [ObjectIdentifier: Statement] = [:]

    /// Inserts `record` (its id, when nil, made by SQLite: an INTEGER PRIMARY KEY given NULL) and sets its id.
    mutating func insert<R: MaalplanRecord>(_ record: inout R, _ db: Database) throws {
        let statement: Statement
        if let s = statements[ObjectIdentifier(R.self)] {
            statement = s
        } else {
            let columns = ColumnBinder(statement: nil)
            try record.encode(to: columns)
            let marks = Array(repeating: "?", count: columns.names.count).joined(separator: ", ")
            statement = try db.makeStatement(sql: "INSERT INTO \(R.databaseTableName) (\(columns.names.joined(separator: ", "))) VALUES (\(marks))")
            statements[ObjectIdentifier(R.self)] = statement
        }
        let s = statement.sqliteStatement
        try record.encode(to: ColumnBinder(statement: s))
        let rc = sqlite3_step(s)
        sqlite3_reset(s)
        sqlite3_clear_bindings(s)
        guard rc == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
        record.id = db.lastInsertedRowID
    }
}

/// An encoder that binds a record's values to an INSERT's parameters in the order its keys come
/// (or, with no statement, lists the keys: the columns). A nil value is NULL: a new row's id, nil,
/// is then SQLite's to make.
private final class ColumnBinder: Encoder {
    private let statement: SQLiteStatement?
    private var index: Int32 = 0
    var names: [String] = []
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(statement: SQLiteStatement?) { self.statement = statement }

    private static let empty: StaticString = ""
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// The next parameter's position, or nil when only the names are wanted.
    private func next(_ key: some CodingKey) -> Int32? {
        guard statement != nil else { names.append(key.stringValue); return nil }
        index += 1
        return index
    }

    func bind(_ key: some CodingKey, _ value: Int64?) {
        guard let i = next(key), let s = statement else { return }
        if let value { sqlite3_bind_int64(s, i, value) } else { sqlite3_bind_null(s, i) }
    }

    func bind(_ key: some CodingKey, _ value: String?) {
        guard let i = next(key), let s = statement else { return }
        guard var value else { sqlite3_bind_null(s, i); return }
        value.withUTF8 { b in
            // An empty string has no buffer: bound as "" (not NULL), from a static empty C string.
            let p = UnsafeRawPointer(b.baseAddress ?? Self.empty.utf8Start).assumingMemoryBound(to: CChar.self)
            _ = sqlite3_bind_text(s, i, p, Int32(b.count), Self.transient)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Container<Key>(binder: self))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { fatalError("a record is a row of columns") }
    func singleValueContainer() -> any SingleValueEncodingContainer { fatalError("a record is a row of columns") }

    struct Container<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let binder: ColumnBinder
        var codingPath: [any CodingKey] { [] }
        func encodeNil(forKey key: Key) { binder.bind(key, Int64?.none) }
        func encode(_ value: Bool, forKey key: Key) { binder.bind(key, value ? 1 : 0) }
        func encode(_ value: Int, forKey key: Key) { binder.bind(key, Int64(value)) }
        func encode(_ value: Int64, forKey key: Key) { binder.bind(key, value) }
        func encode(_ value: String, forKey key: Key) { binder.bind(key, value) }
        func encodeIfPresent(_ value: Int?, forKey key: Key) { binder.bind(key, value.map(Int64.init)) }
        func encodeIfPresent(_ value: Int64?, forKey key: Key) { binder.bind(key, value) }
        func encodeIfPresent(_ value: String?, forKey key: Key) { binder.bind(key, value) }
        func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { encodeNil(forKey: key) }
        }
        func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            // Enums stored by their raw value (ImportRecord.Status).
            guard let raw = (value as? any RawRepresentable)?.rawValue as? String else {
                throw EncodingError.invalidValue(value, .init(codingPath: [key], debugDescription: "not a column value"))
            }
            binder.bind(key, raw)
        }
        func nestedContainer<N: CodingKey>(keyedBy: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
            fatalError("a record is a row of columns")
        }
        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { fatalError("a record is a row of columns") }
        func superEncoder() -> any Encoder { binder }
        func superEncoder(forKey key: Key) -> any Encoder { binder }
    }
}
