local io = require("io")
local queue = require("queue")

local items = { "apple", "pear", "plum", "kiwi" }

-- Publishes `count` orders (order 13 has no quantity), then waits for a report on each and prints them in order.
local function main(count: string?): integer
    local n = math.tointeger(tonumber(count or "20")) or 20
    for id = 1, n do
        local order = { id = id, item = items[id % 4 + 1], quantity = id == 13 and 0 or id % 3 + 1,
            reply_to = process.pid() }
        local ok, err = queue.publish("app:orders", order, { source = "main" })
        if not ok then
            io.eprint("publish failed: " .. tostring(err))
            return 1
        end
    end
    local lines, processed, retried, failed = {}, 0, 0, 0
    local inbox = process.inbox()
    for _ = 1, n do
        local msg = inbox:receive()
        local report = msg:payload():data()
        lines[report.id] = report.text
        if msg:topic() == "failed" then
            failed = failed + 1
        else
            processed = processed + 1
            if report.delivery > 1 then
                retried = retried + 1
            end
        end
    end
    for id = 1, n do
        io.print(lines[id])
    end
    io.print(string.format("%d orders: %d processed (%d of them on a second delivery), %d dead-lettered", n,
        processed, retried, failed))
    return 0
end

return { main = main }
