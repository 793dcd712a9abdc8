local function slugify(title: string): string
    local slug = title:lower():gsub("[^%w]+", "-"):gsub("^-+", ""):gsub("-+$", "")
    return slug
end

return { slugify = slugify }
