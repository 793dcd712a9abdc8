-- Bitwise operators work on 64-bit integers; shifts by 64 or more give zero and
-- negative shift counts shift the other way.
local function hex(v) return string.format("0x%016x", v) end
print(5 & 3, 5 | 3, 5 ~ 3, ~5, ~0, -1 >> 1 == math.maxinteger)
print(hex(1 << 63), hex(1 << 64), hex(1 << -1), hex(-1 >> 60), hex(-1 << 70), hex(255 >> -4))
print(1 << 62, 1 << 63, 3 >> 1, -8 >> 1, -8 // 2, 1 << 0)
print(hex(0xF0F0 & 0x0FF0), hex(0xF0F0 | 0x0F0F), hex(0xF0F0 ~ 0xFFFF), hex(~0xF0F0))
print(2.0 & 3, 3.0 | 0, math.type(2.0 & 3), 8.0 >> 1, 1 << 31, 1 << 32)
print(5 & 3 | 8, 5 | 3 & 8, 5 ~ 3 & 1, 1 << 2 + 1, (1 << 2) + 1, "3" .. 4 + 1)
print(~~7, - ~7, ~-7, 7 & -1, 0x7fffffffffffffff + 1 == math.mininteger)
local x = 0
for i = 0, 63, 7 do x = x | (1 << i) end
print(hex(x), x)
print(pcall(function() return 1 << 1.5 end))
print(pcall(function() return 1 & {} end))
print(pcall(function() return ~nil end))
print(pcall(function() local s = "abc" return s | 1 end))
print(pcall(function() return 2^63 & 1 end))
print(pcall(function() return math.huge | 0 end))
