local io = require("io")

-- Starts three approvals with the given deadline, decides two of them, and prints how each ended.
local function main(deadline)
    deadline = deadline or "48h"
    local events = process.events()
    local names = {}
    local pids = {}
    for i = 1, 3 do
        local id = "purchase-" .. i
        local pid, err = process.with_options({ ["temporal.workflow.id"] = id })
            :spawn_monitored("app:approval", "app:worker", { id = id }, deadline)
        if err then
            io.print(id .. ": cannot start: " .. tostring(err))
            return 1
        end
        names[pid] = id
        pids[i] = pid
    end
    process.send(pids[1], "decision", { approved = true, by = "alice" })
    process.send(pids[2], "decision", { approved = false, by = "bob" })

    local outcomes = {}
    for _ = 1, 3 do
        local ev = events:receive()
        outcomes[names[ev.from]] = ev.result.value or ("failed: " .. tostring(ev.result.error))
    end
    for i = 1, 3 do
        io.print("purchase-" .. i .. ": " .. outcomes["purchase-" .. i])
    end
    return 0
end

return { main = main }
