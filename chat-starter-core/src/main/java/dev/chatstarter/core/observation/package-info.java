/**
 * Observations of a {@link dev.chatstarter.core.ChatTemplate} through the Micrometer Observation API: every model
 * call (chat, streamed chat, model listing, image generation) and every tool execution of the tool-call loop, named
 * and tagged after the OpenTelemetry GenAI semantic conventions. With the default
 * {@link io.micrometer.observation.ObservationRegistry#NOOP NOOP} registry nothing is observed and nothing is
 * allocated.
 */
@NullMarked
package dev.chatstarter.core.observation;

import org.jspecify.annotations.NullMarked;
