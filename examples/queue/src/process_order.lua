local queue = require("queue")

local prices = { apple = 120, pear = 95, plum = 210, kiwi = 60 }

-- Handles one order and reports it to the publisher. Every 7th order meets a busy payment service on its first
-- delivery and raises an error, so the queue delivers it again; an order with no quantity fails every time
-- (returning nil, err) until the queue moves it to the dead-letter queue.
local function handle(order)
    local delivery = tonumber(queue.message():header("x_delivery_count"))
    if order.quantity <= 0 then
        return nil, "invalid quantity " .. order.quantity
    end
    if order.id % 7 == 0 and delivery == 1 then
        error("payment service busy")
    end
    local total = order.quantity * prices[order.item]
    process.send(order.reply_to, "processed", {
        id = order.id,
        delivery = delivery,
        text = string.format("order %2d: %d x %-5s = %5.2f EUR (delivery %d)", order.id, order.quantity,
            order.item, total / 100, delivery),
    })
end

return { handle = handle }
