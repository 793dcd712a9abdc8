-- An error raised inside an __add metamethod and an __index function.
local V = setmetatable({}, {
  __add = function(a, b)
    if type(b) ~= "table" then error("cannot add " .. type(b) .. " to a vector") end
    return a
  end,
  __index = function(t, k) return k end,
})
print(V.anything)
local sum = V + 1
