/**
 * The {@code uuid} module (spec 03 §3.9): generating versions 1, 3, 4, 5 and 7, and validating, inspecting and
 * formatting UUID strings in the accepted text forms. Versions 1 and 7 are time-ordered within one runtime.
 */
package dev.wippy.runtime.uuid;
