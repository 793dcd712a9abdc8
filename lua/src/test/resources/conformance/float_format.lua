-- How numbers turn into text: tostring uses %.14g for floats and adds ".0" when
-- the result looks like an integer; integers print exactly.
local values = {
  0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1/3, 2/3, 100.0, 1e15, 1e16, 1e100, -1e100,
  123456789012345.0, 1234567890123456.0, 2^53, 2^63, -2^63, 1e-5, 1e-300,
  3.14159265358979, 2.5e-10, 12.5, 1e14, 99999999999999.9, 5e-324,
  math.pi, -math.pi, math.huge, -math.huge, 255 / 5, 7.0 // 2,
}
for i, v in ipairs(values) do
  print(i, v, tostring(v), math.type(v))
end

print(1e15, 1e16, 123e-2, 0x10, 0xff, 0x1p4, 0x.8, 0xA.8p1, 1E2, .5, 3., 0x7fffffffffffffff)
print(9223372036854775807, 9223372036854775808, -9223372036854775808)
print(0xffffffffffffffff, 0x10000000000000000, math.type(0x10000000000000000))
print(math.maxinteger, math.mininteger, math.maxinteger + 0.0, math.mininteger + 0.0)
print(string.format("%.3f %5.1f %-8.2f| %e %.0e %g %g %g", 3.14159, 2.25, 1.5, 12345.678, 5e10, 1e20, 0.0001, 1e-5))
print(string.format("%g %g %g %g", 100000, 1000000, 1e15, 0.1))
print(string.format("%.14g %.17g %.3g", 0.1, 0.1, 2/3))
print(string.format("%f %f %g %g", math.huge, -math.huge, math.huge, -math.huge))
print(string.format("%a %a %a", 1.0, 0.5, -2.75))
print(string.format("%d %d", 3.0, -0.0))
print(pcall(string.format, "%d", 3.5))
print(string.format("%5d|%-5d|%05d|%+d|% d", 42, 42, 42, 42, 42))
print(string.format("%x %X %o %#x %#o", 255, 255, 8, 255, 8))
print(string.format("%i", 12))
print(string.format("%.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, -0.5))
print(-0.0 == 0.0, 1/-0.0, 1/0.0)
print(string.format("%.1f", 0.05), string.format("%.2f", 2.675))
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1e308 * 10, -1e308 * 10)
print(2^63 == math.maxinteger + 1.0, 2^63 // 1, -(2^63) // 1)
print(8 // 0.0, -8 // 0.0, 0.0 / 1, -0.0 / 1)
print(3 | 0, 2.0 | 1, pcall(function() return 2.5 | 1 end))
