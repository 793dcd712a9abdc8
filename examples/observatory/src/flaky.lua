local time = require("time")

local function main()
    time.sleep("3s")
    error(errors.new({ kind = errors.UNAVAILABLE, message = "lost its connection", retryable = true }))
end

return { main = main }
