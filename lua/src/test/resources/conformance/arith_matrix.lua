-- Every binary operator over a grid of edge-case operands (integers, floats, numeric strings), through
-- untyped values; then the same operators on loop variables whose types are known statically.
-- NaN results are shown as "NaN": the sign bit of a NaN is not something Lua specifies.
local function show(v)
  if v ~= v then return "NaN" end
  if math.type(v) == "float" then return string.format("%.17g", v) .. "f" end
  return tostring(v)
end
local values = {0, 1, -1, 7, -7, 2, 3.5, -0.5, 0.0, -0.0, 2^53, math.maxinteger, math.mininteger,
  1/0, -1/0, "10", "-3", "0x10", "2.5", 1e308}
local ops = {
  {"+", function(a, b) return a + b end}, {"-", function(a, b) return a - b end},
  {"*", function(a, b) return a * b end}, {"/", function(a, b) return a / b end},
  {"//", function(a, b) return a // b end}, {"%", function(a, b) return a % b end},
  {"^", function(a, b) return a ^ b end}, {"&", function(a, b) return a & b end},
  {"|", function(a, b) return a | b end}, {"~", function(a, b) return a ~ b end},
  {"<<", function(a, b) return a << b end}, {">>", function(a, b) return a >> b end},
  {"==", function(a, b) return a == b end}, {"<", function(a, b) return a < b end},
  {"<=", function(a, b) return a <= b end},
}
for _, op in ipairs(ops) do
  local line = {}
  for _, a in ipairs(values) do
    for _, b in ipairs(values) do
      local ok, r = pcall(op[2], a, b)
      line[#line + 1] = ok and show(r) or "E"
    end
  end
  print(op[1], table.concat(line, " "))
end
-- unary operators
local un = {}
for _, a in ipairs(values) do
  local ok1, r1 = pcall(function() return -a end)
  local ok2, r2 = pcall(function() return ~a end)
  un[#un + 1] = (ok1 and show(r1) or "E") .. "/" .. (ok2 and show(r2) or "E")
end
print("unary", table.concat(un, " "))

-- statically typed operands: integer and float loop variables
local ints, floats = {}, {}
for i = -4, 4 do
  for j = -4, 4 do
    if j ~= 0 then ints[#ints + 1] = (i // j) .. ":" .. (i % j) end
    ints[#ints + 1] = (i * j - i + j) .. ";" .. (i << (j + 4)) .. ";" .. (i >> (j + 4)) .. ";" .. (i ~ j)
  end
end
print(table.concat(ints, " "))
for x = -2.0, 2.0, 0.5 do
  for y = -1.5, 1.5, 0.75 do
    floats[#floats + 1] = show(x // y) .. ":" .. show(x % y) .. ":" .. show(x / y) .. ":" .. show(x ^ 2)
  end
end
print(table.concat(floats, " "))
local mixed = {}
for i = -3, 3 do
  local f = i + 0.5
  mixed[#mixed + 1] = show(i + f) .. "," .. show(i // f) .. "," .. show(f % i) .. "," .. tostring(i < f) .. "," .. tostring(i == f - 0.5)
end
print(table.concat(mixed, " "))
