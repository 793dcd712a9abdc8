-- Generic for with stateless and stateful iterators, ipairs stopping at the first nil,
-- next and the sorted traversal of hash keys.
for i, v in ipairs({"a", "b", nil, "d"}) do io.write(i, v, " ") end
print()
local function range(n)
  return function(_, i) if i < n then return i + 1 end end, nil, 0
end
for i in range(4) do io.write(i, " ") end
print()
local function chars(s)
  local pos = 0
  return function()
    pos = pos + 1
    if pos <= #s then return pos, s:sub(pos, pos) end
  end
end
for p, c in chars("xyz") do io.write(p, c, " ") end
print()

local t = {10, 20, 30, x = 1, y = 2, [5] = 50}
local keys = {}
for k in pairs(t) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, " "))
local sum = 0
for _, v in pairs(t) do sum = sum + v end
print(sum)
print(next({}), next({1}), next({1}, 1))
print(pcall(next, {}, "absent"))
print(type(next), rawequal(next, select(1, pairs({}))))

-- removing entries while traversing with next is allowed
local big = {}
for i = 1, 20 do big["k" .. i] = i end
for k in pairs(big) do big[k] = nil end
print(next(big))

-- iterating with an explicit next triple
local arr = {"p", "q"}
local n = 0
for k, v in next, arr do n = n + 1 end
print(n)
-- the generic for passes state and control to the iterator
for a, b in function(s, c) if c < 3 then return c + 1, s end end, "state", 0 do io.write(a, b, " ") end
print()
print(pcall(function() for x in nil do end end))
print(pcall(function() for x in 42 do end end))
