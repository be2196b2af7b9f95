/**
 * The engine behind {@code ChatTemplate}: not API. Types here and in the sub-packages may change in any release.
 * <p>
 * A call walks down a pipeline of {@link dev.chatstarter.core.internal.ChatExchange} stages, composed once when the
 * template is built: tool loop ({@code internal.tool}) → fallback and guard ({@code internal.resilience}) →
 * observation ({@code internal.observation}) → provider exchange ({@code internal.wire}, over
 * {@code dev.chatstarter.core.http}). Each stage knows only the one below it; answers and chunks come back up the
 * same way.
 */
@NullMarked
package dev.chatstarter.core.internal;

import org.jspecify.annotations.NullMarked;
