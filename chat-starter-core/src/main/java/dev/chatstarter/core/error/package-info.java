/**
 * The exception hierarchy and the parser that recognises every provider error shape.
 */
@NullMarked
package dev.chatstarter.core.error;

import org.jspecify.annotations.NullMarked;
