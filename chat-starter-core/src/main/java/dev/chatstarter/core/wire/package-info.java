/**
 * The OpenAI JSON dialect: request writing and tolerant response reading, kept apart from the public model.
 */
@NullMarked
package dev.chatstarter.core.wire;

import org.jspecify.annotations.NullMarked;
