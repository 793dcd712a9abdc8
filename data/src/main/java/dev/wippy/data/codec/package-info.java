/**
 * The deterministic codec modules (spec 08 §8.1–§8.3): {@code yaml} on SnakeYAML Engine, {@code base64} and
 * {@code hash} on the JDK. Pure functions of their arguments; they must not touch the runtime's state.
 */
package dev.wippy.data.codec;
