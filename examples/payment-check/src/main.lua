local io = require("io")

local function main(wait)
    wait = wait or "24h"
    io.print("charging two cards, checking them after " .. wait)
    for _, card in ipairs({ "4111-1234", "4111-5670" }) do
        local line, err = process.exec("app:settle", "app:worker", { card = card }, wait)
        io.print(line or ("error: " .. tostring(err)))
    end
    return 0
end

return { main = main }
