package dev.wippy.runtime.process;

import java.util.List;
import java.util.Map;

/**
 * What a spawn does besides starting the child (spec 02 §2.4, §2.13): relations created atomically with it, a name,
 * messages placed first in its mailbox, and context values.
 */
public record SpawnOptions(boolean monitor, boolean link, String name, List<Message> messages,
                           Map<String, Object> context) {
    public static final SpawnOptions NONE = new SpawnOptions(false, false, null, List.of(), Map.of());

    public SpawnOptions withRelations(boolean monitor, boolean link) {
        return new SpawnOptions(monitor, link, name, messages, context);
    }
}
