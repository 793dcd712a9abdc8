-- Large argument lists and results: unpacking and selecting many values, long strings and the
-- "too many results" limit.
local t = {}
for i = 1, 100000 do t[i] = i end
print(select("#", table.unpack(t)))
local function count(...) return select("#", ...) end
print(count(table.unpack(t)), math.max(table.unpack(t)), math.min(table.unpack(t, 500, 900)))
print(pcall(table.unpack, {}, 1, 1000001))
print(pcall(table.unpack, {}, 0, math.maxinteger))
print(#string.rep("ab", 1000000, ","), #table.concat(t, ","))
local s = string.rep("a", 10000)
print(#s:gsub("a", "bb"), s:find("b"), #s:upper(), #s:rep(10))
print(pcall(string.rep, "x", 1 << 40))
print(pcall(string.rep, "ab", math.maxinteger, ","))
local big = {}
for i = 1, 300 do big[i] = i % 256 end
print(#string.char(table.unpack(big)), pcall(string.char, table.unpack(t, 250, 260)))
print(select(-1, table.unpack(t)), pcall(select, -100001, table.unpack(t)))
local packed = table.pack(table.unpack(t, 1, 50000))
print(packed.n, packed[50000])
local nested = {}
local cur = nested
for i = 1, 10000 do cur.next = {i = i}; cur = cur.next end
local depth, node = 0, nested.next
while node do depth = depth + 1; node = node.next end
print(depth)
local parts = {}
for i = 1, 5000 do parts[#parts + 1] = tostring(i * 1.5) end
print(#table.concat(parts), parts[5000])
