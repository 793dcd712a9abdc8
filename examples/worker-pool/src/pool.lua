local io = require("io")

-- A deliberately slow job: the n-th Fibonacci number, computed recursively.
local function fib(n: integer): integer
    if n < 2 then return n end
    return fib(n - 1) + fib(n - 2)
end

-- Each worker takes jobs until the jobs channel is closed, then says it is done.
local function worker(id: integer, jobs, results, done)
    local handled = 0
    while true do
        local n, ok = jobs:receive()
        if not ok then break end
        results:send({ n = n, value = fib(n), worker = id })
        handled = handled + 1
    end
    done:send({ worker = id, handled = handled })
end

local function main(workers: string?, count: string?): integer
    local nworkers = math.tointeger(tonumber(workers or "4")) or 4
    local njobs = math.tointeger(tonumber(count or "12")) or 12
    local jobs = channel.new(nworkers)
    local results = channel.new(njobs)
    local done = channel.new(nworkers)

    for id = 1, nworkers do
        coroutine.spawn(worker, id, jobs, results, done)
    end
    coroutine.spawn(function()
        for n = 1, njobs do
            jobs:send(n + 10)
        end
        jobs:close()
    end)

    local values = {}
    for _ = 1, njobs do
        local r = results:receive()
        values[r.n] = r.value
    end
    local handled = 0
    for _ = 1, nworkers do
        handled = handled + done:receive().handled
    end

    for n = 11, 10 + njobs do
        io.print(string.format("fib(%d) = %d", n, values[n]))
    end
    io.print(string.format("%d workers handled %d jobs", nworkers, handled))
    return 0
end

return { main = main }
