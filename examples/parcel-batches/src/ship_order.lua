-- Starts one child workflow per batch; each child's outcome arrives as an EXIT event on process.events().
local function run(batches)
    local events = process.events()
    local numbers = {}
    for i, batch in ipairs(batches) do
        local pid, err = process.spawn("app:pack_batch", "app:worker", i, batch)
        if err then
            return nil, err
        end
        numbers[pid] = i
    end
    local lines, failed = {}, 0
    for _ = 1, #batches do
        local ev = events:receive()
        local i = numbers[ev.from]
        if ev.result.error then
            failed = failed + 1
            lines[i] = "failed: " .. ev.result.error:message()
        else
            lines[i] = ev.result.value
        end
    end
    return { lines = lines, failed = failed }
end

return { run = run }
