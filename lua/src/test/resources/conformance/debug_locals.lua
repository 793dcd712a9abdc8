-- debug.getlocal/setlocal on stack levels: names and values of the active locals, in declaration order, and
-- changes seen by the running function. PUC's temporaries ("(temporary)", "(C temporary)") are not listed here:
-- they are registers, which this engine need not report. Values of hidden loop state are not printed either.

local function show(v)
  local t = type(v)
  if t == "table" or t == "function" or t == "thread" or t == "userdata" then
    return t
  end
  return tostring(v)
end

-- the locals of the function at 'level' above the caller of 'locals' (1: the caller itself), one line
local function locals(level)
  local out = {}
  local i = 1
  while true do
    local name, value = debug.getlocal(level + 1, i)
    if name == nil or name:find("temporary") then
      break
    end
    out[#out + 1] = name == "(for state)" and name or name .. "=" .. show(value)
    i = i + 1
  end
  local j = -1
  while true do
    local name, value = debug.getlocal(level + 1, j)
    if name == nil then
      break
    end
    out[#out + 1] = name .. "=" .. show(value)
    j = j - 1
  end
  return table.concat(out, " ")
end

print("-- scopes")
local function scopes(a, b, ...)
  local x = 10
  print(locals(1))
  do
    local y = 20
    local x = "shadow"
    print(locals(1))
  end
  print(locals(1))
  local z <const> = 5
  local w <close> = nil
  local v = z + 1
  print(locals(1))
end
scopes(1, nil, "va1", "va2")
scopes("only")

print("-- not yet active in its own statement")
local function own()
  local first = 1
  local second = debug.getlocal(1, 2)
  print(second, (debug.getlocal(1, 2)))
end
own()

print("-- loops")
local function loops()
  local before = "b"
  for i = 1, 2 do
    local inside = i * 10
    print(locals(1))
  end
  for k, v in ipairs({"p", "q"}) do
    print(locals(1))
  end
  local n = 0
  local function check()
    print("check:", locals(2))
    n = n + 1
    return n < 3
  end
  while check() do
    local body = n
    print("body:", locals(1))
  end
  repeat
    local r = n
    n = n + 1
  until (function() print("until:", locals(2)) return true end)()
  print(locals(1))
end
loops()

print("-- setlocal")
local function setter(level, n, value)
  return debug.setlocal(level + 1, n, value)
end
local function target(p)
  local a, b = "a", "b"
  local captured = 1
  local function get() return captured end
  print(setter(1, 1, "new p"), setter(1, 2, "new a"), setter(1, 4, 2), setter(1, 50, "none"))
  print(p, a, b, captured, get())
  for i = 1, 3 do
    if i == 1 then
      -- the loop variable changes for this iteration only, as the loop counts on its own
      print(setter(1, 9, 100))
    end
    print("iteration", i)
  end
  local sum = 0
  for i = 1, 3 do
    sum = sum + i
  end
  print(sum)
end
target("p")

print("-- varargs")
local function va(...)
  print(debug.getlocal(1, -1), debug.getlocal(1, -2), debug.getlocal(1, -3))
  print(debug.setlocal(1, -2, "changed"), debug.setlocal(1, -3, "none"))
  print(...)
  local function inner()
    print(debug.setlocal(2, -1, "from inner"))
  end
  inner()
  print(...)
end
va("x", "y")
va()
local function fixed(a)
  print(debug.getlocal(1, -1))
end
fixed(1, 2)

print("-- levels")
print(pcall(debug.getlocal, 100, 1))
print(pcall(debug.setlocal, 100, 1, 2))
print(pcall(debug.getlocal, -1, 1))
print(debug.getlocal(1, 0), debug.getlocal(1, 1000))
print(pcall(debug.setlocal, 1, 1))
local function recursive(n)
  local depth = n
  if n > 0 then
    return (recursive(n - 1))
  end
  return locals(1) .. " | " .. locals(2) .. " | " .. locals(3)
end
print(recursive(2))
-- a tail call replaces the frame of the function that makes it
local function tailee() local shown = locals(2); return shown end
local function tailer(t) local mine = t; return tailee() end
local function caller() local outer = "o"; local r = tailer("t"); return r end
print(caller())

print("-- hooks")
local function watched()
  local count = 0
  count = count + 1
  count = count + 10
  return count
end
local seen = {}
debug.sethook(function(event, line)
  local name, value = debug.getlocal(2, 1)
  if name == "count" then
    seen[#seen + 1] = line .. ":" .. show(value)
  end
end, "l")
watched()
debug.sethook()
print(table.concat(seen, " "))
debug.sethook(function(event)
  local name, value = debug.getlocal(2, 1)
  if name == "arg" then
    print(event, name, value)
    debug.setlocal(2, 1, value .. "!")
  end
end, "c")
local function called(arg) return arg end
local result = called("hello")
debug.sethook()
print(result)

print("-- coroutines")
local co = coroutine.create(function(x)
  local a, b = coroutine.yield(x)
  print("resumed with", a, b, "x is", x)
  local later = "l"
  coroutine.yield()
  return x
end)
print(coroutine.resume(co, 10))
print(debug.getlocal(co, 1, 1))
print(debug.getlocal(co, 1, 2))
print(debug.setlocal(co, 1, 1, 30))
print(debug.setlocal(co, 1, 5, 40))
print(coroutine.resume(co, 100))
print(debug.getlocal(co, 1, 2), debug.getlocal(co, 1, 4))
print(coroutine.resume(co))
print(coroutine.status(co))
local inside = coroutine.wrap(function(p)
  local q = p + 1
  print(locals(1))
  print(debug.getlocal(coroutine.running(), 1, 2))
end)
inside(1)

print("-- getinfo of levels")
local function whoami() return debug.getinfo(2, "f").func end
local function me() local f = whoami(); return f end
print(me() == me)
local body = function()
  local here = "h"
  coroutine.yield()
end
local co2 = coroutine.create(body)
coroutine.resume(co2)
local at = debug.getinfo(co2, 1, "lSf")
print(at.currentline, at.what, at.func == body, debug.getinfo(co2, 0, "S").what, debug.getinfo(co2, 2))
print(debug.getlocal(co2, 1, 1))

print("-- after errors")
local function boom() local z = 1; error("x") end
local function overflow(n) local m = n; return 1 + overflow(n + 1) end
local function afterErrors()
  local keep = "k"
  print(pcall(boom))
  print(debug.getlocal(1, 1))
  print((pcall(overflow, 1)))
  print(debug.getlocal(1, 1))
  local co3 = coroutine.create(function() local inner = 1; coroutine.yield() end)
  coroutine.resume(co3)
  print(coroutine.close(co3), (debug.getlocal(1, 2)))
  print(locals(1):gsub("co3=thread ", ""))
end
afterErrors()

print("-- more scopes")
local obj = {}
function obj:m(a, b, c, d, e) local r = a; print(locals(1)) end
obj:m(1, 2, 3, 4, 5)
local function branches(x)
  if x == 1 then local one = 1; print(locals(1))
  elseif x == 2 then local two = 2; print(locals(1))
  else local other = 3; print(locals(1)) end
  print(locals(1))
end
branches(1) branches(2) branches(3)
local function gotos()
  for i = 1, 3 do
    local skip = i % 2 == 0
    if skip then goto continue end
    print(locals(1))
    ::continue::
  end
  local n = 0
  ::again::
  local inner = n
  n = n + 1
  if n < 2 then print(locals(1)) goto again end
  print(locals(1))
end
gotos()
-- line events of a loop: its test runs with the loop's hidden state active, not its variables
local function looped()
  local total = 0
  for i = 1, 2 do
    total = total + i
  end
  return total
end
local lines = {}
debug.sethook(function(event, line)
  if debug.getinfo(2, "f").func == looped then
    lines[#lines + 1] = line .. ": " .. locals(2)
  end
end, "l")
looped()
debug.sethook()
print(table.concat(lines, "\n"))
