local function charge(order_id, amount)
    if amount > 1000 then
        -- a declined card is a final answer: not worth retrying
        return nil, errors.new({ kind = errors.INVALID, message = "card declined", retryable = false })
    end
    return { id = "pay-" .. order_id, amount = amount }
end

local function refund(payment_id)
    return { refunded = payment_id }
end

return { charge = charge, refund = refund }
