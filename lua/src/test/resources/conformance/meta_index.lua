-- __index and __newindex: functions and tables, chains of tables, and raw access bypassing them.
local base = {greet = function(self) return "hello from " .. self.name end, kind = "base"}
local mid = setmetatable({kind = "mid"}, {__index = base})
local obj = setmetatable({name = "obj"}, {__index = mid})
print(obj:greet(), obj.kind, obj.missing, rawget(obj, "kind"))

local calls = {}
local fn = setmetatable({}, {__index = function(t, k)
  calls[#calls + 1] = tostring(k)
  return k == "answer" and 42 or nil
end})
print(fn.answer, fn.other, fn[1], table.concat(calls, ","))

-- __newindex with a table stores there; with a function it intercepts
local store = {}
local proxy = setmetatable({}, {__newindex = store, __index = store})
proxy.a = 1
print(rawget(proxy, "a"), store.a, proxy.a)
proxy.a = 2 -- still absent in proxy, so goes to store again
print(rawget(proxy, "a"), store.a)
rawset(proxy, "a", 3)
proxy.a = 4 -- present in proxy now: no metamethod
print(rawget(proxy, "a"), store.a)

local log = {}
local watched = setmetatable({}, {__newindex = function(t, k, v)
  log[#log + 1] = k .. "=" .. tostring(v)
  rawset(t, k, v and v * 10)
end})
watched.x = 1
watched.x = 2
watched.y = nil
print(watched.x, watched.y, table.concat(log, " "))

-- a chain of __newindex tables
local deep = {}
local level2 = setmetatable({}, {__newindex = deep})
local level1 = setmetatable({}, {__newindex = level2})
level1.k = "v"
print(rawget(level1, "k"), rawget(level2, "k"), deep.k)

-- numbers and strings through __index
local arr = setmetatable({}, {__index = function(_, i) return i * i end})
print(arr[3], arr[1.5], arr[2^53])

-- string values index the string library
local s = "abc"
print(s.len == string.len, s:len(), ("x"):upper(), #s:rep(3), s.nope)
print(pcall(function() return s.x.y end))

-- assigning through __index does not affect the original
local defaults = {color = "red"}
local cfg = setmetatable({}, {__index = defaults})
cfg.color = "blue"
print(cfg.color, defaults.color)

-- indexing through a loop of __index tables is detected
local loop1, loop2 = {}, {}
setmetatable(loop1, {__index = loop2})
setmetatable(loop2, {__index = loop1})
print(pcall(function() return loop1.x end))
local nl1, nl2 = {}, {}
setmetatable(nl1, {__newindex = nl2})
setmetatable(nl2, {__newindex = nl1})
print(pcall(function() nl1.x = 1 end))

-- __index on non-table values via debug.setmetatable
debug.setmetatable(10, {__index = function(n, k) return k .. n end})
print((5).suffix, (2.5).x)
debug.setmetatable(10, nil)
print(pcall(function() return (5).suffix end))
