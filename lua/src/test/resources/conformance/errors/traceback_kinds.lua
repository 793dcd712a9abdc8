-- A traceback passing through a method, a field function, an upvalue, an anonymous function, tail calls
-- (whose frames PUC does not keep) and a library function calling back into Lua (string.gsub).
local Parser = {}
Parser.__index = Parser
function Parser.new(text) return setmetatable({text = text}, Parser) end
local helpers = {}
function helpers.check(word)
  if word == "bad" then
    local info = nil
    return info.reason
  end
  return word:upper()
end
local function transform(text)
  -- called through the library table: PUC names library functions called as methods by a search of
  -- package.loaded, which this engine does not do for tracebacks
  return (string.gsub(text, "%a+", function(w) return helpers.check(w) end))
end
function Parser:run()
  return transform(self.text)
end
local p = Parser.new("good words")
print(p:run())
Parser.new("good bad"):run()
