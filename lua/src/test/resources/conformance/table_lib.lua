-- table.insert/remove/concat/move/unpack/pack: positions, boundary cases and errors.
local function show(t, n) 
  local parts = {}
  for i = 1, n or #t do parts[i] = tostring(t[i]) end
  return "{" .. table.concat(parts, ",") .. "}"
end
local t = {1, 2, 3}
table.insert(t, 4)
table.insert(t, 1, 0)
table.insert(t, #t + 1, 5)
print(show(t))
print(pcall(table.insert, t, 0, "x"))
print(pcall(table.insert, t, #t + 2, "x"))
print(pcall(table.insert, t, 1, 2, 3))
print(pcall(table.insert, t))
print(pcall(table.insert, nil, 1))
print(pcall(table.insert, t, "2", "x"))
print(pcall(table.insert, t, 1.5, "x"))
print(show(t))

print(table.remove(t), show(t))
print(table.remove(t, 1), show(t))
print(table.remove(t, 2), show(t))
print(table.remove({}), table.remove({}, 0), table.remove({}, 1))
local e = {[0] = "zero"}
print(table.remove(e, 0), e[0])
print(pcall(table.remove, {1, 2}, 5))
print(pcall(table.remove, {1, 2}, -1))
local r = {1, 2, 3}
print(table.remove(r, 4), #r)
print(table.remove(r, #r + 1), #r)

print(table.concat({}), table.concat({1, 2, 3}), table.concat({1, 2, 3}, ", "), table.concat({"a", "b", "c"}, "-", 2))
print(table.concat({"a", "b", "c"}, "-", 2, 3), table.concat({"a", "b", "c"}, "-", 3, 2), table.concat({1.5, 2}, " "))
print(pcall(table.concat, {1, {}, 3}))
print(pcall(table.concat, {1, nil, 3}, ",", 1, 3))
print(pcall(table.concat, {true}))
print(pcall(table.concat, {}, ",", 1, 2))

local m = {1, 2, 3, 4, 5}
table.move(m, 2, 4, 1)
print(show(m))
m = {1, 2, 3, 4, 5}
table.move(m, 1, 3, 3)
print(show(m))
local dst = table.move({1, 2, 3}, 1, 3, 2, {"x"})
print(show(dst))
print(show(table.move({}, 1, 0, 1, {9})))
print(pcall(table.move, {}, 1, math.maxinteger, 2))
print(#table.move({1}, -1, 1, 1), pcall(table.move, {}, math.mininteger, 0, 1))
print(pcall(table.move, 1, 1, 1, 1))

-- table functions respect metamethods
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) return k * 100 end,
  __newindex = function(tb, k, v) log[#log + 1] = k .. "=" .. tostring(v); rawset(tb, k, v) end,
  __len = function() return 3 end,
})
print(table.concat(proxy, ","), table.unpack(proxy))
table.insert(proxy, "new")
print(table.concat(log, " "))

local p = table.pack()
print(p.n, #p)
print(table.unpack({1, 2, nil, 4}, 1, 4))
print(select("#", table.unpack({n = 3}, 1, 3)))
print(#{n = 1}, rawlen({1, 2}), rawlen("xyz"), pcall(rawlen, 5))
local seq = {}
for i = 1, 100 do table.insert(seq, i) end
for i = 1, 50 do table.remove(seq, 1) end
print(#seq, seq[1], seq[50])
