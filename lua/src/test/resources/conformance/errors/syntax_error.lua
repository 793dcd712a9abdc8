-- A syntax error in the main chunk: nothing runs, no traceback.
print("this line is never executed")
local function broken()
  return 1 +
end
