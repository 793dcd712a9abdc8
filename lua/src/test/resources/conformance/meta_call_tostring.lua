-- __call, __tostring, __name, __metatable and __pairs.
local callable = setmetatable({}, {__call = function(self, a, b) return "called", a, b end})
print(callable(1, 2))
print(pcall(callable, "x"))
local chained = setmetatable({}, {__call = callable})
local ok, r1, r2, r3 = pcall(chained, "y")
print(ok, r1, r2 == chained, r3)
local counter = setmetatable({n = 0}, {__call = function(self, inc)
  self.n = self.n + (inc or 1)
  return self.n
end})
counter(); counter(5)
print(counter.n, counter())
print(select("#", callable()))

local named = setmetatable({}, {__name = "MyType"})
print((tostring(named):gsub("0x%x+", "ADDR"):gsub(": [%x]+$", ": ADDR")))
print(pcall(function() return named + 1 end))
print(pcall(function() return #named < 1 end))
print(pcall(function() return named < named end))
print(pcall(string.rep, named))
print(pcall(ipairs))

local shown = setmetatable({}, {__tostring = function() return "I am shown" end})
print(shown, tostring(shown), string.format("%s|%10s", shown, shown))
local bad = setmetatable({}, {__tostring = function() return 42 end})
print(pcall(tostring, bad))
print(pcall(print, bad))

local protected = setmetatable({}, {__metatable = "locked"})
print(getmetatable(protected), pcall(setmetatable, protected, {}))
print(getmetatable("abc").__index == string, getmetatable("abc").__name)
local falsy = setmetatable({}, {__metatable = false})
print(getmetatable(falsy), pcall(setmetatable, falsy, nil))
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, {}, 1))
print(select("#", setmetatable({}, nil)))

local P = setmetatable({}, {__pairs = function(t)
  local i = 0
  return function(_, k)
    i = i + 1
    if i <= 3 then return i, i * 10 end
  end, t, nil
end})
for k, v in pairs(P) do io.write(k, "=", v, " ") end
print()
-- ipairs respects __index
local I = setmetatable({}, {__index = function(_, i) if i <= 4 then return "v" .. i end end})
for i, v in ipairs(I) do io.write(i, ":", v, " ") end
print()
