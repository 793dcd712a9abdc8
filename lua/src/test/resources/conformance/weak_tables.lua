-- Weak tables: entries whose weak key or value is referenced nowhere else disappear at a full collection;
-- strings, numbers and booleans are values and never disappear; entries still in use stay.
local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

local keep = {}
local weak_keys = setmetatable({}, { __mode = "k" })
do
  local gone = {}
  weak_keys[gone] = "dropped"
  weak_keys[keep] = "kept"
  weak_keys["name"] = {}
  weak_keys[42] = "number key"
end
collectgarbage()
print("weak keys", count(weak_keys), weak_keys[keep], weak_keys[42], type(weak_keys.name))

local weak_values = setmetatable({}, { __mode = "v" })
do
  weak_values[1] = {}
  weak_values[2] = keep
  weak_values[3] = "text"
  weak_values.fn = function() end
  weak_values.n = 7
end
collectgarbage()
print("weak values", weak_values[1], weak_values[2] == keep, weak_values[3], weak_values.fn, weak_values.n)

local both = setmetatable({}, { __mode = "kv" })
do
  both[{}] = 1
  both[2] = {}
  both[keep] = keep
end
collectgarbage("collect")
print("weak both", count(both), both[keep] == keep)

local strong = {}
do
  strong[{}] = true
end
collectgarbage()
print("strong", count(strong))
