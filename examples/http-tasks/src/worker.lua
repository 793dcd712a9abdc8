local time = require("time")

-- Works through the steps of one task (each takes a while) and reports after each.
local function main(id, steps, step_time)
    for done = 1, steps do
        time.sleep(step_time)
        process.send("tracker", "progress", { id = id, done = done })
    end
    return 0
end

return { main = main }
