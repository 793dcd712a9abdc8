local io = require("io")
local funcs = require("funcs")
local time = require("time")

local function main(): integer
    -- a synchronous call: the result comes back as a plain Lua value
    local slug = funcs.call("app:slugify", "Hello, Wippy on the JVM!")
    io.print("slug: " .. slug)

    -- four slow lookups at once, with a context value every call sees
    local exec = funcs.new():with_context({ currency = "EUR" })
    local items = { "apple", "pear", "plum", "kiwi" }
    local started = time.now()
    local futures = {}
    for i, item in ipairs(items) do
        futures[i] = exec:async("app:lookup", item)
    end
    for i, item in ipairs(items) do
        local outcome = futures[i]:channel():receive()
        local err, failed = futures[i]:error()
        if failed then
            io.print(item .. ": " .. err:kind() .. " (" .. err:message() .. ")")
        else
            local price = outcome:data()
            io.print(string.format("%s: %d %s", price.item, price.cents, price.currency))
        end
    end
    local elapsed = time.now():sub(started)
    io.print("four lookups of 300ms each took " .. (elapsed:milliseconds() < 600 and "less than 600ms" or "too long"))
    return 0
end

return { main = main }
