-- A first script: closures, coroutines and a bit of the string library.
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end

local next_id = counter()
local fib = coroutine.wrap(function()
  local a, b = 0, 1
  while true do
    coroutine.yield(a)
    a, b = b, a + b
  end
end)

local parts = {}
for _ = 1, 10 do parts[#parts + 1] = fib() end
print("hello from wippy", next_id(), next_id())
print("fibonacci: " .. table.concat(parts, " "))
