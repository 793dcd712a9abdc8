/**
 * The {@code crypto} module (spec 08 §8.4): randomness, HMAC, authenticated encryption, JWT and PBKDF2, all on the
 * JDK's providers (no cipher is written here). Values that differ on every call go through
 * {@link dev.wippy.runtime.lua.SideEffects}, so workflows can record and replay them.
 */
package dev.wippy.data.crypto;
