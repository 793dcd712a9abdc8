/**
 * The {@code temporal.client} and {@code temporal.worker} entries read and checked at boot, and what they become
 * in the Temporal SDK (service stub options, worker options). Bad values are boot errors naming the entry.
 */
package dev.wippy.temporal.config;
