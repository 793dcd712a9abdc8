local queue = require("queue")

-- Handles the dead-letter queue: reports which order gave up, after how many deliveries and why.
local function handle(order)
    local msg = queue.message()
    process.send(order.reply_to, "failed", {
        id = order.id,
        text = string.format("order %2d: dead-lettered from %s after %s deliveries: %s", order.id,
            msg:header("x_dead_letter_queue"), msg:header("x_dead_letter_attempts"),
            msg:header("x_dead_letter_error")),
    })
end

return { handle = handle }
