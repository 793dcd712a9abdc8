local time = require("time")

-- Answers one request: the text in upper case, signed with this worker's PID.
local function main(reply_to: string, text: string): integer
    time.sleep("50ms")
    process.send(reply_to, "echo_response", { text = string.upper(text), worker = process.pid() })
    return 0
end

return { main = main }
