package dev.wippy.workflow.core;

import java.util.Map;

/**
 * An activity the workflow code calls (spec 05 §4.9): the entry to run, frozen arguments, the context it sees
 * (the run's, plus the executor's), and its options as given (plain data by key) and as read.
 */
public record ActivityRequest(String entryId, Object[] frozenArgs, Map<String, Object> context,
                              Map<String, Object> options, ActivityOptions parsed) {
}
