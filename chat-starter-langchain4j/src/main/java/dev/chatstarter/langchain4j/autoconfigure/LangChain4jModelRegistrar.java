package dev.chatstarter.langchain4j.autoconfigure;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Schedulers;

import dev.chatstarter.autoconfigure.ChatProperties;
import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.provider.ProviderDialect.StructuredOutputMode;
import dev.chatstarter.langchain4j.ChatTemplateChatModel;
import dev.chatstarter.langchain4j.ChatTemplateStreamingChatModel;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.SingletonBeanRegistry;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.InstanceSupplier;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

/**
 * Registers a LangChain4j {@link ChatModel} and {@link StreamingChatModel} bean definition per entry of
 * {@code chat.providers}, the way chat-starter registers its {@link ChatTemplate}s: named {@code <provider>ChatModel}
 * and {@code <provider>StreamingChatModel}, qualified with the provider's name, the default provider's primary. Each
 * model looks its template up by the provider's name when it is created, so a template bean the application
 * defines in place of the auto-configured one is used too. The properties are validated by chat-starter's own
 * registrar; this one only reads the provider names.
 */
final class LangChain4jModelRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

	private static final Log logger = LogFactory.getLog(LangChain4jModelRegistrar.class);

	/** The suffix of a provider's {@link ChatModel} bean name. */
	static final String CHAT_MODEL_SUFFIX = "ChatModel";

	/** The suffix of a provider's {@link StreamingChatModel} bean name. */
	static final String STREAMING_CHAT_MODEL_SUFFIX = "StreamingChatModel";

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		Assert.state(this.environment != null, "environment was not set");
		ChatProperties properties = Binder.get(this.environment)
			.bindOrCreate(ChatProperties.PREFIX, Bindable.of(ChatProperties.class));
		String defaultName = properties.determineDefaultProvider();
		properties.getProviders().forEach((name, provider) -> {
			boolean primary = name.equals(defaultName);
			Set<Capability> capabilities = capabilities(provider);
			register(registry, name, name + CHAT_MODEL_SUFFIX, ChatModel.class, primary,
					(beanFactory) -> new ChatTemplateChatModel(template(beanFactory, name), listeners(beanFactory),
							capabilities));
			register(registry, name, name + STREAMING_CHAT_MODEL_SUFFIX, StreamingChatModel.class, primary,
					(beanFactory) -> new ChatTemplateStreamingChatModel(template(beanFactory, name),
							listeners(beanFactory), capabilities, Schedulers.boundedElastic()));
		});
	}

	/**
	 * A provider whose dialect asks for structured output with a JSON-schema {@code response_format} declares it, so
	 * {@code AiServices} sends its schema that way; for the others it puts the schema in the prompt.
	 */
	private static Set<Capability> capabilities(ChatProperties.Provider provider) {
		return (provider.getDialect().getStructuredOutput() == StructuredOutputMode.JSON_SCHEMA)
				? Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA) : Set.of();
	}

	private static ChatTemplate template(ListableBeanFactory beanFactory, String provider) {
		return beanFactory.getBean(provider, ChatTemplate.class);
	}

	private static List<ChatModelListener> listeners(ListableBeanFactory beanFactory) {
		return beanFactory.getBeanProvider(ChatModelListener.class).orderedStream().toList();
	}

	private static <T> void register(BeanDefinitionRegistry registry, String provider, String beanName,
			Class<T> type, boolean primary, Function<ListableBeanFactory, T> factory) {
		if (isNameTaken(registry, beanName)) {
			if (logger.isDebugEnabled()) {
				logger.debug("Not registering a LangChain4j " + type.getSimpleName() + " for provider '" + provider
						+ "': a bean named '" + beanName + "' already exists and replaces it");
			}
			return;
		}
		RootBeanDefinition definition = new RootBeanDefinition(type);
		definition.setTargetType(type);
		definition.setInstanceSupplier(InstanceSupplier.of((registeredBean) -> factory
			.apply((ListableBeanFactory) registeredBean.getBeanFactory())));
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, provider));
		definition.setPrimary(primary);
		definition.setDescription("LangChain4j " + type.getSimpleName() + " of chat provider '" + provider + "'");
		registry.registerBeanDefinition(beanName, definition);
	}

	private static boolean isNameTaken(BeanDefinitionRegistry registry, String name) {
		return registry.containsBeanDefinition(name) || registry.isAlias(name)
				|| (registry instanceof SingletonBeanRegistry singletons && singletons.containsSingleton(name));
	}

}
