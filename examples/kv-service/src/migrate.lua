local sql = require("sql")

-- The table store.sql expects (the store does not create it); the demo starts it empty.
local function run(reset)
    local db, err = sql.get("app:db")
    if err then return nil, err end
    local _, e = db:execute("CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value BLOB NOT NULL, "
        .. "expires_at TIMESTAMP NULL)")
    if not e and reset then
        _, e = db:execute("DELETE FROM kv")
    end
    db:release()
    if e then return nil, e end
    return true
end

return { run = run }
