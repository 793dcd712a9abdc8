-- Odds and ends: extending the string library, concatenation handlers on either side, __eq with
-- different metatables, __tostring results, collectgarbage's reports, and a few rarely used arguments.
string.shout = function(s) return s:upper() .. "!" end
print(("hey"):shout(), ("x"):shout():shout())
string.shout = nil
print(pcall(function() return ("x"):shout() end))
local function name(v) return type(v) == "table" and "T" or tostring(v) end
local C = setmetatable({}, {__concat = function(a, b) return name(a) .. "+" .. name(b) end})
print(1 .. C, C .. 2.5, "s" .. C .. "e", C .. C)
local m1 = {__eq = function() return true end}
local m2 = {__eq = function() return false end}
print(setmetatable({}, m1) == setmetatable({}, m2), setmetatable({}, m2) == setmetatable({}, m1))
print(pcall(tostring, setmetatable({}, {__tostring = function() return nil end})))
print(pcall(tostring, setmetatable({}, {__tostring = function() return 12 end})))
print(tostring(setmetatable({}, {__tostring = function() return "fine" end})))
print(pcall(string.format, "%c", 256), ("x"):rep(2.0), pcall(string.rep, "x", 2.5))
print(collectgarbage("generational"), collectgarbage("incremental"), collectgarbage("incremental"))
print(math.type(collectgarbage("count")), collectgarbage("step"), collectgarbage("stop"), collectgarbage("isrunning"))
print(collectgarbage("restart"), collectgarbage("isrunning"), collectgarbage("setpause", 100), collectgarbage("setstepmul", 200))
print(collectgarbage("setpause", 1000), collectgarbage("setpause", 200), collectgarbage("setstepmul"), collectgarbage("setstepmul", 100))
print(table.unpack({1, 2, 3}, nil, 2))
print(utf8.char(0) == "\0", #utf8.char(0x7FFFFFFF), string.format("%s %s", nil, false), string.format("%10.4s|", "abcdefg"))
print(pcall(setmetatable, {}, {__metatable = 1}), getmetatable(setmetatable({}, {__metatable = 1})))
print(rawequal(string, getmetatable("").__index), next({}, nil), string.format("%5.1f|%-5d|%5s", -0.0, -0, "ab"))
print(#table.pack(table.unpack({}, 1, 0)), ("abc"):find("b", nil), ("abc"):match("(b)", nil))
print(tostring(nil) .. "", tostring(1.0e0), 3 == 3.0000000000000001, math.maxinteger // -1, math.mininteger // 1)
print(-7 // 0.0, 7 % -0.0 ~= 7 % -0.0, 0.0 // 0.0 ~= 0.0 // 0.0)
print(select("#", print()), type(_G), _G.string == string, package.loaded.string == string, package.loaded._G == _G)
print(type(package.path), type(package.cpath), package.config:sub(1, 1), type(package.searchers), type(package.preload))
print(pcall(require, "surely_not_a_module_name_anywhere") == false)
package.preload.virtual = function(name, extra) return {name = name, extra = extra} end
local v = require("virtual")
print(v.name, v.extra, require("virtual") == v, package.loaded.virtual == v)
