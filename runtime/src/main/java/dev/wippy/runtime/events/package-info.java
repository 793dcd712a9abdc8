/**
 * The {@code events} module (spec 03 §3.11): a node-wide, best-effort publish/subscribe bus for observation.
 * Publishers address events by system, kind and path; executions subscribe with system and kind patterns and
 * receive copies of matching events on a channel of their own, until they close the subscription or end.
 */
package dev.wippy.runtime.events;
