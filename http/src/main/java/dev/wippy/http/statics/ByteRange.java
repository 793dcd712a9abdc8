package dev.wippy.http.statics;

/** One byte range of a {@code Range: bytes=...} header (several ranges are served as the whole file). */
record ByteRange(long first, long last) {
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    /** The range asked for, null for the whole file, {@link #UNSATISFIABLE} when it lies outside the file. */
    static ByteRange parse(String header, long length) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                return suffix <= 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, length - suffix), length - 1);
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? length - 1 : Math.min(Long.parseLong(b), length - 1);
            return first >= length || last < first ? UNSATISFIABLE : new ByteRange(first, last);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
