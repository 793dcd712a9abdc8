-- goto: loops with continue, jumping backwards and forwards, nested blocks, and the
-- compile-time errors for bad jumps.
for i = 1, 5 do
  if i % 2 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()

local i = 1
::top::
if i <= 3 then
  io.write("i=", i, " ")
  i = i + 1
  goto top
end
print()

do
  goto skip
  print("never printed")
  ::skip::
end

-- break out of nested loops
for a = 1, 3 do
  for b = 1, 3 do
    if a * b == 4 then
      print("found", a, b)
      goto out
    end
  end
end
::out::

-- a label at the end of a block may follow a local declaration's scope
do
  local x = 1
  goto finish
  local y = 2
  ::finish::
end

-- closures created in a goto loop capture fresh variables
local fns = {}
do
  local n = 0
  ::again::
  local captured = n
  fns[#fns + 1] = function() return captured end
  n = n + 1
  if n < 3 then goto again end
end
print(fns[1](), fns[2](), fns[3]())

print(load("goto nowhere"))
print(load("do ::l:: end goto l"))
print(load("::a:: ::a::"))
print(load("goto f; local x; ::f:: print(x)"))
print(load("repeat goto cont; local x; ::cont:: until x"))
print(load("for i = 1, 2 do ::l:: end ::l::") ~= nil)
print(load("break"))
print(load("::l:: do ::l:: end"))
