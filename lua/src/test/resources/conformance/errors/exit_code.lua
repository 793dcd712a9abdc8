-- os.exit with a status flushes buffered output first.
io.write("buffered ")
print("output")
os.exit(3)
print("not printed")
