-- Task progress by ID, until the runtime cancels it. Topics: "new" (answers a fresh ID), "progress" (from
-- workers), "get" (answers a task).
local tasks = {}
local next_id = 1

local function serve(msg)
    local m = msg:payload():data()
    if msg:topic() == "new" then
        local id = tostring(next_id)
        next_id = next_id + 1
        tasks[id] = { id = id, name = m.name, steps = m.steps, done = 0, status = "running" }
        process.send(m.reply_to, "tracker.reply", tasks[id])
    elseif msg:topic() == "progress" then
        local t = tasks[m.id]
        t.done = m.done
        if t.done >= t.steps then
            t.status = "finished"
        end
    elseif msg:topic() == "get" then
        process.send(m.reply_to, "tracker.reply", tasks[m.id] or { error = "no task " .. m.id })
    end
end

local function main()
    process.registry.register("tracker")
    local inbox = process.inbox()
    local events = process.events()
    while true do
        local r = channel.select({ inbox:case_receive(), events:case_receive() })
        if r.channel == events then
            if r.value.kind == process.event.CANCEL then
                return 0
            end
        else
            serve(r.value)
        end
    end
end

return { main = main }
