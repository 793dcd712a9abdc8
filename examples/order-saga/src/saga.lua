local funcs = require("funcs")

-- Reserve stock, charge the card, ship; on failure, compensate what was done, newest first.
local function run(order)
    local steps = {}
    local items = { order = order.id }
    for _, item in ipairs(order.items) do items[#items + 1] = item end

    local hold, err = funcs.call("shop:reserve_stock", items)
    if err then
        return nil, err
    end
    steps[#steps + 1] = "reserved " .. hold.id

    local payment, payment_err = funcs.call("shop:charge_card", order.id, order.amount)
    if payment_err then
        funcs.call("shop:release_stock", hold.id)
        steps[#steps + 1] = "released " .. hold.id
        return { status = "payment failed: " .. payment_err:message(), steps = steps }
    end
    steps[#steps + 1] = string.format("charged %.2f", payment.amount)

    local parcel, ship_err = funcs.call("shop:ship", order.id, order.address)
    if ship_err then
        funcs.call("shop:refund", payment.id)
        steps[#steps + 1] = "refunded " .. payment.id
        funcs.call("shop:release_stock", hold.id)
        steps[#steps + 1] = "released " .. hold.id
        return { status = "shipping failed: " .. ship_err:message(), steps = steps }
    end
    steps[#steps + 1] = "shipped " .. parcel.tracking

    return { status = "shipped", steps = steps }
end

return { run = run }
