package dev.wippy.runtime.ext;

import java.util.List;

/**
 * A subsystem of the runtime, found with {@link java.util.ServiceLoader}: the entry kinds it runs, its place in the
 * boot order, and how it boots from the registry.
 */
public interface Extension {
    /** The entry kinds this extension runs (others that it only reads need not be listed). */
    List<Kind> kinds();

    /**
     * Its place in boot and start order: lower boots and starts first and stops last. The environment boots first
     * ({@value #ENVIRONMENT}: other entries' data may read its variables), then data ({@value #DATA}: databases,
     * stores and filesystems that the others' code uses), messaging ({@value #MESSAGING}),
     * workflows ({@value #WORKFLOWS}), servers ({@value #SERVERS}) and tools that watch the others
     * ({@value #TOOLS}).
     */
    int order();

    int ENVIRONMENT = 100;
    int DATA = 150;
    int MESSAGING = 200;
    int WORKFLOWS = 300;
    int SERVERS = 400;
    int TOOLS = 900;

    /**
     * Reads and checks this extension's entries and registers its Lua modules; nothing runs yet.
     *
     * @throws dev.wippy.runtime.registry.BootException naming the entry, file and line of a bad entry
     */
    Subsystem boot(Boot boot);

    /**
     * An entry kind: {@code decoded} kinds see {@code ${env:...}} placeholders of their data resolved (spec 01 §3);
     * the others get the raw text.
     */
    record Kind(String name, boolean decoded) {
    }
}
