-- Every arithmetic, bitwise, concat, length and unary metamethod, with the operand
-- order Lua passes (the left operand first, even when only the right one has the handler).
local V = {}
V.__index = V
local function new(x) return setmetatable({x = x}, V) end
local function val(o) return type(o) == "table" and o.x or o end
local names = {"add", "sub", "mul", "div", "mod", "pow", "unm", "idiv", "band", "bor", "bxor", "shl", "shr", "bnot", "concat", "len"}
for _, n in ipairs(names) do
  V["__" .. n] = function(a, b)
    local r = n .. "(" .. tostring(val(a)) .. "," .. tostring(val(b)) .. ")"
    return r
  end
end
V.__tostring = function(o) return "V" .. o.x end

local a, b = new(1), new(2)
print(a + b, a - 3, 4 * a, a / b, a % 5, 6 ^ a, -a)
print(a // b, a & 7, 8 | a, a ~ b, a << 1, 2 >> a, ~a)
print(a .. "s", "s" .. a, a .. b, 1 .. a, #a)
print(tostring(a), tostring(b))
-- concat chains are right-associative: the handler sees partial results
print("x" .. "y" .. a .. "z")

-- results are adjusted to one value, and the length handler's result is taken as is
local M = setmetatable({}, {__len = function() return 42, 43 end, __unm = function() return nil end})
print(#M, -M)

-- the right operand's handler is used when the left has none
local R = setmetatable({}, {__add = function(x, y) return "right:" .. type(x) .. "," .. type(y) end})
print(10 + R, R + 10, "s" + R)

-- strings with an __add-less table: the error names the table
print(pcall(function() return "3" + {} end))
print(pcall(function() return setmetatable({}, {}) * 2 end))

-- bitwise handlers are tried before the conversion error for floats
local B = setmetatable({}, {__bor = function() return "bor" end})
print(1.5 | B, B | 2.5)
print(pcall(function() return 1.5 | 2 end))

-- __eq only for two tables (or two userdata), result converted to boolean
local E = {__eq = function(x, y) return x.k == y.k and "yes" end}
local e1, e2, e3 = setmetatable({k = 1}, E), setmetatable({k = 1}, E), setmetatable({k = 2}, E)
print(e1 == e2, e1 ~= e2, e1 == e3, e1 == 1, rawequal(e1, e2))

-- __lt and __le (a missing __le is not tried here: Debian builds lua5.4 with the 5.3
-- compatibility fallback to "not (b < a)", which the 5.4 manual removed)
local L = {}
L.__lt = function(x, y) return val(x) < val(y) end
local l1, l2 = setmetatable({x = 1}, L), setmetatable({x = 2}, L)
print(l1 < l2, l2 < l1, l1 > l2)
L.__le = function(x, y) return val(x) <= val(y) end
print(l1 <= l2, l2 >= l1, l1 >= l2, l1 < 5, 0 < l1)
