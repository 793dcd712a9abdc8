-- Full-precision results of the correctly rounded functions (shown with 17 digits): sqrt, exp, log with
-- bases e, 2 and 10, powers, fmod and floor division; and the NaN signs of domain errors as PUC prints them.
local xs = {0.1, 0.5, 0.75, 1, 1.1, 2, 2.5, 3, 3.5, 10, 11, 100, 101, 1e-5, 1e5, 12345.678, math.pi, 1e10, 2^60, 1e300}
local function row(name, f)
  local out = {}
  for _, x in ipairs(xs) do out[#out + 1] = string.format("%.17g", f(x)) end
  print(name, table.concat(out, " "))
end
row("sqrt", math.sqrt)
row("exp", function(x) return math.exp(x / 100) end)
row("log", math.log)
row("log2", function(x) return math.log(x, 2) end)
row("log10", function(x) return math.log(x, 10) end)
row("log3", function(x) return math.log(x, 3) end)
row("pow1.5", function(x) return x ^ 1.5 end)
row("pow-2", function(x) return x ^ -2 end)
row("pow0.5", function(x) return x ^ 0.5 end)
row("fmod", function(x) return math.fmod(x, 0.3) end)
row("idiv", function(x) return x // 0.3 end)
row("mod", function(x) return x % -0.7 end)
print(math.log(8, 2), math.log(1024, 2), math.log(1000, 10), math.log(2^-3, 2), math.log(0.001, 10))
print(math.asin(2), math.acos(-2), math.sqrt(-1), math.log(-1), (-8) ^ (1/3), math.fmod(1, 0.0))
print(1 ^ (0/0), 1 ^ math.huge, (-1) ^ math.huge, (-1) ^ -math.huge, (0/0) ^ 0, 2 ^ 0.5 == math.sqrt(2))
print((-0.0) ^ 0.5, (-math.huge) ^ 0.5, 0 ^ -1, (-0.0) ^ -1, math.huge ^ -1, 4 ^ 0.5)
