local sql = require("sql")
local time = require("time")
local json = require("json")

local handlers = {
    reverse = function(input) return { text = input.text:reverse() } end,
    sum = function(input)
        local total = 0
        for _, n in ipairs(input.numbers) do total = total + n end
        return { total = total }
    end,
    upper = function(input) return { text = input.text:upper() } end,
}

-- The queue consumer's handler: runs the task and stores its outcome; an unknown kind is stored as failed.
local function handle(task)
    local run = handlers[task.kind]
    local status, result
    if run then
        local ok, value = pcall(run, task.input)
        status = ok and "completed" or "failed"
        result = ok and json.encode(value) or json.encode({ error = tostring(value) })
    else
        status, result = "failed", json.encode({ error = "unknown task kind " .. task.kind })
    end
    local db, err = sql.get("app:db")
    if err then return nil, err end
    local _, e = sql.builder.update("tasks")
        :set("status", status)
        :set("result", result)
        :set("processed_at", time.now():unix_nano())
        :where({ id = task.id })
        :run_with(db):exec()
    db:release()
    if e then return nil, e end
    return true
end

return { handle = handle }
