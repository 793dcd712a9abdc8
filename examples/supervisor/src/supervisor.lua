local io = require("io")

-- A hand-written supervisor: it starts a monitored worker, feeds it jobs one by one, and when the worker
-- crashes it logs the EXIT event and starts a new generation, resending the job that was lost.
local function main(count: string?): integer
    local jobs = math.tointeger(tonumber(count or "7")) or 7
    local inbox = process.inbox()
    local events = process.events()
    local generation = 1
    local worker = process.spawn_monitored("app:worker", "app:processes", generation, process.pid())
    local restarts = 0
    local job = 1
    process.send(worker, "job", job)
    while job <= jobs do
        local r = channel.select { inbox:case_receive(), events:case_receive() }
        if r.channel == inbox then
            local d = r.value:payload():data()
            io.print(string.format("job %d done by generation %d", d.job, d.generation))
            job = job + 1
            if job <= jobs then process.send(worker, "job", job) end
        elseif r.value.kind == process.event.EXIT and r.value.from == worker then
            local err = r.value.result.error
            io.print(string.format("worker generation %d crashed: %s", generation, err:message()))
            restarts = restarts + 1
            generation = generation + 1
            worker = process.spawn_monitored("app:worker", "app:processes", generation, process.pid())
            -- the crashing job is skipped so the new generation can go on
            job = job + 1
            if job <= jobs then process.send(worker, "job", job) end
        end
    end
    process.terminate(worker)
    io.print(string.format("%d jobs, %d restarts", jobs, restarts))
    return 0
end

return { main = main }
