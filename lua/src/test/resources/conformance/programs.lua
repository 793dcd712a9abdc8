-- Small complete programs mixing many features: classes with inheritance, a serializer with
-- sorted keys, a sieve, memoization, big-number arithmetic in tables, and text processing.

-- classes
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound) return setmetatable({name = name, sound = sound}, Animal) end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:__tostring() return "Animal(" .. self.name .. ")" end
Animal.__tostring = Animal.__tostring
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
Dog.__tostring = Animal.__tostring
function Dog.new(name) local d = Animal.new(name, "woof"); return setmetatable(d, Dog) end
function Dog:fetch() return self.name .. " fetches" end
local rex = Dog.new("Rex")
print(rex:speak(), rex:fetch(), tostring(rex), getmetatable(rex) == Dog)

-- serializer with deterministic key order
local function serialize(v, indent)
  indent = indent or ""
  if type(v) == "table" then
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b)
      if type(a) == type(b) then return a < b end
      return type(a) == "number"
    end)
    local parts = {}
    for _, k in ipairs(keys) do
      local key = type(k) == "string" and k or "[" .. k .. "]"
      parts[#parts + 1] = indent .. "  " .. key .. " = " .. serialize(v[k], indent .. "  ")
    end
    return "{\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "}"
  elseif type(v) == "string" then
    return string.format("%q", v)
  else
    return tostring(v)
  end
end
print(serialize({b = 1, a = {1, 2, "three"}, c = {d = true, e = 1.5}, [10] = "ten"}))

-- sieve of Eratosthenes
local function primes(n)
  local sieve, out = {}, {}
  for i = 2, n do
    if not sieve[i] then
      out[#out + 1] = i
      for j = i * i, n, i do sieve[j] = true end
    end
  end
  return out
end
local p = primes(100)
print(#p, table.concat(p, " ", 1, 10), p[#p])

-- memoization
local calls = 0
local function memoize(f)
  local cache = {}
  return function(n)
    local v = cache[n]
    if v == nil then v = f(n); cache[n] = v end
    return v
  end
end
local fib
fib = memoize(function(n) calls = calls + 1; if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
print(fib(80), calls)

-- big factorial with base-10^7 limbs
local function bigfact(n)
  local limbs = {1}
  local base = 10000000
  for k = 2, n do
    local carry = 0
    for i = 1, #limbs do
      local v = limbs[i] * k + carry
      limbs[i] = v % base
      carry = v // base
    end
    while carry > 0 do limbs[#limbs + 1] = carry % base; carry = carry // base end
  end
  local parts = {tostring(limbs[#limbs])}
  for i = #limbs - 1, 1, -1 do parts[#parts + 1] = string.format("%07d", limbs[i]) end
  return table.concat(parts)
end
local f50 = bigfact(50)
print(#f50, f50:sub(1, 20), f50:sub(-12))

-- word frequencies
local text = [[the quick brown fox jumps over the lazy dog the fox barks
and the dog sleeps while the quick fox runs]]
local freq = {}
for w in text:gmatch("%a+") do freq[w] = (freq[w] or 0) + 1 end
local words = {}
for w, c in pairs(freq) do words[#words + 1] = {w = w, c = c} end
table.sort(words, function(x, y) if x.c ~= y.c then return x.c > y.c end return x.w < y.w end)
for i = 1, 4 do io.write(words[i].w, "=", words[i].c, " ") end
print()

-- matrix multiplication and transposition
local function matmul(a, b)
  local r = {}
  for i = 1, #a do
    r[i] = {}
    for j = 1, #b[1] do
      local s = 0
      for k = 1, #b do s = s + a[i][k] * b[k][j] end
      r[i][j] = s
    end
  end
  return r
end
local m = matmul({{1, 2}, {3, 4}}, {{5, 6}, {7, 8}})
print(m[1][1], m[1][2], m[2][1], m[2][2])
local mf = matmul({{0.5, 1}}, {{2}, {3}})
print(mf[1][1], math.type(mf[1][1]))

-- binary search and quicksort written in Lua
local function bsearch(arr, x)
  local lo, hi = 1, #arr
  while lo <= hi do
    local mid = (lo + hi) // 2
    if arr[mid] == x then return mid elseif arr[mid] < x then lo = mid + 1 else hi = mid - 1 end
  end
  return nil
end
print(bsearch(p, 47), bsearch(p, 48), bsearch(p, 2), bsearch(p, 97))
local function qsort(a, lo, hi)
  lo, hi = lo or 1, hi or #a
  if lo >= hi then return a end
  local pivot, i = a[hi], lo - 1
  for j = lo, hi - 1 do
    if a[j] <= pivot then i = i + 1; a[i], a[j] = a[j], a[i] end
  end
  a[i + 1], a[hi] = a[hi], a[i + 1]
  qsort(a, lo, i)
  qsort(a, i + 2, hi)
  return a
end
print(table.concat(qsort({9, 3, 7, 1, 8, 2, 6, 5, 4, 0, 3, 7}), ","))

-- a queue and a simple state machine
local Queue = {}
Queue.__index = Queue
function Queue.new() return setmetatable({first = 1, last = 0, items = {}}, Queue) end
function Queue:push(v) self.last = self.last + 1; self.items[self.last] = v end
function Queue:pop()
  if self.first > self.last then return nil end
  local v = self.items[self.first]
  self.items[self.first] = nil
  self.first = self.first + 1
  return v
end
local q = Queue.new()
for i = 1, 5 do q:push(i * i) end
local popped = {}
while true do local v = q:pop(); if not v then break end; popped[#popped + 1] = v end
print(table.concat(popped, " "))
local transitions = {idle = {start = "running"}, running = {pause = "paused", stop = "idle"}, paused = {resume = "running", stop = "idle"}}
local state = "idle"
for _, ev in ipairs({"start", "pause", "resume", "stop", "bogus"}) do
  local nxt = transitions[state][ev]
  io.write(state, "-", ev, "->", tostring(nxt), " ")
  state = nxt or state
end
print()
-- string building: caesar cipher and run-length encoding
local function caesar(str, k)
  return (str:gsub("%a", function(c)
    local base = c:match("%l") and 97 or 65
    return string.char((c:byte() - base + k) % 26 + base)
  end))
end
print(caesar("Hello, World!", 3), caesar(caesar("Hello, World!", 3), -3))
local function rle(str)
  local out = {}
  local i = 1
  while i <= #str do
    local c = str:sub(i, i)
    local j = i
    while str:sub(j + 1, j + 1) == c do j = j + 1 end
    out[#out + 1] = (j - i + 1) .. c
    i = j + 1
  end
  return table.concat(out)
end
print(rle("aaabccddddde"))
