local events = require("events")

-- One line per event: system, kind, path and the data fields in key order.
local function describe(e): string
    local fields = {}
    for k, v in pairs(e.data or {}) do
        fields[#fields + 1] = k .. "=" .. tostring(v)
    end
    table.sort(fields)
    return table.concat({ e.system, e.kind, e.path, table.unpack(fields) }, " ")
end

-- Subscribes to SYSTEM / KIND, tells the parent it is ready, records every event until it is cancelled and
-- then reports what it saw to the parent.
local function main(parent: string, name: string, system: string, kind: string): integer
    local sub = events.subscribe(system, kind)
    process.send(parent, "ready", name)
    local bus, own = sub:channel(), process.events()
    local seen = {}
    while true do
        local r = channel.select { bus:case_receive(), own:case_receive() }
        if r.channel == bus then
            seen[#seen + 1] = describe(r.value)
        elseif r.value.kind == process.event.CANCEL then
            -- select picks at random among ready channels: events published before the cancel may still wait
            while true do
                local left = channel.select { bus:case_receive(), default = true }
                if left.default then break end
                seen[#seen + 1] = describe(left.value)
            end
            sub:close()
            process.send(parent, "report", { name = name, pattern = system .. " / " .. kind, seen = seen })
            return 0
        end
    end
end

return { main = main }
