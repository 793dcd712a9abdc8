-- string.find and string.match: plain finds, every pattern class and item, anchors,
-- captures (including position captures), and init positions.
print(string.find("hello world", "wor"), string.find("hello", "l"), string.find("hello", "xyz"))
print(string.find("a.b.c", ".", 1, true), string.find("a.b.c", "%."), string.find("a+b", "+", 1, true))
print(string.find("abc", "", 10), string.find("abc", "", 4), string.find("abc", "", 3), string.find("", ""))
print(string.find("abcabc", "b", -2), string.find("abcabc", "b", -100), string.find("abc", "c", 0))
print(string.find("hello", "(l)(l)"), string.find("hello", "()ll()"))
print(string.match("key = value", "(%w+)%s*=%s*(%w+)"))
print(string.match("2024-01-15", "(%d+)-(%d+)-(%d+)"))
print(string.match("  trim me  ", "^%s*(.-)%s*$") .. "|")
print(string.match("hello", ".-"), string.match("hello", ".*"), string.match("hello", "l+"), string.match("hello", "l*"))
print(string.match("aaa", "a-b"), string.match("aaab", "a-b"), string.match("ab", "a?b"), string.match("b", "a?b"))
print(string.match("[test]", "%[(.*)%]"), string.match("f(a(b)c)d", "%b()"), string.match("x{a{b}}y", "%b{}"))
print(string.match("THE (quick) fox", "%f[%a]%a+"), string.match("THE (quick) fox", "%f[%l]%a+"))
print(string.gsub("the cat sat on the mat", "%f[%w]%w+", function(w) return w:upper() end))
print(string.match("hello", "()"), string.match("hello", "()", 3), string.match("hello", "()$"))
print(string.match("abc", "((a)(b))"), string.match("abcabc", "(abc)%1"), string.match("xyx", "(x)y%1"))
print(string.match("x=1, y=2", "y=(%d)"), string.match("abc", "^b"), string.match("abc", "^a"), string.match("abc", "c$"))
print(string.match("a$b", "a$b"), string.match("a^b", "a^b"), string.match("^", "^^"))

local classes = {"%a", "%c", "%d", "%g", "%l", "%p", "%s", "%u", "%w", "%x", "%A", "%D", "%S", "%W", "."}
local sample = "aZ9 _!\t\n~x"
for _, c in ipairs(classes) do
  local found = {}
  for ch in sample:gmatch(c) do found[#found + 1] = string.format("%02x", ch:byte()) end
  print(c, table.concat(found, ","))
end
print(string.match("abc123def", "[%d]+"), string.match("abc-def", "[a-c]+"), string.match("x-y", "[-]"))
print(string.match("abc]", "[]]"), string.match("a^b", "[%^b]+"), string.match("hello", "[^aeiou]+"))
print(string.match("A1b2", "[%u%d]+"), string.match("tab\there", "[\t]"), string.match("z", "[a-]"))
print(string.match("ñ", "[\xc3][\xb1]") == "ñ", #string.match("\0a\0", "%c?a"), #string.match("a\0b", "a%cb"), string.match("z", "%z"))

print(pcall(string.find, "a", "%"))
print(pcall(string.find, "a", "[a"))
print(pcall(string.find, "a", "(a"))
print(pcall(string.find, "a", "a)"))
print(pcall(string.find, "a", "%1"))
print(pcall(string.find, "a", "%b"))
print(pcall(string.find, "a", "%f"))
print(pcall(string.match, "a", "(()"))
print(pcall(string.rep))

-- matching is byte-based and handles special characters
print(("x.y.z"):find(".", 2, true), ("a*b"):match("%*"), ("50%"):match("%d+%%"))
print(string.find("abc", "b", 2.0), pcall(string.find, "abc", "b", 2.5))
print(string.match("key=val; other=x", "(%w+)=(%w+)", 9))
print(string.match(" x", "^ ?x"), string.match("aaa", "^(a*)$"), string.match("", ".?"))
