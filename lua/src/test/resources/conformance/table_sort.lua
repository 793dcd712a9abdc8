-- table.sort: default order for numbers and strings, custom comparators, stability-independent
-- checks, and the errors for invalid order functions and incomparable values.
local function show(t) 
  local parts = {}
  for i = 1, #t do parts[i] = tostring(t[i]) end
  return table.concat(parts, " ")
end
local nums = {5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
table.sort(nums)
print(show(nums))
table.sort(nums, function(a, b) return a > b end)
print(show(nums))
local words = {"pear", "Apple", "banana", "apple", "cherry", "Banana"}
table.sort(words)
print(show(words))
table.sort(words, function(a, b) return a:lower() < b:lower() or (a:lower() == b:lower() and a < b) end)
print(show(words))
local mixed = {3, 1.5, -2, 2^53, math.mininteger, math.huge, -math.huge, 0}
table.sort(mixed)
print(show(mixed))
local recs = {{n = "c", v = 3}, {n = "a", v = 1}, {n = "b", v = 2}}
table.sort(recs, function(x, y) return x.v < y.v end)
print(recs[1].n, recs[2].n, recs[3].n)
local empty = {}
table.sort(empty)
print(#empty)
local one = {42}
table.sort(one)
print(one[1])

-- a larger deterministic sequence
local big, x = {}, 12345
for i = 1, 500 do
  x = (x * 1103515245 + 12345) % 2147483648
  big[i] = x % 1000
end
table.sort(big)
local ok = true
for i = 2, #big do if big[i - 1] > big[i] then ok = false end end
print(ok, big[1], big[250], big[500])
table.sort(big, function(a, b) return a > b end)
print(big[1], big[500])

print(pcall(table.sort, {3, "a", 1}))
print(pcall(table.sort, {{}, {}}))
print(pcall(table.sort, {1, 2, 3}, 42))
print(pcall(table.sort, "abc"))
local bad = {}
for i = 1, 20 do bad[i] = i % 5 end
print(pcall(table.sort, bad, function(a, b) return true end))
local withmeta = {}
for i = 1, 5 do withmeta[i] = setmetatable({v = 6 - i}, {__lt = function(a, b) return a.v < b.v end}) end
table.sort(withmeta)
print(withmeta[1].v, withmeta[5].v)
local errs = {3, 2, 1}
print(pcall(table.sort, errs, function(a, b) error("cmp failed: " .. a .. b) end))
