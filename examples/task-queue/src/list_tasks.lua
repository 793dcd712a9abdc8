local sql = require("sql")
local json = require("json")

-- Tasks in submission order, only those of one status when given. The HTTP GET handler calls this with the
-- ?status= query parameter.
local function list(status)
    local db, err = sql.get("app:db")
    if err then return nil, err end
    local q = sql.builder.select("id", "kind", "input", "status", "result", "created_at", "processed_at")
        :from("tasks"):order_by("created_at ASC", "id ASC"):limit(100)
    if status and status ~= "" then
        q = q:where({ status = status })
    end
    local rows, e = q:run_with(db):query()
    db:release()
    if e then return nil, e end
    for _, row in ipairs(rows) do
        row.input = json.decode(row.input)
        row.result = row.result and json.decode(row.result) or nil
    end
    return rows
end

return { list = list }
