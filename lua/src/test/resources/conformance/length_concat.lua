-- The length operator, concatenation of mixed values, and their error messages.
print(#"", #"abc", #{}, #{1, 2, 3}, #{n = 3}, #{1, 2, nil}, #"\0\0")
local t = {}
for i = 1, 10 do t[i] = i end
print(#t)
t[#t] = nil
print(#t)
t[#t + 1] = "x"
print(#t, t[#t])
print("a" .. "b" .. "c", 1 .. "", "x" .. 1.0, "y" .. -1, 2 .. 3, "n" .. 2^63, "i" .. math.mininteger)
local parts = {}
for i = 1, 5 do parts[#parts + 1] = i * i end
print(table.concat(parts, ","), ("-"):rep(3) .. ">")
print(pcall(function() return "a" .. nil end))
print(pcall(function() return "a" .. true end))
print(pcall(function() return {} .. "a" end))
print(pcall(function() local x return x .. "a" end))
print(pcall(function() return #5 end))
print(pcall(function() return #nil end))
print(pcall(function() local n = 3 return #n end))
print(pcall(function() return #print end))
local long = ("ab"):rep(1000)
print(#long, #(long .. long), long:sub(-3))
