-- The greeting itself: a plain function, callable from anywhere through funcs.call.
local function greeting(name)
    return { greeting = "Hello, " .. name .. "!", length = #name }
end

local function handler()
    local http = require("http")
    local funcs = require("funcs")
    local name = http.request():param("name")
    local result, err = funcs.call("app:greeting", name)
    if err then
        return nil, err
    end
    local res = http.response()
    res:set_content_type(http.CONTENT.JSON)
    res:write_json(result)
end

return { handler = handler, greeting = greeting }
