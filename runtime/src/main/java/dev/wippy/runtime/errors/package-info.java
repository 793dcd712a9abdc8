/**
 * Structured errors (spec 03 §3.10): immutable error objects with kind, message, retryable flag and details, and
 * the {@code errors} global. Used by every module to return {@code nil, err}; must not depend on processes.
 */
package dev.wippy.runtime.errors;
