-- os.exit(true) ends the script successfully, even mid-loop.
for i = 1, 10 do
  print(i)
  if i == 3 then os.exit(true) end
end
