package dev.wippy.runtime.metrics;

import java.util.Map;

/**
 * Where metrics are recorded (spec 08 §6): the {@code metrics} module and runtime components (the HTTP
 * {@code metrics} middleware) record through it. Recording never blocks and never fails; an implementation may
 * drop what it cannot take. A series is a name plus label values; the label names are fixed by a name's first use.
 */
public interface Collector {
    void counterAdd(String name, double value, Map<String, String> labels);

    void gaugeSet(String name, double value, Map<String, String> labels);

    void gaugeAdd(String name, double delta, Map<String, String> labels);

    void histogram(String name, double value, Map<String, String> labels);
}
