/**
 * Health of the chat providers: a reactive composite contributor {@code chat} with one cached, time-limited indicator
 * per provider ({@code /actuator/health} shows {@code chat.<provider>}).
 */
@NullMarked
package dev.chatstarter.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
