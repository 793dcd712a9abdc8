local io = require("io")

-- Starts a pong and a ping process, prints each exchange, then stops pong and waits for both to exit.
local function main(rounds: string?): integer
    local n = math.tointeger(tonumber(rounds or "3")) or 3
    local inbox = process.inbox()
    local events = process.events()
    local pong = process.spawn_monitored("app:pong", "app:processes")
    local ping = process.spawn_monitored("app:ping", "app:processes", pong, n, process.pid())
    local running = 2
    while running > 0 do
        local r = channel.select { inbox:case_receive(), events:case_receive() }
        if r.channel == inbox then
            local ex = r.value:payload():data()
            io.print(string.format("round %d: ping -> pong -> ping", ex.round))
        elseif r.value.kind == process.event.EXIT then
            running = running - 1
            local result = r.value.result
            if r.value.from == ping then
                if result.error then
                    io.eprint("ping failed: " .. tostring(result.error))
                    return 1
                end
                io.print("ping finished after " .. result.value .. " rounds")
                process.send(pong, "stop")
            else
                io.print("pong stopped")
            end
        end
    end
    return 0
end

return { main = main }
