/**
 * Spring Boot auto-configuration of a Spring AI {@code ChatModel} and {@code ChatClient.Builder} per chat-starter
 * provider.
 */
@NullMarked
package dev.chatstarter.springai.autoconfigure;

import org.jspecify.annotations.NullMarked;
