-- debug.getupvalue/setupvalue/upvalueid/upvaluejoin: upvalues in PUC's order (first use), shared
-- between closures of one variable, settable and joinable.
local a, b, c = 1, 2, 3
local function f() return a + b end
local function g() return b + a, c end
local function counter()
  local n = 0
  return function () n = n + 1; return n end
end
print(debug.getupvalue(f, 1), debug.getupvalue(f, 2), debug.getupvalue(f, 3))
print(debug.getupvalue(g, 1), debug.getupvalue(g, 3))
print(debug.upvalueid(f, 1) == debug.upvalueid(g, 2), debug.upvalueid(f, 1) == debug.upvalueid(g, 1))
print(debug.upvalueid(f, 3), pcall(debug.upvalueid, f, "x"))
print(debug.setupvalue(f, 1, 10), f(), g())
print(debug.setupvalue(f, 5, 0), debug.getupvalue(print, 1))
local c1, c2 = counter(), counter()
c1(); c1()
print(c1(), c2(), debug.upvalueid(c1, 1) ~= debug.upvalueid(c2, 1))
debug.upvaluejoin(c2, 1, c1, 1)
print(c2(), c1(), debug.upvalueid(c1, 1) == debug.upvalueid(c2, 1))
print(pcall(debug.upvaluejoin, c1, 2, c2, 1))
print(pcall(debug.upvaluejoin, print, 1, c2, 1))
print(pcall(debug.upvaluejoin, c1, 1, print, 1))
local env = load("x = 1; return x")
print(debug.getupvalue(env, 1), select(2, debug.getupvalue(env, 1)) == _G)
debug.setupvalue(env, 1, {})
print(env(), x)
print(pcall(debug.setuservalue, debug.upvalueid(f, 1), {}))
print(type(debug.upvalueid(string.gmatch("x", "x"), 1)))
