-- os.exit(code, true) closes the state, so pending to-be-closed variables of the main chunk run;
-- without the second argument they would not.
local guard <close> = setmetatable({}, {__close = function(_, err) print("closing, error value:", err) end})
local co = coroutine.wrap(function()
  print("inside a coroutine")
  os.exit(2, true)
end)
co()
print("not reached")
