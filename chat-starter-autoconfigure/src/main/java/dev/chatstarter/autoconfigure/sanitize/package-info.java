/**
 * Masking of chat secrets (API keys, credential headers) in actuator endpoints.
 */
@NullMarked
package dev.chatstarter.autoconfigure.sanitize;

import org.jspecify.annotations.NullMarked;
