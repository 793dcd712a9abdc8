-- error() without a value.
print("about to fail")
error()
