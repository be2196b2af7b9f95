/**
 * The error engine: maps HTTP statuses, provider error bodies and transport failures to the typed exceptions of {@code dev.chatstarter.core.error}, with every credential redacted. Not API.
 */
@NullMarked
package dev.chatstarter.core.internal.error;

import org.jspecify.annotations.NullMarked;
