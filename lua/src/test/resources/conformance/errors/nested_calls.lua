-- An error three calls deep: the traceback lists local, global and field functions.
local M = {}
function M.validate(value)
  if type(value) ~= "number" then
    error("expected a number, got " .. type(value))
  end
  return value
end
function process(items)
  local total = 0
  for _, item in ipairs(items) do
    total = total + M.validate(item)
  end
  return total
end
local function main()
  print(process({1, 2, 3}))
  print(process({4, "five"}))
end
main()
