local io = require("io")

local ORDERS = {
    { id = "A-1", items = { "lamp", "bulb" }, amount = 42, address = "Main Street 1" },
    { id = "A-2", items = { "piano" }, amount = 4200, address = "Main Street 2" },
    { id = "A-3", items = { "kite" }, amount = 18.5, address = "nowhere" },
}

local function main()
    for _, order in ipairs(ORDERS) do
        local result, err = process.exec("shop:fulfil_order", "shop:orders_worker", order)
        if err then
            io.print("order " .. order.id .. ": error " .. tostring(err))
        else
            io.print("order " .. order.id .. ": " .. result.status)
            io.print("    " .. table.concat(result.steps, ", "))
        end
    end
    return 0
end

return { main = main }
