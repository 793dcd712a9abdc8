package dev.wippy.runtime.process;

import java.util.List;

/**
 * What an execution looks like at one moment, for people watching the runtime: messages and events not yet
 * received, who monitors it, what it is linked to, its names, and whether it is waiting (every fiber blocked) or
 * running.
 */
public record ExecutionView(String pid, String entryId, String host, int mailboxDepth, List<String> monitoredBy,
                            List<String> links, List<String> names, boolean waiting, boolean alive) {}
