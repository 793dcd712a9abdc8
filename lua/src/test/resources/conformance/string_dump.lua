-- string.dump produces a binary chunk that load accepts (and text mode rejects); the loaded
-- function behaves like the original, with fresh upvalues.
local function add(a, b) return a + b end
local bin = string.dump(add)
print(type(bin), bin:sub(1, 4) == "\27Lua")
local add2 = load(bin)
print(add2(2, 3))
print(load(bin, "=bin", "t"))
print(load(bin, "=bin", "b")(10, 20))
local function fact(n) if n <= 1 then return 1 end local r = 1 for i = 2, n do r = r * i end return r end
print(load(string.dump(fact))(10))
local complex = function(...)
  local t = {...}
  local s = {}
  for i, v in ipairs(t) do s[#s + 1] = string.format("%d:%s", i, tostring(v)) end
  local f = 1.5
  return table.concat(s, ","), f, "str", nil, true, math.maxinteger
end
print(load(string.dump(complex))("a", "b"))
print(load(string.dump(complex, true))("stripped"))
-- upvalues are not saved: the loaded function gets nil (or _ENV for the first one)
local counter = 0
local function bump() counter = counter + 1 return counter end
local loaded = load(string.dump(bump))
print(pcall(loaded))
local function usesGlobal() return type(print) end
print(load(string.dump(usesGlobal))())
print(pcall(string.dump, print))
print(pcall(string.dump, 1))
print(pcall(load, "\27Lua garbage"))
print(load("\27Lua garbage"))
print(load(string.dump(load("return ...")))(1, 2, 3))
local nested = load(string.dump(function() return function(x) return x * 2 end end))
print(nested()(21))
