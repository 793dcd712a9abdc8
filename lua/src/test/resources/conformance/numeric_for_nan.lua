-- A NaN limit: PUC's first test (is the limit past the start?) lets a float loop run once, while
-- an integer loop takes NaN for a float below every integer.
local function count(a, b, c)
  local n, last = 0, nil
  for i = a, b, c or 1 do
    n = n + 1; last = i
    if n > 3 then break end
  end
  return n, last
end
local nan = 0/0
for i = 1.0, 0/0 do print("literal float start", i) end
for i = 3.0, 0/0, -1 do print("literal descending", i) end
for i = 1, 0/0 do print("never", i) end
for i = 0/0, 1.0 do print("nan start", i ~= i) end
print(count(1.0, nan))
print(count(1.0, nan, -0.5))
print(count(1, nan))
print(count(nan, 1))
print(count(1, nan, -1))
print(count(tonumber("1.0"), nan))
print(count(tonumber("2"), nan, -1))
