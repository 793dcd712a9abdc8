local funcs = require("funcs")

local function run(number, items)
    local total = 0
    for _, item in ipairs(items) do
        local weight, err = funcs.call("app:pack_item", item)
        if err then
            error(errors.new({ kind = errors.INVALID, message = "batch " .. number .. ": " .. err:message() }))
        end
        total = total + weight
    end
    return string.format("batch %d: %d items, %.1f kg", number, #items, total)
end

return { run = run }
