local io = require("io")
local time = require("time")

local function main(): integer
    io.print("watching the flaky service for two seconds (run with -c to see the supervisor's log)")
    time.sleep("2s")
    io.print("done")
    return 0
end

return { main = main }
