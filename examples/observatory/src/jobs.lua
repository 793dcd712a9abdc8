local time = require("time")
local metrics = require("metrics")

-- A job takes a little while, so that bursts pile up in the queue before the consumer drains them.
local function handle(job)
    time.sleep("60ms")
    metrics.counter_inc("jobs_handled_total", { kind = job.kind })
    return true
end

return { handle = handle }
