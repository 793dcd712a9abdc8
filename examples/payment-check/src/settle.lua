local funcs = require("funcs")
local time = require("time")

-- The compute-units example: this can run for days, survive restarts and never lose progress.
local function run(payment, wait)
    local result = funcs.call("app:charge_card", payment)
    time.sleep(wait)
    local status = funcs.call("app:check_status", result.id)
    if status == "failed" then
        funcs.call("app:refund", result.id)
        return result.id .. " failed to settle and was refunded"
    end
    return result.id .. " settled"
end

return { run = run }
