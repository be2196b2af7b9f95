/**
 * The HTTP engine below the provider exchange: one {@code ProviderHttpClient} per provider sends requests on a transport (Reactor Netty or WebClient) with retries, the call deadline and per-read body timeouts, and hands answers and stream events back. Not API.
 */
@NullMarked
package dev.chatstarter.core.internal.http;

import org.jspecify.annotations.NullMarked;
