local http = require("http")
local funcs = require("funcs")

local function reply(status, body)
    local res = http.response()
    res:set_content_type(http.CONTENT.JSON)
    res:set_status(status)
    res:write_json(body)
end

-- POST /tasks: the body is the task ({ kind = ..., input = ... }); answers 202 with its ID.
local function post()
    local task, err = http.request():body_json()
    if err then
        return reply(http.STATUS.BAD_REQUEST, { error = "the body must be a JSON task" })
    end
    local id, serr = funcs.call("app:submit_task", task)
    if serr then
        return reply(serr:kind() == errors.INVALID and http.STATUS.BAD_REQUEST or http.STATUS.INTERNAL_ERROR,
            { error = serr:message() })
    end
    reply(http.STATUS.ACCEPTED, { id = id })
end

-- GET /tasks[?status=pending|completed|failed]: the tasks in submission order.
local function get()
    local tasks, err = funcs.call("app:list_tasks", http.request():query("status"))
    if err then
        return reply(http.STATUS.INTERNAL_ERROR, { error = err:message() })
    end
    reply(http.STATUS.OK, tasks)
end

return { post = post, get = get }
