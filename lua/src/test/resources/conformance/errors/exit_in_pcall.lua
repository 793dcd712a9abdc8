-- os.exit cannot be caught by pcall; its argument is checked like an integer (strings convert).
print(pcall(os.exit, 2.5))
print(pcall(os.exit, {}))
io.write("unterminated line")
pcall(os.exit, "4")
print("not reached")
