/**
 * Structured output: JSON schemas of Java types (generated once, cached per type), the parser that turns the
 * model's answer into the requested type, and the schema instructions for providers without {@code json_schema}.
 */
@NullMarked
package dev.chatstarter.core.output;

import org.jspecify.annotations.NullMarked;
