/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.chatstarter.autoconfigure;

import dev.chatstarter.core.ChatTemplate;

/**
 * Callback to customize the {@link ChatTemplate.Builder} of each auto-configured provider
 * after its properties were applied and before the template is built. Customizer beans
 * are applied in their {@link org.springframework.core.annotation.Order order}.
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
