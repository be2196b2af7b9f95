/**
 * Structured output: turns a request into one that asks for a type, as the provider's dialect says, and reads the answer. Not API.
 */
@NullMarked
package dev.chatstarter.core.internal.output;

import org.jspecify.annotations.NullMarked;
