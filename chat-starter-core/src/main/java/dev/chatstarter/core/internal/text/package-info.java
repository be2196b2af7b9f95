/**
 * Text from untrusted sources made safe to show: provider messages cut to a bounded length with control characters
 * escaped, tool names quoted for error messages. Not API.
 */
@NullMarked
package dev.chatstarter.core.internal.text;

import org.jspecify.annotations.NullMarked;
