-- The io library on a temporary file: write/read formats, lines, seek, closed files, errors,
-- and io.write's number formatting; stdin is empty in this test.
print(io.write("a", 1, " ", 2.0, " ", -0.0, " ", 2^63, " ", math.mininteger, "\n") == io.stdout)
print(io.read("l"), io.read("n"), io.read("a"), io.read(0))
print(io.type(io.stdout), io.type(42), io.type(io.stdin))

local name = os.tmpname()
local f = assert(io.open(name, "w"))
print(io.type(f), f:write("line one\n", "line two\n", 42, " ", 3.5, "\n", "0x10 -7 1e2 .5 nan\n", "last line without newline") == f)
print(f:close(), io.type(f))
print(pcall(f.write, f, "x"))
print(pcall(function() return f:read() end))
print(tostring(f))

f = assert(io.open(name, "r"))
print(f:read("l"))
print(f:read("L"))
print(f:read("n", "n"))
print(f:read("l"))
print(f:read("n", "n", "n", "n"))
print(f:read("n"))
print(f:read(3), f:read(0), f:read("a"))
print(f:read("a"), f:read("l"), f:read(0), f:read(1))
print(f:seek("set", 5), f:read(3), f:seek("cur"), f:seek("end") > 0, f:seek("set"))
print(f:read("*l"), f:read("*n"))
print(pcall(f.read, f, "x"))
print(pcall(f.seek, f, "bogus"))
f:close()

local count = 0
for line in io.lines(name) do count = count + 1 end
print("lines:", count)
for a, b in io.lines(name, 4, "l") do print(a, b) break end
local fl = io.open(name)
local collected = {}
for n in fl:lines("L") do collected[#collected + 1] = #n end
print(table.concat(collected, ","))
fl:close()
print(pcall(io.lines, "/nonexistent/file/name"))

-- append and read back
local fa = io.open(name, "a")
fa:write("\nappended")
fa:close()
local fr = io.open(name, "rb")
local all = fr:read("a")
fr:close()
print(#all, all:sub(-8))

-- io.output / io.input redirection
local out2 = os.tmpname()
io.output(out2)
io.write("redirected ", 1, "\n")
print(io.output() ~= io.stdout)
io.close()
io.output(io.stdout)
io.input(out2)
print(io.read("a"))
io.close(io.input())
io.input(io.stdin)

print(io.open("/nonexistent/dir/x", "r"))
print(pcall(io.open, name, "rw+x"))
local fw = io.open(name, "w")
print(fw:setvbuf("no"), fw:setvbuf("full", 1024), fw:flush() == fw)
fw:close()
print(os.remove(name), os.remove(out2))
local gone, why, code = os.remove(name)
print(gone, why == name .. ": No such file or directory", code)
print(io.flush(), io.stdout:flush())
print(pcall(io.close))
