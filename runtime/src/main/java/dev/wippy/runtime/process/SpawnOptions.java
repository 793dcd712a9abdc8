package dev.wippy.runtime.process;

import java.util.List;
import java.util.Map;

/**
 * What a spawn does besides starting the child (spec 02 §2.4, §2.13): relations created atomically with it, a name,
 * messages placed first in its mailbox, context values, and start options ({@code with_options}: frozen values by
 * key; processes ignore them, workflow providers read theirs).
 */
public record SpawnOptions(boolean monitor, boolean link, String name, List<Message> messages,
                           Map<String, Object> context, Map<String, Object> options) {
    public static final SpawnOptions NONE = new SpawnOptions(false, false, null, List.of(), Map.of(), Map.of());

    public SpawnOptions withRelations(boolean monitor, boolean link) {
        return new SpawnOptions(monitor, link, name, messages, context, options);
    }

    public SpawnOptions withName(String name) {
        return new SpawnOptions(monitor, link, name, messages, context, options);
    }

    public SpawnOptions withMessages(List<Message> messages) {
        return new SpawnOptions(monitor, link, name, List.copyOf(messages), context, options);
    }

    public SpawnOptions withContext(Map<String, Object> context) {
        return new SpawnOptions(monitor, link, name, messages, Map.copyOf(context), options);
    }

    public SpawnOptions withOptions(Map<String, Object> options) {
        return new SpawnOptions(monitor, link, name, messages, context, Map.copyOf(options));
    }
}
