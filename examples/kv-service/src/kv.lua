local store = require("store")

local function open()
    return store.get("app:store")
end

-- put(key, value, ttl_seconds?) -> true
local function put(key, value, ttl)
    local s, err = open()
    if not s then return nil, err end
    return s:set(key, value, ttl or 0)
end

-- get(key) -> value, or nil and a NotFound error
local function get(key)
    local s, err = open()
    if not s then return nil, err end
    return s:get(key)
end

-- delete(key) -> whether a live key was removed
local function delete(key)
    local s, err = open()
    if not s then return nil, err end
    return s:delete(key)
end

-- list(prefix) -> every live key under prefix with its value, following the store's pages
local function list(prefix)
    local s, err = open()
    if not s then return nil, err end
    local out, after = {}, nil
    repeat
        local page, e = s:list({ prefix = prefix, after = after, limit = 2 })
        if not page then return nil, e end
        for _, item in ipairs(page.items) do out[#out + 1] = { key = item.key, value = item.value } end
        after = page.cursor
    until not page.has_more
    return out
end

return { put = put, get = get, delete = delete, list = list }
