package dev.wippy.observability;

import dev.wippy.runtime.ext.Boot;
import dev.wippy.runtime.ext.Extension;
import dev.wippy.runtime.ext.Subsystem;

import java.util.List;

/**
 * Observability as a runtime extension, booted after every other one so that it can watch them: the collector
 * behind the {@code metrics} module, the {@code system} module, the runtime's own metrics, the Prometheus endpoint
 * and, when asked for, the web console.
 */
public final class ObservabilityExtension implements Extension {
    @Override
    public List<Kind> kinds() {
        return List.of();
    }

    @Override
    public int order() {
        return TOOLS;
    }

    @Override
    public Subsystem boot(Boot boot) {
        return Observability.boot(boot, ObservabilitySettings.of(boot.config()));
    }
}
