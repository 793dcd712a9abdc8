-- An error raised inside a table.sort comparator.
local items = {3, 1, "two", 4}
table.sort(items, function(a, b)
  return a < b
end)
