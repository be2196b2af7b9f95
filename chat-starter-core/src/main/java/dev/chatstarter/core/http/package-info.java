/**
 * The HTTP transport: base URL resolution, connection pools, timeouts and retries, straight on Reactor Netty or,
 * on request, through Spring WebClient.
 */
@NullMarked
package dev.chatstarter.core.http;

import org.jspecify.annotations.NullMarked;
