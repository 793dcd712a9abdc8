local io = require("io")
local funcs = require("funcs")
local time = require("time")

local TASKS = {
    { kind = "reverse", input = { text = "wippy" } },
    { kind = "sum", input = { numbers = { 1, 2, 3, 4 } } },
    { kind = "upper", input = { text = "queued work" } },
    { kind = "translate", input = { text = "hola" } },
    { kind = "sum", input = { numbers = { 10, 20 } } },
    { kind = "reverse", input = { text = "sqlite" } },
}

local function describe(task)
    local r = task.result or {}
    return r.error or (r.text and ("text=" .. r.text)) or ("total=" .. tostring(r.total))
end

-- Submits the tasks as the HTTP POST handler would, waits until none is pending, then lists them by status as the
-- HTTP GET handler would.
local function main()
    assert(funcs.call("app:migrate"))
    funcs.call("app:clear_tasks")
    for i, task in ipairs(TASKS) do
        task.id = string.format("task-%02d", i)
        assert(funcs.call("app:submit_task", task))
    end
    for _ = 1, 200 do
        if #assert(funcs.call("app:list_tasks", "pending")) == 0 then break end
        time.sleep("25ms")
    end
    local all = assert(funcs.call("app:list_tasks"))
    io.print(string.format("%d tasks submitted, %d stored", #TASKS, #all))
    for _, status in ipairs({ "completed", "failed", "pending" }) do
        local tasks = assert(funcs.call("app:list_tasks", status))
        io.print(string.format("%s: %d", status, #tasks))
        for _, task in ipairs(tasks) do
            io.print(string.format("  %s %-9s %s", task.id, task.kind, describe(task)))
        end
    end
    return 0
end

return { main = main }
