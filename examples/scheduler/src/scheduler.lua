local funcs = require("funcs")
local time = require("time")
local logger = require("logger")

-- On every tick while somebody is registered as "board", runs the report and sends it the result; stops on
-- CANCEL (sent by the runtime when it shuts down).
local function main(every: string): integer
    local ticker = time.ticker(every)
    local events = process.events()
    local runs = 0
    while true do
        local r = channel.select { ticker:channel():case_receive(), events:case_receive() }
        if r.channel == events then
            if r.value.kind == process.event.CANCEL then
                ticker:stop()
                logger:info("scheduler stopping", { runs = runs })
                return 0
            end
        elseif process.registry.lookup("board") then
            runs = runs + 1
            local result, err = funcs.call("app:report", runs)
            if err then
                logger:error("report failed", { error = err })
            else
                process.send("board", "report", result)
            end
        end
    end
end

return { main = main }
