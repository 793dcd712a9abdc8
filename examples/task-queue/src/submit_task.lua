local sql = require("sql")
local queue = require("queue")
local uuid = require("uuid")
local time = require("time")
local json = require("json")

-- Records a pending task and queues it; returns its ID. The HTTP POST handler calls this with the request body.
local function submit(task)
    if type(task) ~= "table" or type(task.kind) ~= "string" then
        return nil, errors.new({ kind = errors.INVALID, message = "a task needs a kind" })
    end
    local db, err = sql.get("app:db")
    if err then return nil, err end
    local id = task.id or uuid.v7()
    local _, e = sql.builder.insert("tasks")
        :columns("id", "kind", "input", "status", "created_at")
        :values(id, task.kind, json.encode(task.input or {}), "pending", time.now():unix_nano())
        :run_with(db):exec()
    db:release()
    if e then return nil, e end
    local ok, qerr = queue.publish("app:tasks", { id = id, kind = task.kind, input = task.input or {} })
    if not ok then return nil, qerr end
    return id
end

return { submit = submit }
