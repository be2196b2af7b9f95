/**
 * The resilience stages of the call pipeline: the guard (cooldown, client-side limits) of one provider and the fallback over the guards of several. Not API.
 */
@NullMarked
package dev.chatstarter.core.internal.resilience;

import org.jspecify.annotations.NullMarked;
