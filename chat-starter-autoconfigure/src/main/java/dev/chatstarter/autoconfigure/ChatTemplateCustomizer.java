package dev.chatstarter.autoconfigure;

import dev.chatstarter.core.ChatTemplate;

/**
 * Callback to customize the {@link ChatTemplate.Builder} of each auto-configured provider after its properties were
 * applied and before the template is built. Customizer beans are applied in their
 * {@link org.springframework.core.annotation.Order order}.
 *
 * <pre class="code">
 * &#064;Bean
 * ChatTemplateCustomizer tracingHeader() {
 *     return (provider, builder) -&gt; builder.defaultHeader("X-Caller", "search-" + provider);
 * }
 * </pre>
 */
@FunctionalInterface
public interface ChatTemplateCustomizer {

	/**
	 * Customize the builder of one provider's template.
	 * @param provider the provider name, as configured under {@code chat.providers}
	 * @param builder the builder to customize
	 */
	void customize(String provider, ChatTemplate.Builder builder);

}
