local funcs = require("funcs")

-- A one-shot service: creates the schema, then exits with status 0.
local function main()
    assert(funcs.call("app:migrate"))
    return 0
end

return { main = main }
