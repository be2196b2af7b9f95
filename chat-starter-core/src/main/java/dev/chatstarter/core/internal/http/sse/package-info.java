/**
 * The one Server-Sent Events parser: it splits streamed answers into events and reads the {@code data:} lines of error bodies, bounded in time and memory. Not API.
 */
@NullMarked
package dev.chatstarter.core.internal.http.sse;

import org.jspecify.annotations.NullMarked;
