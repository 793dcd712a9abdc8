local logger = require("logger")

local function main(n)
    local inbox = process.inbox()
    while true do
        local msg = inbox:receive()
        logger:debug("worker got a message", { worker = n, topic = msg:topic() })
    end
end

return { main = main }
