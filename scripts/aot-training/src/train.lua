local function double(x)
    return x * 2
end

local function echo()
    local m = process.inbox():receive()
    process.send(m:from(), "echo", m:payload():data())
end

local function main()
    local io = require("io")
    local funcs = require("funcs")
    local json = require("json")
    local time = require("time")
    local pid = process.spawn_monitored("train:echo", "train:processes")
    process.send(pid, "ping", { n = funcs.call("train:double", 21) })
    local reply = process.listen("echo"):receive()
    local ch = channel.new(1)
    coroutine.spawn(function() ch:send(json.encode(reply)) end)
    time.sleep("1ms")
    io.print(string.format("%s %s", ch:receive(), process.events():receive().kind))
    return 0
end

return { double = double, echo = echo, main = main }
