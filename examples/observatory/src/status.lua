local io = require("io")
local system = require("system")
local json = require("json")

local function main()
    local mem = system.memory.stats()
    io.print(json.encode({ alloc_positive = mem.alloc > 0, goroutines_positive = system.runtime.goroutines() > 0,
        hosts = #system.hosts.list(), cpus = system.runtime.cpu_count() }))
    return 0
end

return { main = main }
