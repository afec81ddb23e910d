/// The migrations' SQL. A migration that has shipped is never edited: the next change is a new
/// migration (Store.migrator). The record types (Records.swift) are the tables' columns as the
/// code sees them; a test holds the migrated tables to them.
/// What `sqlite3 maalplan.sqlite .schema` shows.
enum Schema {
    static let v1 = """
    -- One row per run of maalplan import. A run stopped by kill -9 keeps status 'running'.
    CREATE TABLE imports (
        id            INTEGER PRIMARY KEY,
        started_at    TEXT NOT NULL,              -- ISO 8601, UTC
        finished_at   TEXT,
        tool_version  TEXT NOT NULL,
        status        TEXT NOT NULL,              -- running, done, interrupted
        arguments     TEXT NOT NULL,              -- the paths given, one per line
        candidates    INTEGER NOT NULL DEFAULT 0, -- Word files found (and .doc/.rtf/.odt)
        imported      INTEGER NOT NULL DEFAULT 0, -- files whose plan was (re)linked
        plans_added   INTEGER NOT NULL DEFAULT 0,
        plans_removed INTEGER NOT NULL DEFAULT 0, -- old contents no path holds any more
        unchanged     INTEGER NOT NULL DEFAULT 0,
        skipped       INTEGER NOT NULL DEFAULT 0,
        failed        INTEGER NOT NULL DEFAULT 0
    );

    -- One row per distinct content (SHA-256 of the file).
    CREATE TABLE plans (
        id                INTEGER PRIMARY KEY,
        sha256            TEXT NOT NULL UNIQUE,
        format            TEXT NOT NULL,          -- docx, docm, dotx, dotm
        bytes             INTEGER NOT NULL,
        template          TEXT NOT NULL,          -- maalplan-2025, maalplan-2024, unknown
        year              INTEGER,
        case_number       TEXT,
        title             TEXT,
        organisation      TEXT,                   -- the logo's path, joined with ', '
        owner             TEXT NOT NULL,
        coordinator       TEXT NOT NULL,
        phase_reached     TEXT NOT NULL,          -- NONE, FOER, UNDER1, UNDER2, EFTER
        next_phase        TEXT,                   -- NULL after EFTER
        missing_for_next  TEXT NOT NULL,          -- field paths, ', '-separated (goals[0].signs, ...)
        json              TEXT NOT NULL,          -- maalplan convert's output, source = first path seen
        import_id         INTEGER REFERENCES imports(id),
        imported_at       TEXT NOT NULL
    );
    CREATE INDEX plans_year ON plans(year);
    CREATE INDEX plans_phase ON plans(phase_reached);

    -- Every path where a plan's content was found.
    CREATE TABLE sources (
        id          INTEGER PRIMARY KEY,
        path        TEXT NOT NULL UNIQUE,         -- absolute
        plan_id     INTEGER NOT NULL REFERENCES plans(id),
        sha256      TEXT NOT NULL,
        size        INTEGER NOT NULL,
        mtime_ns    INTEGER NOT NULL,             -- nanoseconds since 1970 (datetime(mtime_ns / 1e9, 'unixepoch'))
        first_seen  TEXT NOT NULL,
        last_seen   TEXT NOT NULL,
        import_id   INTEGER REFERENCES imports(id) -- the last run that saw it
    );
    CREATE INDEX sources_plan ON sources(plan_id);
    CREATE INDEX sources_import ON sources(import_id);

    -- position: 0-based, as in the JSON and in field paths (goals[0].signs[1]).
    CREATE TABLE goals (
        id          INTEGER PRIMARY KEY,
        plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        goal        TEXT NOT NULL,                -- Mål & målgruppe
        objective   TEXT NOT NULL,                -- Målsætning & politik
        challenge   TEXT NOT NULL,                -- Udfordring
        evaluation  TEXT NOT NULL,
        learning    TEXT NOT NULL,
        UNIQUE (plan_id, position)
    );
    CREATE TABLE signs (
        id        INTEGER PRIMARY KEY,
        plan_id   INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        goal_id   INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        text      TEXT NOT NULL
    );
    CREATE INDEX signs_plan ON signs(plan_id);
    CREATE INDEX signs_goal ON signs(goal_id);
    CREATE TABLE trial_actions (
        id        INTEGER PRIMARY KEY,
        plan_id   INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        goal_id   INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        text      TEXT NOT NULL
    );
    CREATE INDEX trial_actions_plan ON trial_actions(plan_id);
    CREATE INDEX trial_actions_goal ON trial_actions(goal_id);
    CREATE TABLE milestones (
        id         INTEGER PRIMARY KEY,
        plan_id    INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        goal_id    INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        text       TEXT NOT NULL,
        date_from  TEXT,                          -- ISO date, inclusive, when the text holds a date
        date_to    TEXT
    );
    CREATE INDEX milestones_plan ON milestones(plan_id);
    CREATE INDEX milestones_goal ON milestones(goal_id);
    CREATE TABLE contributing_workplaces (
        id        INTEGER PRIMARY KEY,
        plan_id   INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        name      TEXT NOT NULL
    );
    CREATE INDEX contributing_workplaces_plan ON contributing_workplaces(plan_id);
    CREATE TABLE findings (
        id        INTEGER PRIMARY KEY,
        plan_id   INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        severity  TEXT NOT NULL,                  -- error, warning, info
        code      TEXT NOT NULL,                  -- missing-field, guidance-left, ...
        phase     TEXT,
        field     TEXT,
        message   TEXT NOT NULL,                  -- in the language of the run that imported the plan
        location  TEXT                            -- "tabel 3, række 2, kolonne 1 (»Tegn«)"
    );
    CREATE INDEX findings_plan ON findings(plan_id);
    CREATE INDEX findings_code ON findings(code);

    -- Files that could not be read as plans, the latest failure per path.
    CREATE TABLE failures (
        id            INTEGER PRIMARY KEY,
        path          TEXT NOT NULL UNIQUE,
        sha256        TEXT,                       -- NULL when the file could not be read at all
        size          INTEGER,
        mtime_ns      INTEGER,
        reason        TEXT NOT NULL,              -- a stable code: legacy-word, corrupt-zip, ...
        message       TEXT NOT NULL,              -- what is wrong – what to do
        first_failed  TEXT NOT NULL,
        failed_at     TEXT NOT NULL,
        import_id     INTEGER REFERENCES imports(id)
    );
    """

    /// v2: files in the imported folders that look like plans but are no Word document.
    static let v2 = """
    -- Files in the imported folders that look like plans but are no Word file or older Word
    -- format (a PDF, an XPS, a web page): not read, listed so that someone finds the original.
    -- One row per path while it is there: an import of its folder removes the row of a file gone.
    CREATE TABLE unread_files (
        id         INTEGER PRIMARY KEY,
        path       TEXT NOT NULL UNIQUE,
        kind       TEXT NOT NULL,              -- the extension: pdf, xps, htm, ...
        last_seen  TEXT NOT NULL,
        import_id  INTEGER REFERENCES imports(id)
    );
    """

    /// v3: which converter read a plan saved in an older format (.doc, .rtf, .odt).
    static let v3 = """
    -- The converter and its version ("LibreOffice 7.4.7.2") when the file was converted to .docx
    -- before it was read; NULL for a .docx. plans.format then says the original's format.
    ALTER TABLE plans ADD COLUMN converted_by TEXT;
    """
}
