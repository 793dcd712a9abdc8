local logger = require("logger")
local time = require("time")

local function main()
    logger:info("flaky worker starting", { pid = process.pid() })
    time.sleep("20ms")
    error(errors.new({ kind = errors.UNAVAILABLE, message = "database unreachable", retryable = true }))
end

return { main = main }
