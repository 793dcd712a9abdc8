-- gsub with string, table and function replacements, %0-%9 and %%, match limits,
-- empty matches and anchors; gmatch with captures, anchors and init.
print(string.gsub("hello world", "o", "0"))
print(string.gsub("hello world", "o", "0", 1))
print(string.gsub("hello world", "(%w+)", "<%1>"))
print(string.gsub("hello world", "%w+", "%0 %0"))
print(string.gsub("abc", "", "-"))
print(string.gsub("abc", ".-", "-"))
print(string.gsub("abc", "b*", "X"))
print(string.gsub("hello", "^h", "H"), string.gsub("hello", "o$", "O"))
print(string.gsub("$name is $age", "%$(%w+)", {name = "Ann", age = 30}))
print(string.gsub("$x $y", "%$(%w+)", {x = false}))
print(string.gsub("a b c", "%w", function(c) if c == "b" then return nil end return c:upper() end))
print(string.gsub("1 2 3", "%d", function(d) return d * 2 end))
print(string.gsub("abc", "(a)(b)(c)", "%3%2%1"))
print(string.gsub("100%", "%%", "%%%%"))
print(string.gsub("x", "x", "%%"))
print(string.gsub("hello", "(l)", "%1%1", 1))
print(string.gsub("abc", "%w", "%0%0", 0))
print(string.gsub("abc", "%w", "%0", -1))
print(string.gsub("  a  b  ", "%s+", " "))
print(string.gsub("f(x) g(y)", "%b()", "[]"))
print(string.gsub("one two", "(%w+) (%w+)", "%2 %1"))
print(string.gsub("abc", "()", "%1"))
print(pcall(string.gsub, "abc", "a", "%2"))
print(pcall(string.gsub, "abc", "a", "%x"))
print(pcall(string.gsub, "abc", "(a)", {a = {}}))
print(pcall(string.gsub, "abc", "a", function() return {} end))
print(pcall(string.gsub, "abc", "a", true))
print(pcall(string.gsub, "abc", "a"))
print(string.gsub("αβγ", utf8.charpattern, "[%0]"))
print(string.gsub("abc", "b", 5), string.gsub(123, 2, 9))

for w in string.gmatch("one two  three", "%a+") do io.write(w, "|") end
print()
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do io.write(k, "->", v, " ") end
print()
for p in string.gmatch("abc", "()") do io.write(p, " ") end
print()
for e in string.gmatch("abc", "") do io.write("[", e, "]") end
print()
for x in string.gmatch("aaa", "a*") do io.write("<", x, ">") end
print()
for x in string.gmatch("hello hello", "^hello") do io.write("anchored:", x, " ") end
print()
for x in string.gmatch("abcdef", "%a", 4) do io.write(x) end
print()
for x in string.gmatch("abcdef", "%a", -2) do io.write(x) end
print()
local it = string.gmatch("1,2,3", "%d")
print(it(), it(), it(), it())
local count = 0
for line in ("l1\nl2\n\nl4"):gmatch("([^\n]*)\n?") do count = count + 1 end
print(count)
