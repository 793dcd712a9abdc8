-- A number error value is printed as a number (no position is added to non-strings).
local function fail(n) error(n * 2) end
fail(21)
