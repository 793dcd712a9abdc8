-- Varargs, select, table.pack/unpack and the adjustment of multiple results.
local function count(...) return select("#", ...) end
print(count(), count(nil), count(nil, nil), count(1, nil, 3, nil))
local function pass(...) return ... end
print(pass(1, 2, 3), pass(), pass(nil, nil))
print((pass(1, 2, 3)))
print(pass(1, 2), pass(3, 4))
print(({pass(1, 2, 3)})[3], ({pass(1, 2, 3), 4})[2])
local t = {pass(1, 2), pass(3, 4)}
print(#t, t[1], t[2], t[3])
t = {pass(1, 2), (pass(3, 4))}
print(#t)

print(select(2, "a", "b", "c"), select(-1, "a", "b", "c"), select(-3, "a", "b", "c"))
print(select(4, "a", "b", "c"))
print(pcall(select, 0, "a"))
print(pcall(select, -4, "a", "b", "c"))
print(pcall(select, "x"))
print(select("#"), select(1.0, "z"))

local p = table.pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4], #table.pack())
print(table.unpack({1, 2, 3}))
print(table.unpack({1, 2, 3}, 2))
print(table.unpack({1, 2, 3}, 2, 5))
print(table.unpack({1, 2, 3}, 3, 1))
print(table.unpack({"a", "b"}, -1, 1))
print(select("#", table.unpack({}, 1, 3)))
print(pcall(table.unpack, {}, 1, 1e8))
print(pcall(table.unpack, {}, math.mininteger, math.maxinteger))

local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...) or 0) end
  return s
end
print(sum(1, 2, 3, nil, 5))
local function varargs_in_table(...)
  local a, b = ...
  local all = {...}
  return a, b, #all, ...
end
print(varargs_in_table(10, 20, 30))

-- vararg main chunk
print(select("#", ...), ...)

-- multiple assignment evaluates before assigning
local x, y = 1, 2
x, y = y, x
print(x, y)
local q = {1, 2}
local i = 1
i, q[i] = i + 1, 20
print(i, q[1], q[2])
local m, n, o = (function() return 1, 2, 3 end)()
print(m, n, o)
local u, w = 1
print(u, w)
local function none() end
local z1, z2 = none(), 5
print(z1, z2)
print(string.format("%s %s", pass("a", "b", "c")))
print(math.max(pass(3, 9, 4)))
