-- An uncaught error in the main chunk after some output.
print("before the error")
local config = nil
print(config.port)
print("never reached")
