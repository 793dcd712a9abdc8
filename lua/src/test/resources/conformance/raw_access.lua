-- rawequal/rawlen/rawget/rawset, getmetatable/setmetatable, type, and next on tables
-- with metamethods that raw access must bypass.
local mt = {
  __index = function() return "meta" end,
  __newindex = function() error("blocked") end,
  __len = function() return 99 end,
  __eq = function() return true end,
}
local a, b = setmetatable({1, 2}, mt), setmetatable({}, mt)
print(a.x, rawget(a, "x"), rawget(a, 1), #a, rawlen(a))
print(a == b, rawequal(a, b), rawequal(a, a), rawequal(1, 1.0), rawequal("x", "x"), rawequal({}, {}))
print(pcall(function() a.new = 1 end))
print(rawset(a, "new", 2) == a, rawget(a, "new"))
print(pcall(rawset, a, nil, 1))
print(pcall(rawset, a, 0/0, 1))
print(pcall(rawget, "str", 1))
print(pcall(rawset, {}, 1))
print(pcall(rawequal, 1))
print(pcall(rawlen, nil))
print(rawget(a, 1.0), rawget({[2^53] = "f"}, 2^53))
print(type(nil), type(1), type("s"), type({}), type(print), type(type), type(coroutine.create(print)), type(true))
print(pcall(type))
print(getmetatable({}), getmetatable(1), getmetatable(print), getmetatable(a) == mt)
print(type(getmetatable("")), getmetatable("").__index == string)
local t = setmetatable({}, {__index = {inherited = true}})
print(t.inherited, rawget(t, "inherited"), next(t))
local keys = {}
for k, v in next, {5, 6, 7} do keys[#keys + 1] = k .. "=" .. v end
print(table.concat(keys, " "))
-- table constructors with mixed parts
local mix = {1, 2, [3] = "three?", 4, x = "x", [10] = 10, [-1] = "neg", [0] = "zero", ["y"] = "y"}
print(mix[1], mix[2], mix[3], mix[4], mix.x, mix[10], mix[-1], mix[0], mix.y)
local nested = {{1, {2, {3}}}, n = {m = {k = "deep"}}}
print(nested[1][2][2][1], nested.n.m.k)
local trailing = {1, 2, 3,}
local semi = {1; 2; 3}
print(#trailing, #semi)
-- keys of every type
local f = function() end
local co = coroutine.create(f)
local all = {[true] = "t", [false] = "f", [f] = "fn", [co] = "co", [1.5] = "float", [mix] = "tbl"}
print(all[true], all[false], all[f], all[co], all[1.5], all[mix], all[2])
all[true] = nil
print(all[true])
-- collectgarbage options that return numbers
print(type(collectgarbage("count")), collectgarbage("step") ~= nil, collectgarbage() , collectgarbage("isrunning"))
print(pcall(collectgarbage, "bogus"))
print(_G._G == _G, _G.print == print, _VERSION)
