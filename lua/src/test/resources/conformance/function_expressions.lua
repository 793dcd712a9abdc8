-- Functions written as expressions (local f = function ..., table fields, arguments) compute like
-- `local function`: their numeric locals are typed too, keeping integer wrap-around, float results
-- and subtype changes exact.
local sum = function (n)
  local s, f = 0, 0.0
  for i = 1, n do s = s + i; f = f + i / 2 end
  return s, f, math.type(s), math.type(f)
end
print(sum(10))
local t = {
  wrap = function (x) local y = x; y = y * 2; return y + math.maxinteger end,
  mix = function (a) local b = 3; local c = b / 2; local d = b // 2; return a + c, d, b % -2, -b ^ 2 end,
}
print(t.wrap(1), t.wrap(math.maxinteger))
print(t.mix(1))
print((function (...)
  local n = select("#", ...)
  local acc = 1
  for i = 1, n do acc = acc * select(i, ...) end
  return acc, n
end)(2, 3, 4))
local loops = {}
loops[1] = function (lo, hi, step) local c = 0; for i = lo, hi, step do c = c + 1 end; return c end
print(loops[1](1, 10, 3), loops[1](10, 1, -2), loops[1](1.0, 2.0, 0.25))
local function apply(f, ...) return f(...) end
print(apply(function (a, b) local q = a // b; local r = a % b; return q, r, q * b + r end, 17, -5))
print(pcall(function () local z = 0; local one = 1; return one // z end))
