local io = require("io")

-- Starts a pong and a ping process and prints each exchange that ping reports. The reports (messages) and
-- ping's EXIT event (an event) arrive on different channels, so the loop waits for both before it stops pong.
local function main(rounds: string?): integer
    local n = math.tointeger(tonumber(rounds or "3")) or 3
    local inbox = process.inbox()
    local events = process.events()
    local pong = process.spawn_monitored("app:pong", "app:processes")
    local ping = process.spawn_monitored("app:ping", "app:processes", pong, n, process.pid())
    local seen, finished = 0, nil
    while seen < n or not finished do
        local r = channel.select { inbox:case_receive(), events:case_receive() }
        if r.channel == inbox then
            local ex = r.value:payload():data()
            io.print(string.format("round %d: ping -> pong -> ping", ex.round))
            seen = seen + 1
        elseif r.value.kind == process.event.EXIT and r.value.from == ping then
            local result = r.value.result
            if result.error then
                io.eprint("ping failed: " .. tostring(result.error))
                return 1
            end
            finished = result.value
        end
    end
    io.print("ping finished after " .. finished .. " rounds")
    process.send(pong, "stop")
    repeat
        local ev = events:receive()
    until ev.kind == process.event.EXIT and ev.from == pong
    io.print("pong stopped")
    return 0
end

return { main = main }
