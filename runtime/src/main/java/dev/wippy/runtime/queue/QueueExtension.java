package dev.wippy.runtime.queue;

import dev.wippy.runtime.ext.Boot;
import dev.wippy.runtime.ext.Extension;
import dev.wippy.runtime.ext.Subsystem;

import java.util.List;

/** Queues as an extension: drivers, queues and consumers (spec 04) and the {@code queue} module. */
public final class QueueExtension implements Extension {
    @Override
    public List<Kind> kinds() {
        return List.of(new Kind(QueueKinds.DRIVER_MEMORY, true), new Kind(QueueKinds.QUEUE, true),
                new Kind(QueueKinds.CONSUMER, true));
    }

    @Override
    public int order() {
        return MESSAGING;
    }

    @Override
    public Subsystem boot(Boot boot) {
        Queues queues = Queues.of(boot.decoded(), boot.functions());
        boot.module("queue", QueueModule.provider(queues));
        return queues;
    }
}
