-- Numeric for: the loop count is fixed in advance for integers (no overflow), float loops
-- accumulate, and a zero step is an error.
local function run(a, b, c)
  local out = {}
  local ok, err = pcall(function()
    for i = a, b, c do
      out[#out + 1] = tostring(i)
      if #out > 12 then out[#out + 1] = "..."; break end
    end
  end)
  print(a, b, c, ok and table.concat(out, " ") or err)
end
run(1, 5, 1)
run(5, 1, -1)
run(1, 5, 2)
run(1, 0, 1)
run(0, 1, 0.25)
run(1, 2, 0.3)
run(1.0, 3, 1)
run(1, 3.5, 1)
run(math.maxinteger - 2, math.maxinteger, 1)
run(math.mininteger + 2, math.mininteger, -1)
run(math.maxinteger - 5, math.maxinteger, 4)
run(1, math.huge, 2^62)
run(0, -math.huge, -2^62)
run(1, 10, 0)
run(1, 10, 0.0)
run(3, 1.5, -0.5)
run(math.mininteger, math.mininteger + 2, 1)
run(1, 3, math.maxinteger)
run(-1, -3, math.mininteger)
run(1.5, 1, 1)
run(0.1, 0.35, 0.1)
run(1, 2.9, 1)
run(2^53, 2^53 + 4, 1)

print(pcall(function() for i = "a", 2 do end end))
print(pcall(function() for i = 1, {} do end end))
print(pcall(function() for i = 1, 2, nil do end end))
print(pcall(function() for i = 1, 2, "1" do end end))
print(pcall(function() for i = "1", 2 do end end))

-- modifying the control variable does not affect the iteration
local seen = {}
for i = 1, 3 do
  seen[#seen + 1] = i
  i = i * 10
  seen[#seen + 1] = i
end
print(table.concat(seen, ","))
-- the limit is evaluated once
local limit = 3
local n = 0
for i = 1, limit do limit = 10; n = n + 1 end
print(n)
for i = 3, 1 do print("never") end
for i = 1, 1 do print("once", i, math.type(i)) end
for i = 1.0, 1 do print("once float", i, math.type(i)) end
