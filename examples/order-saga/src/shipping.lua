local function ship(order_id, address)
    if address == "nowhere" then
        return nil, errors.new({ kind = errors.INVALID, message = "no carrier delivers to " .. address,
            retryable = false })
    end
    return { tracking = "TRK-" .. order_id }
end

return { ship = ship }
