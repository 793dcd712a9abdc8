local io = require("io")
local time = require("time")

-- Sends one line to the relay and waits up to two seconds for the answer.
local function echo(inbox, line: string): string
    local _, err = process.send("relay", "echo", { reply_to = process.pid(), text = line })
    if err then
        return "  relay unavailable: " .. tostring(err)
    end
    local deadline = time.after("2s")
    local r = channel.select { inbox:case_receive(), deadline:case_receive() }
    if r.channel == deadline then
        return "  timeout"
    end
    local answer = r.value:payload():data()
    return "  " .. answer.text .. "\n  from worker " .. answer.worker
end

local function main(): integer
    local inbox = process.inbox()
    -- the relay service registers its name as it starts; wait until it is there
    for _ = 1, 50 do
        if process.registry.lookup("relay") then break end
        time.sleep("10ms")
    end
    io.print("Echo client. Type lines; an empty line or end of input quits.")
    while true do
        io.write("> ")
        local line = io.readline()
        if not line or line == "" then break end
        io.print(echo(inbox, line))
    end
    io.print("bye")
    return 0
end

return { main = main }
