local logger = require("logger")
local time = require("time")

local counts = { messages = 0, workers = 0 }

-- Reports the counters every few seconds, in a coroutine beside the main loop.
local function report(every: string)
    while true do
        time.sleep(every)
        logger:info("relay stats", { messages = counts.messages, workers = counts.workers })
    end
end

local function main()
    local inbox = process.inbox()
    local events = process.events()
    process.registry.register("relay")
    logger:info("relay ready", { pid = process.pid() })
    coroutine.spawn(report, "5s")

    while true do
        local r = channel.select { inbox:case_receive(), events:case_receive() }
        if r.channel == events then
            local ev = r.value
            if ev.kind == process.event.CANCEL then
                logger:info("relay stopping", { reason = ev.reason })
                return 0
            elseif ev.kind == process.event.EXIT then
                logger:info("worker exited", { worker = ev.from, error = ev.result.error })
            end
        else
            local msg = r.value
            if msg:topic() == "echo" then
                local request = msg:payload():data()
                counts.messages = counts.messages + 1
                local _, err = process.spawn_monitored("app:worker", "app:processes", request.reply_to, request.text)
                if err then
                    logger:error("could not start a worker", { error = err })
                else
                    counts.workers = counts.workers + 1
                end
            end
        end
    end
end

return { main = main }
