-- Proper tail calls run in constant stack space, including mutual recursion and
-- calls through varargs.
local function loop(n, acc)
  if n == 0 then return acc end
  return loop(n - 1, acc + 1)
end
print(loop(1000000, 0))

local is_even, is_odd
function is_even(n) if n == 0 then return true end return is_odd(n - 1) end
function is_odd(n) if n == 0 then return false end return is_even(n - 1) end
print(is_even(1000001), is_odd(777777))

local function va(n, ...)
  if n == 0 then return select("#", ...), ... end
  return va(n - 1, ...)
end
print(va(300000, "a", "b"))

-- a tail call through a callable table
local T = setmetatable({}, {__call = function(self, n)
  if n == 0 then return "done" end
  return self(n - 1)
end})
print(T(100000))

-- tail calls to library functions
local function tl(s) return string.upper(s) end
print(tl("abc"))
local function ret_many() return table.unpack({1, 2, 3}) end
print(ret_many())

-- a non-tail call recursion of moderate depth still works
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(10000))

-- stack overflow from unbounded non-tail recursion is a catchable error
local function inf(n) return 1 + inf(n + 1) end
local ok, msg = pcall(inf, 1)
print(ok, (string.gsub(msg, "^.-:%d+: ", "")))
