-- A call evaluates its arguments before it checks that the callee can be called; PUC's limits on
-- locals and registers are compile errors; stripped dumps carry no debug names.
local log = {}
local function note(x) log[#log + 1] = x; return x end
print(pcall(function() undefined_function(note("arg")) end), table.concat(log, ","))
local t = {x = 13}
print(pcall(function() return t.x(23 + t) end))
print(pcall(function() return t:nomethod(note("m")) end), table.concat(log, ","))
print(pcall(function() local n = nil; n(note(1), note(2), note(3), note(4)) end), #log)
print(pcall(load("\n\n for k,v in \n 3 \n do \n print(k) \n end")))

local function locals(n)
  local s = {"function f ()\n  local "}
  for j = 1, n do s[#s + 1] = "a" .. j .. ", " end
  s[#s + 1] = "b\nend"
  return table.concat(s)
end
print(load(locals(199)) ~= nil, select(2, load(locals(300))))
print(select(2, load("a = f(x" .. string.rep(",x", 260) .. ")")))
local plain = load(string.dump(function (a) return a + 1 end, true))
print(plain(1), pcall(plain, {}))
print(debug.getinfo(plain).source, debug.getinfo(plain, "S").short_src)
