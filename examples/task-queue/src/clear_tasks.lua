local sql = require("sql")

-- Deletes every stored task; the demo starts from an empty table so that its output is the same every time.
local function run()
    local db, err = sql.get("app:db")
    if err then return nil, err end
    local res, e = sql.builder.delete("tasks"):run_with(db):exec()
    db:release()
    if e then return nil, e end
    return res.rows_affected
end

return { run = run }
