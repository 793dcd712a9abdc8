local function main()
    process.inbox():receive()
    return 0
end

return { main = main }
