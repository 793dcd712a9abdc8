-- NaN and infinities: NaN is unequal to itself wherever it is stored, cannot be a table key,
-- and prints as lua5.4 does on x86-64 Linux (0/0 has its sign bit set there).
local nan = 0/0
local function eq(x, y) return x == y end
local t = {nan, n = nan}
print(nan == nan, nan ~= nan, eq(nan, nan), t[1] == t[1], t.n == t.n, rawequal(nan, nan), rawequal(t[1], t[1]))
print(nan < nan, nan <= nan, nan > 0, nan < 0, math.huge > nan, -math.huge < nan)
print(pcall(function() t[nan] = 1 end))
print(pcall(rawset, t, nan, 1))
print(t[nan], rawget(t, nan))
print(0/0, -(0/0), 1/0, -1/0, math.huge == 1/0, -math.huge == -1/0)
print(string.format("%f %.2f %g %e", 1/0, -1/0, 1/0, -1/0))
print(string.format("%5.1f|%-6g|", 1/0, -1/0))
print(math.huge + 1 == math.huge, math.huge - math.huge ~= math.huge - math.huge, math.huge * 0 ~= math.huge * 0)
print(math.max(1, math.huge), math.min(-math.huge, 0), math.floor(0.5), pcall(math.floor, 1/0))
print(math.tointeger(1/0), math.tointeger(0/0), math.type(1/0), math.type(0/0))
print(1/0 > math.maxinteger, -1/0 < math.mininteger, math.maxinteger < 1/0, 2^1024, -2^1024)
print(pcall(string.format, "%d", 1/0))
print(string.format("%q %q", 1/0, -1/0), string.format("%q", 0/0))
print(tostring(1/0), tostring(-1/0), tostring(1e308 * 10) == tostring(1/0))
local keys = 0
for k in pairs({[1/0] = 1, [-1/0] = 2}) do keys = keys + 1 end
print(keys, ({[1/0] = "inf"})[math.huge])
print(nan % 1, 1 % nan, math.fmod(1, 0.0), 1/0 % 2)
