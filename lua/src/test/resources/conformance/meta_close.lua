-- To-be-closed variables: close order, the error argument, closing on break/return/goto/error,
-- and errors raised by closers.
local function closer(name, log)
  return setmetatable({}, {__close = function(_, err)
    log[#log + 1] = name .. "(" .. tostring(err) .. ")"
  end})
end

local log = {}
do
  local a <close> = closer("a", log)
  local b <close> = closer("b", log)
  local c <close> = nil
  local d <close> = false
end
print(table.concat(log, " "))

log = {}
local function early(n)
  local x <close> = closer("x" .. n, log)
  if n > 0 then return "returned " .. n end
  local y <close> = closer("y", log)
  return "fell through"
end
print(early(1), early(0), table.concat(log, " "))

log = {}
for i = 1, 3 do
  local c <close> = closer("loop" .. i, log)
  if i == 2 then break end
end
print(table.concat(log, " "))

log = {}
print(pcall(function()
  local a <close> = closer("a", log)
  local b <close> = closer("b", log)
  error("boom")
end))
print(table.concat(log, " "))

-- an error in a closer replaces the original error and the other closers still run
log = {}
print(pcall(function()
  local a <close> = closer("a", log)
  local b <close> = setmetatable({}, {__close = function(_, e) log[#log + 1] = "b saw " .. tostring(e); error("from b", 0) end})
  error("original", 0)
end))
print(table.concat(log, " | "))

-- a value without __close is rejected at declaration
print(pcall(function() local x <close> = {} end))
print(pcall(function() local x <close> = 42 end))

-- generic for closes its fourth value
log = {}
local function iter()
  local i = 0
  return function() i = i + 1; if i <= 3 then return i end end, nil, nil, closer("iter", log)
end
for i in iter() do
  if i == 2 then break end
end
print(table.concat(log, " "))
log = {}
for i in iter() do end
print(table.concat(log, " "))

-- goto out of a block closes
log = {}
do
  local k = 0
  ::again::
  do
    local g <close> = closer("g" .. k, log)
    k = k + 1
    if k < 3 then goto again end
  end
end
print(table.concat(log, " "))

-- closing values in coroutines via coroutine.close
log = {}
local co = coroutine.create(function()
  local r <close> = closer("co", log)
  coroutine.yield(1)
end)
print(coroutine.resume(co))
print(coroutine.close(co), coroutine.status(co), table.concat(log, " "))

-- the const attribute
print(load("local x <const> = 1; x = 2"))
print(load("local x <close> = nil; x = 2"))
print(load("local x <foo> = 1"))
print(load("local a <close>, b <close> = nil, nil"))
