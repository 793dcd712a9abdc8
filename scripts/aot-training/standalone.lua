-- What the launcher runs to train the ahead-of-time cache of `wippy lua`: the standard libraries a
-- standalone script starts with, each touched once.
local t = {}
for i = 1, 10 do t[#t + 1] = string.format("%d", i * 2) end
table.sort(t)
local co = coroutine.wrap(function(x) coroutine.yield(x + 1) end)
io.write(table.concat(t, ","), " ", co(1), " ", math.floor(2.5), " ", utf8.char(72), " ", os.time() > 0 and "ok" or "", "\n")
print(pcall(error, { code = 1 }), select("#", 1, 2), debug.traceback("trace"):sub(1, 5), package.path ~= nil)
