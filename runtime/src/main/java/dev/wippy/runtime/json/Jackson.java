package dev.wippy.runtime.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;

/** The one Jackson factory of the module: factories are thread-safe and costly to build, parsers are cheap. */
final class Jackson {
    /**
     * Only control characters, quotes and backslashes are escaped (spec 03 §3.8.1): characters beyond U+FFFF are
     * written as UTF-8, not as escaped surrogate pairs, and escapes use lowercase hex digits like other encoders.
     * Buffers are recycled through a shared pool: the default one is per thread, and every call of a function
     * runs on a new virtual thread, so it would allocate fresh buffers each time.
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
            .build();

    private Jackson() {
    }
}
