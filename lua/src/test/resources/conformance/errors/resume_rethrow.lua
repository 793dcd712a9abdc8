-- An error caught by coroutine.resume and raised again with level 0 (the message keeps its
-- original position).
local co = coroutine.create(function(x)
  coroutine.yield(x)
  error("worker failed on " .. x)
end)
print(coroutine.resume(co, "job"))
local ok, err = coroutine.resume(co)
print(ok)
error(err, 0)
