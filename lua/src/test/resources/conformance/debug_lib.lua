-- The parts of debug that do not expose addresses: getinfo fields, traceback text and metatables of
-- non-table values (hooks and upvalues have their own scripts).
local function probe(a, b, ...)
  local info = debug.getinfo(1, "nSlu")
  return info.short_src, info.source, info.what, info.currentline, info.linedefined, info.lastlinedefined,
    info.nparams, info.isvararg, info.nups, info.name, info.namewhat
end
print(probe(1, 2))
local t = {probe = probe}
print(select(10, t.probe()))
print(select(10, t:probe()))
local main = debug.getinfo(1, "S")
print(main.what, main.short_src, main.linedefined, main.source)
local cinfo = debug.getinfo(print, "S")
print(cinfo.what, cinfo.short_src, cinfo.source, cinfo.linedefined, cinfo.currentline)
print(debug.getinfo(100), pcall(debug.getinfo, 1, "?"))
local fi = debug.getinfo(probe, "u")
print(fi.nparams, fi.isvararg, fi.nups)

-- (no tail calls here: their frames are shown differently)
local function level2() local tb = debug.traceback("msg", 1) return tb end
local function level1() local tb = level2() return tb end
print(level1())
local co = coroutine.create(function() local tb = debug.traceback("in coroutine") return tb end)
print(coroutine.resume(co))
print(xpcall(function() local x = nil; return x.y end, debug.traceback))
print(debug.traceback("no levels", 50))
print(debug.traceback(42), debug.traceback(nil) == nil, type(debug.traceback()))
print((debug.traceback("x", 2):gsub("\n.*", "")))

print(debug.getmetatable("").__index == string, debug.getmetatable(1), debug.getmetatable({}))
local protected = setmetatable({}, {__metatable = "hidden", x = 1})
print(getmetatable(protected), debug.getmetatable(protected).x)
debug.setmetatable(nil, {__index = function() return "nil indexed" end})
print((nil).anything)
debug.setmetatable(nil, nil)
print(pcall(function() return (nil).anything end))
print(type(debug.getregistry()))
local function params(a, b, ...) end
local obj = {}
function obj:method(x) end
print(debug.getlocal(params, 1), debug.getlocal(params, 2), debug.getlocal(params, 3))
print(debug.getlocal(obj.method, 1), debug.getlocal(obj.method, 2), debug.getlocal(print, 1))
print(pcall(debug.getlocal, 50, 1))
