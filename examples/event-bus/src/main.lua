local io = require("io")

-- Subscribers, in the order their reports are printed: a name, a system pattern and a kind pattern.
local SUBSCRIBERS = {
    { "auditor", "*", "*" },
    { "payments", "orders", "order.paid" },
    { "orders", "orders", "order.*" },
}

-- Starts the subscribers, waits until each has subscribed, runs the publisher to its end, then cancels the
-- subscribers and prints what each of them saw.
local function main(): integer
    local inbox, events = process.inbox(), process.events()
    local pids = {}
    for i, s in ipairs(SUBSCRIBERS) do
        pids[i] = process.spawn("app:subscriber", "app:processes", process.pid(), s[1], s[2], s[3])
    end
    for _ = 1, #SUBSCRIBERS do
        inbox:receive()
    end
    local publisher = process.spawn_monitored("app:publisher", "app:processes")
    repeat
        local ev = events:receive()
    until ev.kind == process.event.EXIT and ev.from == publisher
    for _, pid in ipairs(pids) do
        process.cancel(pid, "publisher done")
    end
    local reports = {}
    for _ = 1, #SUBSCRIBERS do
        local report = inbox:receive():payload():data()
        reports[report.name] = report
    end
    for _, s in ipairs(SUBSCRIBERS) do
        local report = reports[s[1]]
        io.print(string.format("%s (%s) saw %d events", report.name, report.pattern, #report.seen))
        for _, line in ipairs(report.seen) do
            io.print("  " .. line)
        end
    end
    return 0
end

return { main = main }
