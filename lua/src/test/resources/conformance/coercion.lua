-- Strings are converted to numbers by arithmetic, numbers to strings by concatenation;
-- the numeral's syntax decides whether the converted value is an integer or a float.
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do
    local v = t[i]
    t[i] = tostring(v) .. (math.type(v) and (":" .. math.type(v)) or "")
  end
  print(table.concat(t, "  "))
end

show("10" + 1, "10" * "2", "3.0" + 1, "0x10" + 0, "1e2" * 1, " 7 " + 0, "10" // "3", "7" % "4")
show("2" ^ "3", -"2", -"2.5", "10" / "4", "-0x10" + 0, "\t12\n" - 2)
show(10 .. 20, 1.5 .. "", -0.0 .. "", 2^63 .. "", math.mininteger .. "")
show("1" == 1, "abc" < "abd", 1 < 1.5)
print(pcall(function() return "abc" + 1 end))
print(pcall(function() return {} + 1 end))
print(pcall(function() return "10" < 5 end))
print(pcall(function() return 1 .. {} end))
print(pcall(function() return "0x" + 1 end))
print(pcall(function() return "1e" + 1 end))
print(pcall(function() return "" + 1 end))

-- strings get arithmetic metamethods but no bitwise ones; floats with exact integer values do convert
show(3.0 | 0, 0xff & 15.0, 2.0 << 1, ~0.0)
print(pcall(function() return "3" | 0 end))
print(pcall(function() return ~"0" end))
print(pcall(function() return 1.5 & 1 end))
print(pcall(function() return 2^64 | 0 end))

-- tonumber and tostring round trips
show(tonumber("  0x1p-2  "), tonumber("1e1"), tonumber("0x"), tonumber("1 2"), tonumber(""), tonumber("  "))
show(tonumber("9223372036854775807"), tonumber("9223372036854775808"), tonumber("-9223372036854775808"))
show(tonumber("0x7fffffffffffffff"), tonumber("0xffffffffffffffff"), tonumber("0x1ffffffffffffffff"))
show(tonumber(".5"), tonumber("5."), tonumber("0x.1"), tonumber("1e+2"), tonumber("1E-2"), tonumber("- 1"))
show(tonumber("inf"), tonumber("nan"), tonumber("1e500"), tonumber("-1e500"))
show(tonumber(12), tonumber(1.5), tonumber(nil), tonumber(true), tonumber({}))
show(math.tointeger("8"), math.tointeger(8.0), math.tointeger(8.5), math.tointeger("x"))

-- integer/float keys are normalised in tables
local t = {}
t[1.0] = "one"; t[2] = "two"; t["1"] = "string one"
show(t[1], t[2.0], t["1"], #t)
t[2^53] = "big"
show(t[2^53], t[math.tointeger(2^53)])
