-- load: strings and reader functions, chunk names, modes, custom environments, varargs of
-- chunks, and the syntax error messages for common mistakes.
local f = load("return 1 + 1")
print(f())
print(load("local a, b = ... return b, a")(1, 2))
print(load("syntax error here"))
print(load("return return", "=mychunk"))
print(load("x =", "@file.lua"))
print(load("x = = 1", "literal source"))
print(load("x = \n\n 1 +", "=(multi)"))
print(load(("x = 1\n"):rep(3) .. "y = = 2"))
print(load("return 'unfinished", "=s"))
print(load("return \"bad\\escape\"", "=s"))
print(load("return 1 end", "=s"))
print(load("if x then", "=s"))
print(load("for i = 1 do end", "=s"))
print(load("local function() end", "=s"))
print(load("f(", "=s"))
print(load("x = }", "=s"))
print(load("a.b:c = 1", "=s"))
print(load("return ...", "=s") ~= nil, load("function f() return ... end", "=s"))
print(load("local t = {} t.x, t.y = 1", "=s") ~= nil)
print(load("(f)", "=s"))
print(load("x = 1 1", "=s"))
print(load("local x <const> = 1; function g() x = 2 end", "=s"))
print(load("return 0x", "=s"))
print(load("return 1..2", "=s"))
print(load("--[==[ open", "=s"))
print(load("x = [==[ open", "=s"))
print(load("return '\\300'", "=s"))
print(load("return '\\u{110000}'", "=s") ~= nil, load("return '\\u{80000000}'", "=s"))
print(load("return \"line\nbreak\"", "=s"))
print(load("goto = 1", "=s"))
print(load("local 1 = 2", "=s"))
print(load("return return", "=s"))
print(load("x = #", "=s"))
print(load("@", "=s"))
print(load("return 1 ~= = 2", "=s"))
print(load("\27Lua", "=s", "t"))
print(load("return 1", "=s", "b"))
print(load("return 1", "=s", "x"))
print(load("return 1", "=s", "bt")())

-- environments
local env = {y = 5}
local g = load("x = 10; return y", "=env", "t", env)
print(g(), env.x, x)
local h = load("return print", "=noprint", "t", {})
print(h())
local upv = load("return _ENV")
print(upv() == _G, load("return _ENV", "=e", "t", env)() == env)

-- reader functions
local pieces = {"return ", "'joined'", " .. ", "' pieces'"}
local i = 0
print(load(function() i = i + 1; return pieces[i] end)())
print(type(load(function() return nil end)), load(function() return nil end)())
local once = false
print(pcall(load, function() if once then return nil end once = true return 42 end))
-- errors of the reader are returned (the standalone interpreter appends a traceback: cut it)
local none, msg = load(function() error("reader failed") end)
print(none, (msg:gsub("\n.*", "")))
none, msg = load(function() return {} end)
print(none, (msg:gsub("\n.*", "")))

-- dostring-like helper and returned values
local function run(src) local fn, err = load(src) if not fn then return "error: " .. err end return fn() end
print(run("return 1, 2, 3"))
print(run("return ("))
print(pcall(load))
print(pcall(load, 42))

-- a chunk is a vararg function
print(load("return select('#', ...)")(nil, nil, nil))
-- the chunk name is used in runtime errors
print(pcall(load("local t = nil; return t.x", "=runtime")))
print(pcall(load("error('custom')", "@some/file.lua")))
print(pcall(load("error('custom')", "a long literal chunk that goes on and on and on and on and on and on past the limit")))
print(pcall(load("\n\nerror('third line')")))
print(pcall(load("error('x')", "multi\nline")))
