/**
 * The starter in the application's web layer, for Spring MVC and WebFlux alike: {@code ChatException}s as RFC 9457
 * problem responses, and a template's streamed answer as server-sent events that survive every SSE reader.
 */
@NullMarked
package dev.chatstarter.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
