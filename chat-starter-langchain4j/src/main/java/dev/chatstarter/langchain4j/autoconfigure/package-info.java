/**
 * Spring Boot auto-configuration: every {@code chat.providers} entry's {@link dev.chatstarter.core.ChatTemplate} is
 * also a LangChain4j {@link dev.langchain4j.model.chat.ChatModel} and
 * {@link dev.langchain4j.model.chat.StreamingChatModel} bean.
 */
@NullMarked
package dev.chatstarter.langchain4j.autoconfigure;

import org.jspecify.annotations.NullMarked;
