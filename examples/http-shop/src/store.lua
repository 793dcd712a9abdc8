-- The store actor: all state of the shop lives here, changed one message at a time.
-- Every request is {reply_to = pid, args = {...}}; every answer is {status = <HTTP status>, body = <JSON value>}.

local products = {}
local next_id = 1
local carts = {}
local orders = 0

local function product_list()
    local list = {}
    for _, p in pairs(products) do
        list[#list + 1] = p
    end
    table.sort(list, function(a, b) return a.id < b.id end)
    return list
end

local function valid(args)
    return type(args.name) == "string" and args.name ~= "" and type(args.price) == "number" and args.price >= 0
end

local function cart_view(user)
    local cart = carts[user] or {}
    local items, total = {}, 0
    for id, qty in pairs(cart) do
        local p = products[id]
        if p then
            items[#items + 1] = { product_id = id, name = p.name, qty = qty, subtotal = p.price * qty }
            total = total + p.price * qty
        end
    end
    table.sort(items, function(a, b) return a.product_id < b.product_id end)
    return { user_id = user, items = items, total = total }
end

local handlers = {
    list = function() return 200, product_list() end,
    get = function(a)
        local p = products[a.id]
        if not p then return 404, { error = "no product " .. tostring(a.id) } end
        return 200, p
    end,
    create = function(a)
        if not valid(a) then return 400, { error = "name (string) and price (number >= 0) are required" } end
        local p = { id = next_id, name = a.name, price = a.price }
        products[next_id] = p
        next_id = next_id + 1
        return 201, p
    end,
    update = function(a)
        local p = products[a.id]
        if not p then return 404, { error = "no product " .. tostring(a.id) } end
        if not valid(a) then return 400, { error = "name (string) and price (number >= 0) are required" } end
        p.name, p.price = a.name, a.price
        return 200, p
    end,
    delete = function(a)
        if not products[a.id] then return 404, { error = "no product " .. tostring(a.id) } end
        products[a.id] = nil
        return 200, { deleted = a.id }
    end,
    cart_get = function(a) return 200, cart_view(a.user) end,
    cart_add = function(a)
        if not products[a.product_id] then return 404, { error = "no product " .. tostring(a.product_id) } end
        if math.type(a.qty) ~= "integer" or a.qty < 1 then return 400, { error = "qty must be a positive integer" } end
        local cart = carts[a.user] or {}
        cart[a.product_id] = (cart[a.product_id] or 0) + a.qty
        carts[a.user] = cart
        return 200, cart_view(a.user)
    end,
    checkout = function(a)
        local view = cart_view(a.user)
        if #view.items == 0 then return 409, { error = "cart is empty" } end
        orders = orders + 1
        carts[a.user] = nil
        return 201, { order_id = orders, user_id = a.user, items = view.items, total = view.total }
    end,
}

-- Answers one request with the reply its operation gives.
local function serve(msg)
    local request = msg:payload():data()
    local handle = handlers[msg:topic()]
    local status, body
    if handle then
        status, body = handle(request.args or {})
    else
        status, body = 400, { error = "unknown operation " .. msg:topic() }
    end
    process.send(request.reply_to, "store.reply", { status = status, body = body })
end

local function main()
    process.registry.register("store")
    local inbox = process.inbox()
    local events = process.events()
    while true do
        local r = channel.select({ inbox:case_receive(), events:case_receive() })
        if r.channel == events then
            if r.value.kind == process.event.CANCEL then
                return 0
            end
        else
            serve(r.value)
        end
    end
end

return { main = main }
