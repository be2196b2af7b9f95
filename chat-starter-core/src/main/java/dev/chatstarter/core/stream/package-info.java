/**
 * Streaming: the SSE parser, typed chunks and the aggregator that folds chunks into a ChatResponse.
 */
@NullMarked
package dev.chatstarter.core.stream;

import org.jspecify.annotations.NullMarked;
