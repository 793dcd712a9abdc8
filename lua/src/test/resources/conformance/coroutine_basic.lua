-- Coroutines: passing values through resume/yield, status transitions, wrap, running,
-- isyieldable and the errors of resuming dead or running coroutines.
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  print("got", d, e)
  return "end", d + e
end)
print(coroutine.status(co))
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.status(co))
print(coroutine.resume(co))
print(coroutine.resume(co))

local gen = coroutine.wrap(function()
  for i = 1, 3 do coroutine.yield(i) end
  return "done"
end)
print(gen(), gen(), gen(), gen())
print(pcall(gen))

-- running and isyieldable
local main, ismain = coroutine.running()
print(type(main), ismain, coroutine.isyieldable())
local inner = coroutine.create(function()
  local me, im = coroutine.running()
  print(type(me), im, coroutine.isyieldable(), coroutine.status(me))
  coroutine.yield()
end)
coroutine.resume(inner)
print(coroutine.status(inner))

-- a coroutine resuming another: the outer one is "normal" meanwhile
local outer
outer = coroutine.create(function()
  local nested = coroutine.create(function()
    print("outer status seen from nested:", coroutine.status(outer))
    print(coroutine.resume(outer))
  end)
  coroutine.resume(nested)
end)
coroutine.resume(outer)

-- yields with no values and many values
local many = coroutine.create(function(...)
  coroutine.yield()
  coroutine.yield(...)
  return select("#", ...)
end)
print(coroutine.resume(many, 1, nil, 3))
print(coroutine.resume(many))
print(coroutine.resume(many))

-- generators built from coroutines
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local perms = {}
for p in coroutine.wrap(function() permgen({"a", "b", "c"}) end) do perms[#perms + 1] = table.concat(p) end
print(table.concat(perms, " "))

-- producer/consumer
local producer = coroutine.create(function()
  for _, item in ipairs({"x", "y", "z"}) do coroutine.yield(item) end
end)
local received = {}
while true do
  local ok, item = coroutine.resume(producer)
  if not item then break end
  received[#received + 1] = item
end
print(table.concat(received), coroutine.status(producer))

print(pcall(coroutine.resume, 42))
print(pcall(coroutine.create, 42))
print(pcall(coroutine.wrap, nil))
print(pcall(coroutine.status, {}))
print(coroutine.resume(coroutine.running()))
print(pcall(coroutine.yield, 1))
print(select("#", coroutine.running()))
