local WEIGHTS = { book = 1.2, mug = 0.4, lamp = 2.5, vase = 1.8 }

local function main(item)
    local weight = WEIGHTS[item]
    if not weight then
        return nil, errors.new({ kind = errors.INVALID, message = "cannot pack a " .. item, retryable = false })
    end
    return weight
end

return { main = main }
