-- Errors inside coroutines, yields across pcall and metamethods, coroutine.close, and
-- wrap propagating errors with position information.
local co = coroutine.create(function() error("inside") end)
print(coroutine.resume(co))
print(coroutine.status(co), coroutine.resume(co))
local tco = coroutine.create(function() error({code = 7}) end)
local ok, e = coroutine.resume(tco)
print(ok, type(e), e.code)
local nco = coroutine.create(function() local x = nil; return x.field end)
print(coroutine.resume(nco))

-- yield across pcall: the pcall keeps protecting after the resume
local pc = coroutine.create(function()
  local r = table.pack(pcall(function()
    local v = coroutine.yield("from inside pcall")
    error("after resume: " .. v)
  end))
  coroutine.yield(r[1], r[2])
  return "finished"
end)
print(coroutine.resume(pc))
print(coroutine.resume(pc, "value"))
print(coroutine.resume(pc))

-- yield from within a metamethod and an iterator
local mt = {__index = function(t, k) return coroutine.yield("index " .. k) end}
local mco = coroutine.wrap(function()
  local t = setmetatable({}, mt)
  return "result: " .. t.foo
end)
print(mco())
print(mco("bar"))
local ico = coroutine.wrap(function()
  for v in function() return coroutine.yield("iter") end do return v end
end)
print(ico())
print(ico("from iterator"))

-- yield across xpcall with a message handler
local xco = coroutine.create(function()
  return xpcall(function()
    coroutine.yield("y")
    error("bad")
  end, function(m) return "handled: " .. m end)
end)
print(coroutine.resume(xco))
print(coroutine.resume(xco))

-- errors in wrap propagate to the caller
local w = coroutine.wrap(function() error("wrapped failure") end)
print(pcall(w))
local w2 = coroutine.wrap(function() error({}) end)
print(select("#", pcall(w2)), type(select(2, pcall(coroutine.wrap(function() error({}) end)))))
local w3 = coroutine.wrap(function() local t = nil; t.x = 1 end)
print(pcall(w3))
local w4 = coroutine.wrap(function() return 1 end)
w4()
print(pcall(w4))

-- coroutine.close
local cc = coroutine.create(function() coroutine.yield() end)
coroutine.resume(cc)
print(coroutine.close(cc), coroutine.status(cc))
print(coroutine.close(coroutine.create(print)))
local dead = coroutine.create(function() error("E", 0) end)
coroutine.resume(dead)
print(coroutine.close(dead))
local closing = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function() error("close failed", 0) end})
  coroutine.yield()
end)
coroutine.resume(closing)
print(coroutine.close(closing))
print(pcall(coroutine.close, coroutine.running()))
local selfclose
selfclose = coroutine.create(function() return coroutine.close(selfclose) end)
print(coroutine.resume(selfclose))

-- resume passes through deep call stacks
local deep = coroutine.create(function()
  local function rec(n) if n == 0 then return coroutine.yield("bottom") end return rec(n - 1) end
  return rec(1000)
end)
print(coroutine.resume(deep))
print(coroutine.resume(deep, "up"))

-- error objects with levels inside coroutines
local lv = coroutine.create(function()
  local function f() error("lvl2", 2) end
  f()
end)
print(coroutine.resume(lv))
-- many coroutines alive at once
local cos = {}
for i = 1, 200 do
  cos[i] = coroutine.create(function(x) local y = coroutine.yield(x * 2); return x + y end)
end
local total = 0
for i = 1, 200 do local _, v = coroutine.resume(cos[i], i); total = total + v end
for i = 1, 200 do local _, v = coroutine.resume(cos[i], 1); total = total + v end
print(total)
