/**
 * Every chat-starter provider as a LangChain4j {@link dev.langchain4j.model.chat.ChatModel} and
 * {@link dev.langchain4j.model.chat.StreamingChatModel}: {@link dev.chatstarter.langchain4j.ChatTemplateChatModel}
 * and {@link dev.chatstarter.langchain4j.ChatTemplateStreamingChatModel} send every LangChain4j request through a
 * {@link dev.chatstarter.core.ChatTemplate}, so its retries, fallback, limits, metrics and health stay in force.
 */
@NullMarked
package dev.chatstarter.langchain4j;

import org.jspecify.annotations.NullMarked;
