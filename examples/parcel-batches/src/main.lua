local io = require("io")

local BATCHES = {
    { "book", "mug", "mug" },
    { "lamp" },
    { "vase", "anvil" },
    { "book", "book", "lamp", "mug" },
}

local function main()
    local result, err = process.exec("app:ship_order", "app:worker", BATCHES)
    if err then
        io.print("order failed: " .. tostring(err))
        return 1
    end
    for _, line in ipairs(result.lines) do
        io.print(line)
    end
    io.print(string.format("%d batches, %d failed", #result.lines, result.failed))
    return 0
end

return { main = main }
