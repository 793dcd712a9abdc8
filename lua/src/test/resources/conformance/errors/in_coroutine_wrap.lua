-- An error inside a coroutine.wrap body propagates to the resumer.
local gen = coroutine.wrap(function()
  coroutine.yield(1)
  local t = nil
  return t.field
end)
print(gen())
print(gen())
