/**
 * Discovery of {@code @ChatTool} methods on the application's beans.
 */
@NullMarked
package dev.chatstarter.autoconfigure.tool;

import org.jspecify.annotations.NullMarked;
