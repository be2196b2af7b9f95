/**
 * The HTTP transport: base URL resolution, timeouts and retries on Spring WebClient.
 */
@NullMarked
package dev.chatstarter.core.http;

import org.jspecify.annotations.NullMarked;
