local shop = require("shop")

local function list()
    shop.reply(shop.ask("list", {}))
end

local function get()
    local id = shop.id("id")
    if id then shop.reply(shop.ask("get", { id = id })) end
end

local function create()
    local body = shop.body()
    if body then shop.reply(shop.ask("create", { name = body.name, price = body.price })) end
end

local function update()
    local id = shop.id("id")
    local body = id and shop.body()
    if body then shop.reply(shop.ask("update", { id = id, name = body.name, price = body.price })) end
end

local function delete()
    local id = shop.id("id")
    if id then shop.reply(shop.ask("delete", { id = id })) end
end

return { list = list, get = get, create = create, update = update, delete = delete }
