-- Error values that are tables without __tostring are reported by their type.
io.write("partial output ")
print("line")
error({code = 404, message = "not found"})
