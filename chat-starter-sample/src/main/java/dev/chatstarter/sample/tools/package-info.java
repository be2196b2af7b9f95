/**
 * The sample's @ChatTool tools.
 */
@NullMarked
package dev.chatstarter.sample.tools;

import org.jspecify.annotations.NullMarked;
