/**
 * The lowest stage of the call pipeline: the provider exchange, which writes requests in the provider's dialect, sends them over {@code dev.chatstarter.core.http} and reads answers and chunks. Not API.
 */
@NullMarked
package dev.chatstarter.core.internal.wire;

import org.jspecify.annotations.NullMarked;
