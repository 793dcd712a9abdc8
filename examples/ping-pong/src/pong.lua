-- Answers every "ping" with a "pong" carrying the same number, until it is told to stop.
local function main(): integer
    local inbox = process.inbox()
    local events = process.events()
    while true do
        local r = channel.select { inbox:case_receive(), events:case_receive() }
        if r.channel == events then
            if r.value.kind == process.event.CANCEL then
                return 0
            end
        else
            local msg = r.value
            if msg:topic() == "ping" then
                process.send(msg:from(), "pong", msg:payload():data())
            elseif msg:topic() == "stop" then
                return 0
            end
        end
    end
end

return { main = main }
