/**
 * Spring Boot auto-configuration: every entry under {@code chat.providers} becomes a
 * {@link dev.chatstarter.core.ChatTemplate} bean named after it, plus a {@link dev.chatstarter.core.ChatTemplates}
 * registry.
 */
@NullMarked
package dev.chatstarter.autoconfigure;

import org.jspecify.annotations.NullMarked;
