local http = require("http")
local shop = require("shop")

local function user()
    return http.request():param("user_id")
end

local function get()
    shop.reply(shop.ask("cart_get", { user = user() }))
end

local function add()
    local body = shop.body()
    if body then
        shop.reply(shop.ask("cart_add", { user = user(), product_id = body.product_id, qty = body.qty }))
    end
end

local function checkout()
    shop.reply(shop.ask("checkout", { user = user() }))
end

return { get = get, add = add, checkout = checkout }
