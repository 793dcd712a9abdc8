-- The error of a concatenation chain names the operand at fault, whatever its position.
local x
local function try(f) print(select(2, pcall(f))) end
try(function() return "a" .. x .. "b" end)
try(function() local y; return "a" .. y .. "b" end)
try(function() local y; return y .. "a" .. "b" end)
try(function() local y; return "a" .. "b" .. y end)
try(function() local y, z = 1; return y .. z .. "b" end)
try(function() local y, z = 1; return z .. y .. "b" .. 2 end)
try(function() return "a" .. {} .. "b" end)
try(function() return "a" .. undefined_global .. "b" .. 1 end)
try(function() local t = {} return 1 .. t.field .. "b" .. 1 end)
try(function() local t = {} return "a" .. 2 .. t[1] .. "c" end)
local cat = setmetatable({}, {__concat = function(a, b) return "<cat>" end})
print("x" .. cat .. "y" .. 1)
try(function() return "x" .. cat .. "y" .. {} end)
