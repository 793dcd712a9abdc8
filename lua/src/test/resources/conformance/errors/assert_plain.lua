-- assert without a message.
local function check(x) assert(x) end
check(1)
check(false)
