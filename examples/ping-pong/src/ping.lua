-- Sends `rounds` pings to `pong`, waits for each answer and reports every exchange to `observer`.
local function main(pong: string, rounds: integer, observer: string): integer
    local inbox = process.inbox()
    for i = 1, rounds do
        process.send(pong, "ping", i)
        local reply = inbox:receive()
        local n = reply:payload():data()
        if reply:topic() ~= "pong" or n ~= i then
            error("unexpected answer " .. reply:topic() .. " " .. tostring(n))
        end
        process.send(observer, "exchange", { round = i, from = reply:from() })
    end
    return rounds
end

return { main = main }
