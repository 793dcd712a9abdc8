/**
 * The runtime configuration of an app ({@code .wippy.yaml}, spec 01 §1.3): the few settings the core reads, with
 * their defaults. Unknown sections are ignored. It must not apply the settings; the CLI and the application do.
 */
package dev.wippy.runtime.config;
