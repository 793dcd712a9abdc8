local events = require("events")

-- A shop's order flow and one stock warning, published on the bus. Sending does not wait for subscribers;
-- each gets its own copy of the data.
local function main()
    local function order(id: integer, kind: string, total: number?)
        events.send("orders", kind, "/orders/" .. id, total and { total = total } or nil)
    end
    order(1001, "order.placed", 25)
    order(1001, "order.paid", 25)
    order(1002, "order.placed", 40)
    events.send("stock", "item.low", "/items/tea", { left = 2 })
    order(1002, "order.cancelled")
    order(1003, "order.placed", 12.5)
    order(1003, "order.paid", 12.5)
end

return { main = main }
