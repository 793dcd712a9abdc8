local sql = require("sql")

-- Portable DDL: the same statement creates the table on SQLite and on PostgreSQL.
local function run()
    local db, err = sql.get("app:db")
    if err then return nil, err end
    local _, e = db:execute([[CREATE TABLE IF NOT EXISTS tasks (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        input TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        result TEXT,
        created_at BIGINT NOT NULL,
        processed_at BIGINT)]])
    db:release()
    if e then return nil, e end
    return true
end

return { run = run }
