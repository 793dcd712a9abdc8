package dev.wippy.data;

import dev.wippy.runtime.ext.Subsystem;

import java.util.List;

/** The data subsystems started in order (databases before the stores that use them) and closed in reverse. */
final class DataSubsystem implements Subsystem {
    private final List<Subsystem> parts;

    DataSubsystem(List<Subsystem> parts) {
        this.parts = parts;
    }

    @Override
    public void start() {
        parts.forEach(Subsystem::start);
    }

    @Override
    public void close() {
        parts.reversed().forEach(Subsystem::close);
    }
}
