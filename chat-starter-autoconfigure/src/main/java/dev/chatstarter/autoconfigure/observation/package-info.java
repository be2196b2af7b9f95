/**
 * Observations of the chat providers' calls in a Spring Boot application: the application's
 * {@link io.micrometer.observation.ObservationRegistry} applied to every template (timers and spans named after the
 * OpenTelemetry GenAI semantic conventions), token, chunk and retry metrics, and opt-in logs of prompts and answers.
 */
@NullMarked
package dev.chatstarter.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
