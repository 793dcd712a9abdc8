/**
 * HTTP as a runtime extension (spec 07): declares the {@code http.*} kinds, checks their entries at boot, builds a
 * server per {@code http.service} with its route table, and provides the {@code http} and {@code http_client}
 * modules. The runtime core never imports this package.
 */
package dev.wippy.http;
