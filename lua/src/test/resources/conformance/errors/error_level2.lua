-- error with level 2 blames the caller's line.
local function require_positive(n)
  if n <= 0 then error("value must be positive", 2) end
  return n
end
print(require_positive(5))
local result = require_positive(-1)
