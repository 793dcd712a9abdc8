-- error/pcall/xpcall: any value can be an error, levels choose the position prefix,
-- message handlers see the original value, and nested protected calls.
print(pcall(error))
print(pcall(error, nil))
print(pcall(error, 42))
print(pcall(error, 4.5))
print(pcall(error, true))
local tbl = {msg = "table error"}
local ok, e = pcall(error, tbl)
print(ok, e == tbl, e.msg)
print(pcall(error, "plain", 0))
print(pcall(error, "level1"))
print(pcall(error, "level1", 1))
local function thrower(level) error("from thrower", level) end
local function caller(level) thrower(level) end
print(pcall(caller, 1))
print(pcall(caller, 2))
print(pcall(caller, 3))
print(pcall(caller, 0))
print(pcall(error, setmetatable({}, {__tostring = function() return "custom" end})))

-- numbers used as messages get no position (only strings do)
print(pcall(function() error(12) end))
print(pcall(function() error("str") end))
print(pcall(function() error("str", 2) end))

-- xpcall passes arguments and calls the handler with the error value
print(xpcall(function(a, b) return a + b end, print, 3, 4))
print(xpcall(function() error("oops") end, function(m) return "handled: " .. m end))
print(xpcall(function() error({1, 2, 3}) end, function(m) return #m end))
print(xpcall(function() local x = nil; return x.y end, function(m) return (m:gsub("^.-:%d+: ", "")) end))
print(xpcall(error, function(m) return m end, "direct"))
print(pcall(xpcall))
print(pcall(xpcall, print))
print(xpcall(function() error("a") end, function() error("handler fails") end))
local attempts = 0
print(xpcall(function() error("a") end, function(m)
  attempts = attempts + 1
  if attempts < 3 then error("handler attempt " .. attempts, 0) end
  return "finally handled " .. m
end))
print(pcall(xpcall, print, 42))
print(pcall(xpcall, print, setmetatable({}, {__call = print})))

-- the handler runs before the stack unwinds, so it can see the erroring function
print(xpcall(function() error("deep") end, function(m) return debug.getinfo(2, "S").what end))

-- nested pcall
print(pcall(pcall, error, "inner"))
print(pcall(function()
  local ok2, err2 = pcall(error, "first")
  error("second after " .. err2, 0)
end))
print(select("#", pcall(function() return 1, 2, 3 end)))
print(pcall(pcall))
print(pcall(42))
print(pcall(nil))

-- assert
print(pcall(assert, true, "unused"))
print(pcall(assert, 1, 2, 3))
print(pcall(assert, false))
print(pcall(assert, nil, "custom message"))
print(select(2, pcall(assert, false, {code = 1})).code)
print(pcall(assert))
print(pcall(assert, false, 42))

-- error with tostring on rethrow
local ok3, e3 = pcall(function()
  local ok4, e4 = pcall(error, {depth = 1})
  e4.depth = e4.depth + 1
  error(e4)
end)
print(ok3, e3.depth)
-- errors in __tostring used by tostring inside pcall
print(pcall(tostring, setmetatable({}, {__tostring = function() error("ts failed") end})))
print(pcall(error, "msg", 1.0))
print(pcall(error, "msg", "2"))
print(pcall(error, "msg", {}))
