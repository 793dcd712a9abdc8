local funcs = require("funcs")

-- Pack, label and dispatch one order: three activities, each a step of the history.
local function run(order)
    local packed, err = funcs.call("app:pack", order)
    if err then return nil, err end
    local labelled, label_err = funcs.call("app:label", order, packed.box)
    if label_err then return nil, label_err end
    local sent, send_err = funcs.call("app:dispatch", order)
    if send_err then return nil, send_err end
    return { order = order, label = labelled.label, tracking = sent.tracking }
end

return { run = run }
