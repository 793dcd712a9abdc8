local queue = require("queue")
local time = require("time")
local logger = require("logger")
local metrics = require("metrics")

local function main()
    local workers = {}
    for i = 1, 3 do
        workers[i] = process.spawn_linked("app:worker", "app:processes", i)
    end
    local ticker = time.ticker("1s")
    local events = process.events()
    local tick = 0
    while true do
        local r = channel.select { ticker:channel():case_receive(), events:case_receive() }
        if r.channel == events then
            if r.value.kind == process.event.CANCEL then
                ticker:stop()
                return 0
            end
        else
            tick = tick + 1
            -- bursts of 10 to 50 jobs, about what the consumer handles per second: the depth rises and falls
            local burst = 10 + (tick % 5) * 10
            for i = 1, burst do
                queue.publish("app:jobs", { kind = (i % 2 == 0) and "even" or "odd", n = i })
            end
            metrics.gauge_set("dispatcher_last_burst", burst)
            process.send(workers[tick % 3 + 1], "tick", tick)
            if tick % 4 == 1 then
                local pid, err = process.spawn("app:shipment", "app:shipping", "order-" .. tick)
                if err then logger:warn("shipment did not start", { error = tostring(err) }) end
            end
        end
    end
end

return { main = main }
