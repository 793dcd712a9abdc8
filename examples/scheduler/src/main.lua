local io = require("io")

local function main(count: string?): integer
    local n = math.tointeger(tonumber(count or "3")) or 3
    process.registry.register("board")
    local inbox = process.inbox()
    for _ = 1, n do
        local report = inbox:receive():payload():data()
        io.print(string.format("run %d: sum of 1..%d = %d", report.run, report.run, report.sum))
    end
    return 0
end

return { main = main }
