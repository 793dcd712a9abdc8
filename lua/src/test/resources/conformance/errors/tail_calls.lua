-- Tail calls in a traceback: the calling frames are gone and each tail-called function is followed
-- by "(...tail calls...)"; non-tail frames keep their names.
function dispatch(kind, value)
  if kind == "number" then return handle_number(value) end
  return handle_other(value)
end
function handle_number(v)
  local doubled = v * 2
  return doubled
end
local function validate(v)
  if not v then error("missing value") end
  return v
end
function handle_other(v)
  local checked = validate(v)
  return tostring(checked)
end
local function run(items)
  local out = {}
  for i, item in ipairs(items) do out[i] = dispatch(type(item), item) end
  return out
end
print(table.concat(run({1, "a", 2}), " "))
local function entry() return run({3, nil, 4}) end
local function start() local r = entry() return #r end
print(start())
local results = run({1, false})
