-- Holds are keyed by order, so a repeated attempt of an activity reserves nothing twice.
local function reserve(items)
    return { id = "hold-" .. items.order, count = #items }
end

local function release(hold_id)
    return { released = hold_id }
end

return { reserve = reserve, release = release }
