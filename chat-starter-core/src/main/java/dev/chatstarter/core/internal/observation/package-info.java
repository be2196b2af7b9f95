/**
 * The observation stage of the call pipeline: one Micrometer observation per provider call or stream. Not API.
 */
@NullMarked
package dev.chatstarter.core.internal.observation;

import org.jspecify.annotations.NullMarked;
