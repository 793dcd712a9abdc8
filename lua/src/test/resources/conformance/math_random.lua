-- math.random with fixed seeds: the xoshiro256** sequence, range projection and argument errors.
print(math.randomseed(42))
local ints, floats = {}, {}
for i = 1, 8 do ints[i] = math.random(1, 100) end
for i = 1, 4 do floats[i] = string.format("%.10f", math.random()) end
print(table.concat(ints, " "))
print(table.concat(floats, " "))
print(math.random(0), math.random(6), math.random(-3, 3), math.random(math.mininteger, math.maxinteger))
math.randomseed(42)
print(math.random(1, 100), math.random(1, 100))
math.randomseed(1, 2)
print(math.random(1000000), math.random(3.0), math.random(5, 5))
math.randomseed(123.0)
print(math.random(10))
math.randomseed(-1)
local counts = {0, 0, 0}
for _ = 1, 3000 do
  local r = math.random(3)
  counts[r] = counts[r] + 1
end
print(counts[1], counts[2], counts[3], counts[1] + counts[2] + counts[3])
local inrange = true
for _ = 1, 1000 do
  local f = math.random()
  if f < 0 or f >= 1 then inrange = false end
  local r = math.random(-5, 5)
  if r < -5 or r > 5 or math.type(r) ~= "integer" then inrange = false end
end
print(inrange)
print(pcall(math.random, 2, 1))
print(pcall(math.random, 0, -1))
print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, 1.5))
print(pcall(math.random, "x"))
print(math.type(math.random(1, 2)), math.type(math.random()))
