-- utf8: char, charpattern, codes, codepoint, len (with the position of the first invalid byte),
-- offset, and the lax mode.
print(utf8.char(72, 228, 8364, 128512), utf8.char(), #utf8.char(0x7FFFFFFF))
print(utf8.charpattern)
local s = "hé€😀"
print(#s, utf8.len(s), utf8.len(s, 2), utf8.len(s, 4), utf8.len(s, -4), utf8.len(""))
print(utf8.len("abc\xffdef"), utf8.len("\xe2\x82"), utf8.len("a\x80"), utf8.len(s, 3))
print(pcall(utf8.len, s, 20))
print(pcall(utf8.len, s, 1, 20))
print(utf8.codepoint(s, 1, -1))
print(utf8.codepoint(s), utf8.codepoint(s, 2), utf8.codepoint(s, 4), pcall(utf8.codepoint, s, 3))
print(pcall(utf8.codepoint, s, 1, 100))
print(select("#", utf8.codepoint(s, 3, 2)))
for p, c in utf8.codes(s) do io.write(p, ":", c, " ") end
print()
print(pcall(function() for p, c in utf8.codes("a\xffb") do end end))
print(pcall(function() for p, c in utf8.codes("a\xe2\x82") do end end))
print(utf8.offset(s, 1), utf8.offset(s, 2), utf8.offset(s, 3), utf8.offset(s, 4), utf8.offset(s, 5), utf8.offset(s, 6))
print(utf8.offset(s, -1), utf8.offset(s, -2), utf8.offset(s, -4), utf8.offset(s, -5), utf8.offset(s, 0, 3), utf8.offset(s, 0, 5))
print(utf8.offset("abc", 0), utf8.offset("abc", 1, 4), utf8.offset("abc", 2, 4))
print(pcall(utf8.offset, s, 1, 3))
print(pcall(utf8.offset, s, 1, 100))
-- surrogates and values above 10FFFF are invalid unless lax
print(utf8.len("\xed\xa0\x80"), utf8.len("\xed\xa0\x80", 1, -1, true))
print(utf8.len("\xf4\x90\x80\x80"), utf8.len("\xf4\x90\x80\x80", 1, -1, true))
print(pcall(utf8.codepoint, "\xf4\x90\x80\x80"))
print(utf8.codepoint("\xf4\x90\x80\x80", 1, 1, true))
print(utf8.len("\xc0\x80"), utf8.len("\xe0\x80\x80"))
print(pcall(utf8.char, -1))
print(pcall(utf8.char, 0x80000000))
print(pcall(utf8.char, "x"))
local n = 0
for ch in s:gmatch(utf8.charpattern) do n = n + 1 end
print(n)
for _, c in utf8.codes("añb", true) do io.write(c, " ") end
print()
print(utf8.char(0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF):byte(1, -1))
