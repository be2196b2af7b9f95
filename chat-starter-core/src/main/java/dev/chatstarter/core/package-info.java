/**
 * ChatTemplate, the entry point: one client per OpenAI-compatible provider, blocking and reactive.
 */
@NullMarked
package dev.chatstarter.core;

import org.jspecify.annotations.NullMarked;
