local funcs = require("funcs")
local time = require("time")

-- Waits for a "decision" signal or the deadline, answering "status?" requests meanwhile (spec 05 §3.9).
local function run(request, deadline)
    local decisions = process.listen("decision")
    local asks = process.listen("status?", { message = true })
    funcs.call("app:notify", request.id, "submitted")
    local expired = time.after(deadline)
    local outcome
    while not outcome do
        local r = channel.select { decisions:case_receive(), asks:case_receive(), expired:case_receive() }
        if r.channel == asks then
            process.send(r.value:from(), "status", { id = request.id, status = "waiting", amount = request.amount })
        elseif r.channel == expired then
            outcome = { id = request.id, status = "expired" }
        else
            outcome = { id = request.id, status = r.value.approved and "approved" or "rejected", by = r.value.by }
        end
    end
    funcs.call("app:notify", request.id, outcome.status)
    funcs.call("app:record", request.id, outcome)
    return outcome
end

return { run = run }
