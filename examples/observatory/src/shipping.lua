local time = require("time")

local function pack(order)
    time.sleep("100ms")
    return { box = "box-" .. order }
end

local function label(order, box)
    return { label = order .. "/" .. box }
end

local function dispatch(order)
    return { tracking = "TRK-" .. order }
end

return { pack = pack, label = label, dispatch = dispatch }
