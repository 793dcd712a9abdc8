-- Output written to io.stderr comes before the error report; stdout is flushed separately.
io.write("to stdout without newline")
io.stderr:write("to stderr first\n")
io.stderr:write(42, " ", 1.5, "\n")
print(io.stderr:write("chained") == io.stderr)
io.stderr:write("\n")
local function fail() error(setmetatable({}, {__tostring = function() return 99 end})) end
fail()
