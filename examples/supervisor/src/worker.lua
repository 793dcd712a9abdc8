-- Handles "job" messages and crashes on every job number divisible by 3.
local function main(generation: integer, supervisor: string)
    local inbox = process.inbox()
    while true do
        local msg = inbox:receive()
        local job = msg:payload():data()
        if job % 3 == 0 then
            error("cannot handle job " .. job)
        end
        process.send(supervisor, "done", { job = job, generation = generation })
    end
end

return { main = main }
