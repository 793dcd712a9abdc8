local store = require("store")

-- Where a real app would send a mail.
local function notify(id, what)
    return { notified = id, about = what }
end

-- Keeps the outcome of an approval for GET once its workflow has ended.
local function record(id, outcome)
    return store.get("app:results"):set(id, outcome)
end

return { notify = notify, record = record }
