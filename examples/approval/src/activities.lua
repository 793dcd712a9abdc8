local function submit(request)
    return { ticket = "T-" .. request.id }
end

local function fulfil(id)
    return { fulfilled = id }
end

local function notify(id, what)
    return { notified = id, about = what }
end

return { submit = submit, fulfil = fulfil, notify = notify }
