-- Lexical details: escapes, long brackets, comments, numerals.
print("tab:\tend", 'quote:\'', "dq:\"", "back:\\", "bell?" == "bell\63")
print("\65\066\x43\u{44}\u{3b1}\u{10FFFF}" == "ABCDα\xF4\x8F\xBF\xBF", #"\u{7FFFFFFF}")
print("line1\
line2")
print("skip \z
       spaces", "a\z  b")
print([[long
string]], [==[with ]] inside]==], #[[
first newline skipped]])
print(#"\0\0\0", ("\0abc"):byte(1, -1))
--[[ block
comment ]] print("after block comment")
--[==[ another
]] still comment
]==] print("after level-2 comment")
print(0xA, 0Xa, 0x.1, 0x1P+2, 1e-2, 3e0, 0x10p-1, 00012, 1.e1, 0xfp0)
print(100 // 1e0, 0x7FFFFFFFFFFFFFFF, 0x8000000000000000, -0x8000000000000000)
local a <const> = 10
local s = "a" .. 'b' .. [[c]]
print(a, s, type(a))
print(#"héllo", "\u{48}\u{49}", "\x41\x42")
for _, src in ipairs({ [["\q"]], [["\xZZ"]], [["\u{110000000}"]], [["\300"]], [["abc]], "[[abc", "x = 0x", "x = 1e", "x = 3..4", "--[[ unfinished" }) do
  print(load("return " .. src))
end
print(load("return 1 --[[ inline ]] + 2")())
print(select("#", load("return")()))
print(load("return 0x1p4, 0x.8p1, 1e+2")())
