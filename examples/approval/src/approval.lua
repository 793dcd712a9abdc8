local funcs = require("funcs")
local time = require("time")

-- Subscribe before the first wait, so that a decision sent at any time is seen.
local function run(request, deadline)
    local decisions = process.listen("decision")
    funcs.call("app:submit", request)

    local expired = time.after(deadline)
    local r = channel.select { decisions:case_receive(), expired:case_receive() }
    if r.channel == expired then
        funcs.call("app:notify", request.id, "expired")
        return "expired (no decision within " .. deadline .. ")"
    end
    local decision = r.value
    if decision.approved then
        funcs.call("app:fulfil", request.id)
        return "approved by " .. decision.by
    end
    funcs.call("app:notify", request.id, "rejected")
    return "rejected by " .. decision.by
end

return { run = run }
