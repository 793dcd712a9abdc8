local http = require("http")

local WORKER = "app:worker"

local function reply(status, body)
    local res = http.response()
    res:set_content_type(http.CONTENT.JSON)
    res:set_status(status)
    res:write_json(body)
end

local function pid(id)
    return "{" .. WORKER .. "@" .. WORKER .. "|approval-" .. id .. "}"
end

-- POST /approvals { id, amount[, deadline] }: starts the approval workflow, durably, and answers 202.
local function start()
    local body, err = http.request():body_json()
    if err or type(body) ~= "table" or type(body.id) ~= "string" then
        return reply(http.STATUS.BAD_REQUEST, { error = "the body must be { id = string, amount = number }" })
    end
    local started, serr = process.with_options({
            ["temporal.workflow.id"] = "approval-" .. body.id,
            ["temporal.workflow.id_conflict_policy"] = "fail",
        }):spawn("app:approval", WORKER, { id = body.id, amount = body.amount }, body.deadline or "48h")
    if serr then
        local conflict = serr:kind() == errors.ALREADY_EXISTS
        return reply(conflict and http.STATUS.CONFLICT or http.STATUS.INTERNAL_ERROR, { error = serr:message() })
    end
    reply(http.STATUS.ACCEPTED, { id = body.id, workflow = started })
end

-- POST /approvals/{id}/decision { approved, by }: a signal to the workflow, recorded before this answers.
local function decide()
    local req = http.request()
    local decision, err = req:body_json()
    if err or type(decision) ~= "table" then
        return reply(http.STATUS.BAD_REQUEST, { error = "the body must be { approved = boolean, by = string }" })
    end
    local ok, serr = process.send(pid(req:param("id")), "decision", decision)
    if not ok then
        return reply(serr:kind() == errors.NOT_FOUND and http.STATUS.NOT_FOUND or http.STATUS.INTERNAL_ERROR,
            { error = serr:message() })
    end
    reply(http.STATUS.ACCEPTED, { id = req:param("id"), decision = "recorded" })
end

-- GET /approvals/{id}: the outcome once recorded, else the waiting workflow's own answer.
local function show()
    local store = require("store")
    local time = require("time")
    local id = http.request():param("id")
    local outcome = store.get("app:results"):get(id)
    if outcome then
        return reply(http.STATUS.OK, outcome)
    end
    local answers = process.listen("status")
    if not process.send(pid(id), "status?", {}) then
        return reply(http.STATUS.NOT_FOUND, { error = "no approval " .. id })
    end
    local r = channel.select { answers:case_receive(), time.after("2s"):case_receive() }
    if r.channel ~= answers then
        return reply(http.STATUS.GATEWAY_TIMEOUT, { error = "the approval did not answer" })
    end
    reply(http.STATUS.OK, r.value)
end

return { start = start, decide = decide, show = show }
