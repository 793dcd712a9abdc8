package dev.wippy.workflow.core;

import dev.wippy.runtime.process.Message;

import java.util.List;
import java.util.Map;

/**
 * A child workflow the code starts (spec 05 §4.8): the entry, the host as given (a worker ID or a task queue; null
 * for the child's own binding), frozen arguments, context, a {@code with_name} ID, startup messages, and options
 * as given and as read.
 */
public record ChildRequest(String entryId, String host, Object[] frozenArgs, Map<String, Object> context,
                           String name, List<Message> startupMessages, Map<String, Object> options,
                           StartOptions parsed) {
}
