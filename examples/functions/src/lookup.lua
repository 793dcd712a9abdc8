local time = require("time")
local ctx = require("ctx")

local prices = { apple = 120, pear = 95, plum = 210 }

-- Looks a price up slowly; an unknown item is a NOT_FOUND error for the caller.
local function lookup(item: string)
    time.sleep("300ms")
    local cents = prices[item]
    if not cents then
        return nil, errors.new({ kind = errors.NOT_FOUND, message = "no price for " .. item })
    end
    return { item = item, cents = cents, currency = ctx.get("currency") }
end

return { lookup = lookup }
