package dev.wippy.observability.metrics;

import java.util.Map;

/** One call of the {@code metrics} module (or a runtime component) waiting in the buffer to be applied. */
record Recording(Kind kind, String name, double value, Map<String, String> labels) {
    enum Kind {
        COUNTER_ADD("counter"), GAUGE_SET("gauge"), GAUGE_ADD("gauge"), HISTOGRAM("histogram");

        /** The metric type the recording needs: set and add are both gauge updates. */
        final String type;

        Kind(String type) {
            this.type = type;
        }
    }
}
