package dev.wippy.runtime.events;

/**
 * What a subscription matches a system or kind against (spec 03 §3.11): {@code "*"} matches everything, a pattern
 * ending in {@code *} every value that starts with the text before it ({@code "orders.*"} matches
 * {@code "orders.paid"} but not {@code "orders"}), any other pattern only an equal value.
 */
record EventPattern(String text) {
    static final EventPattern ANY = new EventPattern("*");

    boolean matches(String value) {
        return text.endsWith("*") ? value.startsWith(text.substring(0, text.length() - 1)) : text.equals(value);
    }
}
