-- Shared by the handlers: a request/reply call to the store actor, and JSON answers.
local http = require("http")
local time = require("time")

local shop = {}

-- Asks the store; answers status, body. 503 when the store is not running, 504 when it does not answer in time.
function shop.ask(operation, args)
    local store = process.registry.lookup("store")
    if not store then
        return 503, { error = "store is not running" }
    end
    local inbox = process.inbox()
    process.send(store, operation, { reply_to = process.pid(), args = args })
    local timeout = time.after("2s")
    local r = channel.select({ inbox:case_receive(), timeout:case_receive() })
    if r.channel == timeout then
        return 504, { error = "store did not answer" }
    end
    local reply = r.value:payload():data()
    return reply.status, reply.body
end

function shop.reply(status, body)
    local res = http.response()
    res:set_content_type(http.CONTENT.JSON)
    res:set_status(status)
    res:write_json(body)
end

-- The request body as JSON, or nil after answering 400.
function shop.body()
    local data, err = http.request():body_json()
    if err or type(data) ~= "table" then
        shop.reply(http.STATUS.BAD_REQUEST, { error = "the body must be a JSON object" })
        return nil
    end
    return data
end

-- A numeric path parameter, or nil after answering 400.
function shop.id(name)
    local id = tonumber(http.request():param(name))
    if not id or math.type(id) ~= "integer" then
        shop.reply(http.STATUS.BAD_REQUEST, { error = name .. " must be an integer" })
        return nil
    end
    return id
end

return shop
