-- assert with a message, inside a method.
local Stack = {}
Stack.__index = Stack
function Stack.new() return setmetatable({items = {}}, Stack) end
function Stack:pop()
  assert(#self.items > 0, "pop from an empty stack")
  return table.remove(self.items)
end
local s = Stack.new()
print(pcall(s.pop, s))
s:pop()
