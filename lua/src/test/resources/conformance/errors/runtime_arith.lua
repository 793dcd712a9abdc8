-- Arithmetic on a field of a global table, from a function called through pcall first and then directly.
settings = {limit = "ten"}
local function double_limit() return settings.limit * 2 end
print(pcall(double_limit))
local function compare() return settings.missing < 3 end
print(pcall(compare))
print(double_limit())
