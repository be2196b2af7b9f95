/**
 * Declarative tools: {@code @ChatTool} methods of beans become {@link dev.chatstarter.core.tool.ToolCallback}s whose
 * JSON schema is built once, whose arguments are converted with Jackson and which run off the event loop.
 */
@NullMarked
package dev.chatstarter.core.tool;

import org.jspecify.annotations.NullMarked;
