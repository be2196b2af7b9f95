/**
 * The chat-starter sample application.
 */
@NullMarked
package dev.chatstarter.sample;

import org.jspecify.annotations.NullMarked;
