-- A table error value with __tostring is shown through it.
local E = setmetatable({what = "disk full"}, {__tostring = function(e) return "MyError: " .. e.what end})
local function save() error(E) end
save()
