local http = require("http")

local PAGE = [[<!DOCTYPE html>
<html><body>
<form method="post" action="/upload" enctype="multipart/form-data">
  <input name="title" placeholder="title">
  <input type="file" name="files" multiple>
  <button>Upload</button>
</form>
</body></html>
]]

local function form()
    local res = http.response()
    res:set_content_type("text/html; charset=utf-8")
    res:write(PAGE)
end

-- Reads one uploaded file through its stream, counting bytes and lines.
local function summary(file)
    local stream = file:stream()
    local lines = 0
    local scanner = stream:scanner("lines")
    local first
    while scanner:scan() do
        lines = lines + 1
        first = first or scanner:text()
    end
    stream:close()
    return { name = file:name(), size = file:size(), type = file:header("Content-Type"), lines = lines,
             first_line = first or "" }
end

local function upload()
    local res = http.response()
    res:set_content_type(http.CONTENT.JSON)
    local form, err = http.request():parse_multipart()
    if err then
        res:set_status(http.STATUS.BAD_REQUEST)
        return res:write_json({ error = err:message() })
    end
    local files = {}
    for _, file in ipairs(form.files.files or {}) do
        files[#files + 1] = summary(file)
    end
    if #files == 0 then
        res:set_status(http.STATUS.BAD_REQUEST)
        return res:write_json({ error = "no files in field 'files'" })
    end
    res:set_status(http.STATUS.CREATED)
    res:write_json({ title = form.values.title or "", files = files })
end

return { form = form, upload = upload }
