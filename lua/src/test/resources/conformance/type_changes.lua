-- Variables whose type changes between integer, float, string, nil and table in loops and branches:
-- results must follow the values, not an assumed static type.
local x = 1
for i = 1, 6 do
  if i == 3 then x = x + 0.5 elseif i == 5 then x = tostring(x) .. "!" end
  io.write(tostring(x), ":", type(x), math.type(x) or "", " ")
  if type(x) == "string" then x = #x end
end
print()

local acc = 0
for i = 1, 10 do
  acc = acc + (i % 2 == 0 and i or i / 2)
end
print(acc, math.type(acc))

local n = math.maxinteger - 2
for _ = 1, 4 do n = n + 1 end
print(n, math.type(n))
local f = 2^53
for _ = 1, 3 do f = f + 1 end
print(f, string.format("%.0f", f))

local v = 10
v = v // 3; print(v, math.type(v))
v = v / 3; print(v, math.type(v))
v = v // 1; print(v, math.type(v))
v = math.floor(v); print(v, math.type(v))
v = v .. ""; print(v, type(v))
v = v + 0; print(v, math.type(v))
v = "3.0" + 0; print(v, math.type(v))
v = "0x10" * 1; print(v, math.type(v))

-- a loop variable reused after the loop through an upvalue
local last
for i = 1, 3 do last = function() return i * 1.5 end end
print(last())

-- numeric for with a float start produces floats, comparisons against integers stay exact
local cnt = 0
for i = 1.0, 3 do cnt = cnt + 1; io.write(i, " ") end
print(cnt)
local big = math.maxinteger
print(big + 0.0 == big, big == 2^63, big - 1 < 2^63, (big // 1) == big)

-- swapping types through multiple assignment
local a, b = 1, "one"
a, b = b, a
print(a, b, type(a), type(b))

-- parameters called with different types
local function describe(p)
  if p == nil then return "nil" end
  return type(p) .. ":" .. tostring(p + 0 == p)
end
print(describe(1), describe(1.5), describe(nil), pcall(describe, {}))

-- integer overflow inside a while loop, float accumulation
local i, steps = 1, 0
while i > 0 do i = i * 2; steps = steps + 1 end
print(i, steps, i == math.mininteger)
local sum = 0.0
for k = 1, 10 do sum = sum + 0.1 end
print(sum, sum == 1.0, string.format("%.17g", sum))

-- string/number keys in the same table
local t = {}
t[1], t["1"], t[1.0], t[2^0] = "int", "str", "float", "pow"
print(t[1], t["1"])
local keys = {}
for k, val in pairs(t) do keys[#keys + 1] = type(k) .. "=" .. val end
table.sort(keys)
print(table.concat(keys, " "))

-- values changing type inside a closure shared by two functions
local shared = 0
local function bump() shared = shared + 1 end
local function stringify() shared = "s" .. shared end
bump(); bump(); stringify()
print(shared, pcall(bump))
-- integer division and modulo by negative numbers in loops
local out = {}
for k = -3, 3 do out[#out + 1] = (k // -2) .. "/" .. (k % -2) end
print(table.concat(out, " "))
-- comparison chains mixing types through variables
local p, q = 1, 1.0
print(p == q, p < q, p <= q, math.type(p), math.type(q), p .. "" == q .. "")
