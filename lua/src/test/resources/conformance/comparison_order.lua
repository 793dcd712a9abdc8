-- a > b is b < a, but its operands are still evaluated left to right: a global read may run
-- _ENV's __index, so a global is no operand that can be read in either order.
local n = 0
local log = {}
setmetatable(_G, {__index = function(_, k)
  n = n + 1
  log[#log + 1] = k .. "=" .. n
  return n
end})
print(a > b, c >= d, e < f, g <= h)
print(table.concat(log, " "))
local x, y = 1, 2
print(x > y, x >= y, y > x, y >= x, (x + 1) >= y, x * 1.5 > y)
local function at(v) log[#log + 1] = tostring(v); return v end
log = {}
print(at(3) > at(4), at(5) >= at(5), at("b") > at("a"))
print(table.concat(log, " "))
local mt = {__lt = function(p, q) log[#log + 1] = p.name .. "<" .. q.name; return true end,
            __le = function(p, q) log[#log + 1] = p.name .. "<=" .. q.name; return false end}
local p, q = setmetatable({name = "p"}, mt), setmetatable({name = "q"}, mt)
log = {}
print(p > q, p >= q, p < q, p <= q)
print(table.concat(log, " "))
