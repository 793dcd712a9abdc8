#!/usr/bin/env lua
-- Assorted syntax: operator precedence, method calls on literals, semicolons, nested tables
-- and functions, string call sugar, long chains of calls, and integer/float literal forms.
print(2 + 3 * 4 ^ 2 / 8, (2 + 3) * 4, -2 ^ 2, not true == false, not (1 == 2))
print(1 .. 2 .. 3, "a" .. "b" == "ab", 1 < 2 == true, "x" < "y" and "yes" or "no")
print(2 ^ -1, - - 2, - -2, not not nil, #"abc" + 1, -#"ab")
print(1 + 2 << 1, 1 << 2 + 1, 5 & 3 == 1, (5 & 3) == 1, 6 | 1 ~ 3, 7 // 2 ^ 2)
print(("%d items"):format(3), ("abc"):upper(), #("x"):rep(4), ({10, 20})[2], (function() return "iife" end)())
print(type(print), print == _G.print, _G["print"] == print)
local s = string.format
print(s("%s-%s", "a", "b"))
print(tostring {1}:sub(1, 5))
print(string.len "literal", #{n = 1, 2, 3})
local t = {
  name = "root";
  children = {
    {name = "a", value = 1},
    {name = "b", value = 2, children = {{name = "b1", value = 3}}},
  },
  ["key with spaces"] = true,
  [1 + 1] = "two",
  f = function(self, x) return self.name .. x end,
}
print(t.name, #t.children, t.children[2].children[1].name, t["key with spaces"], t[2], t:f("!"))
local function walk(node, depth)
  local total = node.value or 0
  for _, c in ipairs(node.children or {}) do total = total + walk(c, depth + 1) end
  return total
end
print(walk(t, 0))
;;; local semi = 1; ; print(semi);
do local a = 1; do local a = a + 1; print(a) end print(a) end
local chain = setmetatable({}, {__index = function(self, k) return function(_, ...) return self, k, ... end end})
local r1, k1 = chain:first()
local _, k2 = r1:second()
print(k1, k2)
local fns = {function() return 1 end, function() return 2 end}
print(fns[1]() + fns[2](), #fns)
local o = {v = 0}
function o.inc(self) self.v = self.v + 1 return self end
o:inc():inc():inc()
print(o.v)
print(select(2, ("a b c"):gsub(" ", "")))
if false then elseif nil then else print("else branch") end
while false do end
repeat local done = true until done
print(0x10, 1e2, 1E+2, .5e1, 0x1p-1, 3 // 1, 3.0 // 1)
print(100000000000000, 1e14 // 1, math.type(100000000000000))
local multiline = {
  1,
  2,
}
print(#multiline, [==[
]]inside]==])
goto skip
print("skipped")
::skip::
print(#arg, arg[0] ~= nil)
