-- A stand-in for a payment provider: cards ending in 0 are accepted at once and fail on settlement.
local function charge(payment)
    return { id = "pay-" .. payment.card, card = payment.card }
end

local function status(id)
    if id:sub(-1) == "0" then
        return "failed"
    end
    return "settled"
end

local function refund(id)
    return { refunded = id }
end

return { charge = charge, status = status, refund = refund }
