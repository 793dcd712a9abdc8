-- debug.sethook: call, return, line and count events of Lua functions and of the library functions
-- they call, per coroutine; debug.gethook reports the hook.
local trace = {}
local function hook(event, line)
  local info = debug.getinfo(2, "nS")
  trace[#trace + 1] = event .. " " .. tostring(line or info.name or info.what)
end

local function add(a, b)
  local sum = a + b
  return sum
end

local function work(n)
  local total = 0
  for i = 1, n do
    total = add(total, i)
  end
  return total
end

debug.sethook(hook, "crl")
local result = work(2)
debug.sethook()
print(result)
print(table.concat(trace, "\n"))

trace = {}
debug.sethook(hook, "r")
local s = string.rep("x", 3)
local u = string.upper(s)
debug.sethook()
print(u, table.concat(trace, ", "))

print(debug.gethook())
debug.sethook(hook, "l", 0)
local h, mask, count = debug.gethook()
debug.sethook()
print(h == hook, mask, count)

local co = coroutine.create(function (x)
  local y = coroutine.yield(x + 1)
  return y * 2
end)
trace = {}
debug.sethook(co, hook, "cr")
print(coroutine.resume(co, 1))
print(coroutine.resume(co, 10))
print(table.concat(trace, ", "))
print(debug.gethook())
