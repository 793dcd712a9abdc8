local http = require("http")
local tasks = require("tasks")

local function json(status, body)
    local res = http.response()
    res:set_content_type(http.CONTENT.JSON)
    res:set_status(status)
    res:write_json(body)
end

-- POST /api/tasks {"name": "...", "steps": n}: starts a worker process and answers 202 at once.
local function start()
    local body, err = http.request():body_json()
    if err or type(body) ~= "table" or math.type(body.steps) ~= "integer" or body.steps < 1 or body.steps > 100 then
        return json(http.STATUS.BAD_REQUEST, { error = "steps must be an integer from 1 to 100" })
    end
    local task, terr = tasks.ask("new", { name = body.name or "task", steps = body.steps })
    if terr then
        return json(http.STATUS.SERVICE_UNAVAILABLE, { error = terr })
    end
    local _, serr = process.spawn("app:worker", "app:processes", task.id, task.steps, body.step_time or "200ms")
    if serr then
        return json(http.STATUS.INTERNAL_SERVER_ERROR, { error = tostring(serr) })
    end
    json(http.STATUS.ACCEPTED, { id = task.id, status_url = "/api/tasks/" .. task.id,
        events_url = "/api/tasks/" .. task.id .. "/events" })
end

-- GET /api/tasks/{id}: the task's progress.
local function status()
    local task, err = tasks.ask("get", { id = http.request():param("id") })
    if err then
        return json(http.STATUS.SERVICE_UNAVAILABLE, { error = err })
    end
    if task.error then
        return json(http.STATUS.NOT_FOUND, task)
    end
    json(http.STATUS.OK, { id = task.id, name = task.name, status = task.status, percent = tasks.percent(task) })
end

-- GET /api/tasks/{id}/events: Server-Sent Events with the progress until the task has finished.
local function events()
    local time = require("time")
    local id = http.request():param("id")
    local res = http.response()
    local last = -1
    while true do
        local task, err = tasks.ask("get", { id = id })
        if err or task.error then
            return res:write_event({ name = "error", data = err or task.error })
        end
        local percent = tasks.percent(task)
        if percent ~= last then
            last = percent
            if res:write_event({ name = "progress", data = { percent = percent } }) then
                return -- the client went away
            end
        end
        if task.status == "finished" then
            return res:write_event({ name = "done", data = { id = id } })
        end
        time.sleep("50ms")
    end
end

return { start = start, status = status, events = events }
