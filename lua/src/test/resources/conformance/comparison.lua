-- Comparisons between numbers of mixed subtypes are exact, strings compare bytewise,
-- and different types are never equal.
local maxi, mini = math.maxinteger, math.mininteger
print(1 == 1.0, 2^53 == 2^53 + 1, maxi == maxi + 0.0, maxi < maxi + 0.0, maxi + 0.0 == 2^63)
print(mini == mini + 0.0, mini < -2^63, mini <= -2^63, 2^63 > maxi, -2^63 >= mini)
print(maxi < math.huge, mini > -math.huge, 1 < 0/0, 1 > 0/0, 0/0 == 0/0, 0/0 ~= 0/0)
print(3 < 3.5, 3 <= 3.0, -0.0 == 0, 4 > 3.99999, 9007199254740993 < 9007199254740992.0)
print(9007199254740993 > 9007199254740992.0, 9007199254740993 == 9007199254740992.0)
print("a" < "b", "a" < "aa", "" < "a", "Z" < "a", "abc" <= "abc", "b" >= "abc", "a\0b" > "a")
print("10" < "9", "10" == "10", 10 == "10", nil == false, {} == {}, "x" ~= "x")
local t = {}
print(t == t, t ~= t, print == print, print ~= tostring)
print(pcall(function() return 1 < "2" end))
print(pcall(function() return {} < {} end))
print(pcall(function() return nil < 1 end))
print(pcall(function() return true <= false end))
print(pcall(function() return "a" >= 1 end))
print(pcall(function() return print < print end))
print(not nil, not false, not 0, not "", nil and 1, false or "x", 0 and "zero", nil or false)
print(1 and 2, nil and nil, false and nil, 1 or error("not evaluated"), nil or 3 or 4)
local a, b = 5, 7
print(a < b and "less" or "not less", a > b and "more" or "not more")
print(math.max(1, 2.5, -1), math.min(3, 1.0, 2), math.max(2, 2.0), math.min(2.0, 2))
print(math.ult(1, -1), math.ult(-1, 1), math.ult(maxi, mini), math.ult(0, 0))
