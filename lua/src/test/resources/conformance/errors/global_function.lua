-- Calling through globals: the traceback names global functions, and a nil global call.
function step_one() return step_two() + 1 end
function step_two() local r = missing_function(); return r end
step_one()
