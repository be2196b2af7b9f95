package dev.chatstarter.springai.autoconfigure;

import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.springai.ChatStarterChatModel;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Creates the Spring AI {@code ChatModel} of one chat provider: the static factory method of each provider's
 * {@code <provider>SpringAiChatModel} bean definition, so Spring AOT generates a plain call to it.
 */
final class SpringAiChatModelFactory {

	private SpringAiChatModelFactory() {
	}

	/**
	 * Create the Spring AI model of a provider on the {@link ChatTemplate} bean named after the provider (the
	 * auto-configured one, or the application's bean that replaces it), with the application's {@link JsonMapper}
	 * when it has exactly one.
	 * @param provider the provider name
	 * @param beanFactory the bean factory to take the template and the mapper from
	 * @return the model
	 */
	public static ChatStarterChatModel chatModel(String provider, ListableBeanFactory beanFactory) {
		JsonMapper jsonMapper = beanFactory.getBeanProvider(JsonMapper.class)
			.getIfUnique(() -> JsonMapper.builder().build());
		return new ChatStarterChatModel(beanFactory.getBean(provider, ChatTemplate.class), jsonMapper);
	}

}
