-- Integer arithmetic: floor division and modulo follow the sign of the divisor,
-- overflow wraps around two's complement, and integer/float results keep their subtype.
local function show(label, v)
  print(label, v, math.type(v))
end

show("7 // 2", 7 // 2)
show("-7 // 2", -7 // 2)
show("7 // -2", 7 // -2)
show("-7 // -2", -7 // -2)
show("7 % 3", 7 % 3)
show("-7 % 3", -7 % 3)
show("7 % -3", 7 % -3)
show("-7 % -3", -7 % -3)
show("0 % 5", 0 % 5)
show("6 / 2", 6 / 2)
show("7 / 2", 7 / 2)
show("2 ^ 10", 2 ^ 10)
show("3 * 4", 3 * 4)
show("10 - 3", 10 - 3)
show("-(-3)", -(-3))

-- wrap-around
local maxi, mini = math.maxinteger, math.mininteger
show("maxinteger + 1", maxi + 1)
show("mininteger - 1", mini - 1)
show("maxinteger * 2", maxi * 2)
show("-mininteger", -mini)
show("mininteger // -1", mini // -1)
show("mininteger % -1", mini % -1)
show("maxinteger // 1", maxi // 1)
show("mininteger * -1", mini * -1)
show("maxinteger + 0.0", maxi + 0.0)

-- division by zero
print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
local zero = 0
print(pcall(function() return mini // zero end))
show("3 // 0.0", 3 // 0.0)
show("-3 // 0.0", -3 // 0.0)
show("3 % 0.0 is nan", (3 % 0.0) ~= (3 % 0.0))
show("1 / 0", 1 / 0)
show("-1 / 0", -1 / 0)
show("0/0 ~= 0/0", (0/0) ~= (0/0))

-- float floor division and modulo
show("7.5 // 2", 7.5 // 2)
show("-7.5 // 2", -7.5 // 2)
show("7.5 % 2", 7.5 % 2)
show("-7.5 % 2", -7.5 % 2)
show("5.3 % -2", 5.3 % -2)
show("1 % math.huge", 1 % math.huge)
show("-1 % math.huge", -1 % math.huge)
show("1 % -math.huge", 1 % -math.huge)
show("-1 % -math.huge", -1 % -math.huge)
show("5 // math.huge", 5 // math.huge)
show("-5 // math.huge", -5 // math.huge)

-- mixed operands
show("1 + 2.0", 1 + 2.0)
show("10 // 3.0", 10 // 3.0)
show("2^2", 2^2)
show("2^-1", 2^-1)
show("(-2)^2", (-2)^2)
show("-2^2", -2^2)
show("2^3^2", 2^3^2)

-- precedence mix
print(1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 2 * 3 % 4, -3 % 5, -(3 % 5))
print(7 // 2 * 2 + 7 % 2)
for i = -5, 5 do
  io.write(i // 3, " ", i % 3, " ", i % -3, ";")
end
print()
