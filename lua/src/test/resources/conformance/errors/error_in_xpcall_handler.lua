-- An error rethrown after xpcall with a traceback-producing handler; only the message is printed,
-- so that the traceback of the handler is not part of the comparison.
local ok, msg = xpcall(function() error("first failure") end, function(m) return "handled: " .. m end)
print(ok, msg)
local function outer() error(msg, 0) end
outer()
