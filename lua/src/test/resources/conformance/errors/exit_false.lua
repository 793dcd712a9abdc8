-- os.exit(false) means failure (status 1), os.exit(true) success.
print("exiting with false")
os.exit(false)
