-- Request/reply with the tracker, for the handlers.
local time = require("time")

local tasks = {}

function tasks.ask(topic, payload)
    payload.reply_to = process.pid()
    local inbox = process.inbox()
    local ok, err = process.send("tracker", topic, payload)
    if err then
        return nil, "tracker is not running"
    end
    local timeout = time.after("2s")
    local r = channel.select({ inbox:case_receive(), timeout:case_receive() })
    if r.channel == timeout then
        return nil, "tracker did not answer"
    end
    return r.value:payload():data()
end

function tasks.percent(t)
    return math.floor(t.done * 100 / t.steps)
end

return tasks
