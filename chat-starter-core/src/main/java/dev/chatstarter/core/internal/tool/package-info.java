/**
 * The top stage of the call pipeline: the tool-call loop, and folding a stream into a response only when asked. Not API.
 */
@NullMarked
package dev.chatstarter.core.internal.tool;

import org.jspecify.annotations.NullMarked;
