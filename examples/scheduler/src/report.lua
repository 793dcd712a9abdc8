-- The n-th run of the report: sums 1..n (a stand-in for real work).
local function run(n: integer)
    local sum = 0
    for i = 1, n do sum = sum + i end
    return { run = n, sum = sum }
end

return { run = run }
