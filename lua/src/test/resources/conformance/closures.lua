-- Closures capture variables, not values: each loop iteration gets a fresh local,
-- while closures created in the same scope share one.
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())

local gs = {}
local j = 1
while j <= 3 do
  local k = j
  gs[j] = function() k = k + 10; return k end
  j = j + 1
end
print(gs[1](), gs[1](), gs[2](), gs[3]())

local hs = {}
for _, name in ipairs({"a", "b", "c"}) do
  hs[#hs + 1] = function() return name end
end
print(hs[1](), hs[2](), hs[3]())

local function counter()
  local n = 0
  return function() n = n + 1; return n end, function() return n end, function(v) n = v end
end
local inc, get, set = counter()
inc(); inc()
print(get())
set(100); inc()
print(get())
local inc2, get2 = counter()
inc2()
print(get(), get2())

-- upvalues of upvalues
local function outer()
  local x = 1
  return function()
    return function()
      x = x * 2
      return x
    end
  end
end
local mk = outer()
local f1, f2 = mk(), mk()
print(f1(), f2(), f1())

-- repeat-until sees locals of the body in its condition, and closures capture them
local rs = {}
local r = 0
repeat
  local captured = r
  rs[#rs + 1] = function() return captured end
  r = r + 1
until captured >= 2
print(#rs, rs[1](), rs[3]())

-- recursive local functions
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
local fib
fib = function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fact(20), fib(20), fact(21))

-- closures in a break-terminated loop
local saved
for i = 1, 10 do
  local sq = i * i
  if i == 4 then saved = function() return sq end break end
end
print(saved())

-- methods and self
local Account = {}
Account.__index = Account
function Account.new(b) return setmetatable({balance = b}, Account) end
function Account:deposit(v) self.balance = self.balance + v; return self end
function Account:get() return self.balance end
local acc = Account.new(10):deposit(5):deposit(7)
print(acc:get(), Account.get(acc), acc.get(acc))
local obj = {name = "obj", nested = {name = "nested"}}
function obj.nested:who() return self.name end
print(obj.nested:who())

-- shadowing
local v = 1
do
  local v = v + 1
  print(v)
  do local v = v * 10; print(v) end
end
print(v)
local a, b, a = 1, 2, 3
print(a, b)
