/**
 * Per-provider settings and dialect switches for the known differences between OpenAI-compatible servers.
 */
@NullMarked
package dev.chatstarter.core.provider;

import org.jspecify.annotations.NullMarked;
