/**
 * Benchmarks of chat-starter against raw Reactor Netty and the peers, all against one local stub server.
 */
@NullMarked
package dev.chatstarter.benchmarks;

import org.jspecify.annotations.NullMarked;
