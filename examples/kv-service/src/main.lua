local io = require("io")
local funcs = require("funcs")
local time = require("time")
local json = require("json")

local function show(label, key)
    local value, err = funcs.call("app:kv_get", key)
    io.print(string.format("%-22s %s", label, value ~= nil and json.encode(value) or ("<" .. err:kind() .. ">")))
end

-- Stores a few entries (one with a one-second TTL), reads and lists them, deletes one and lets the other expire.
local function main()
    assert(funcs.call("app:migrate", true))
    assert(funcs.call("app:kv_put", "user:ada", { name = "Ada" }))
    assert(funcs.call("app:kv_put", "user:alan", { name = "Alan" }))
    assert(funcs.call("app:kv_put", "user:grace", { name = "Grace" }))
    assert(funcs.call("app:kv_put", "session:42", "token-xyz", 1))
    assert(funcs.call("app:kv_put", "counter", 3))
    show("get user:ada", "user:ada")
    show("get counter", "counter")
    show("get session:42", "session:42")
    local users = assert(funcs.call("app:kv_list", "user:"))
    io.print("list user: " .. #users .. " keys")
    for _, item in ipairs(users) do io.print("  " .. item.key .. " = " .. item.value.name) end
    io.print("delete user:alan       " .. tostring(funcs.call("app:kv_delete", "user:alan")))
    io.print("delete user:alan again " .. tostring(funcs.call("app:kv_delete", "user:alan")))
    time.sleep("1200ms")
    show("get session:42 (1.2s)", "session:42")
    io.print("list user: " .. #assert(funcs.call("app:kv_list", "user:")) .. " keys")
    show("get counter (bare key)", ":counter")
    return 0
end

return { main = main }
