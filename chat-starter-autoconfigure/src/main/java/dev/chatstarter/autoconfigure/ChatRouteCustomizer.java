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
 * Callback to customize the {@link ChatTemplate.RouteBuilder} of each auto-configured
 * route after its properties were applied and before the route is built. Customizer beans
 * are applied in their {@link org.springframework.core.annotation.Order order}.
 *
 * <pre class="code">
 * &#064;Bean
 * ChatRouteCustomizer failoverLog() {
 *     return (route, builder) -&gt; builder.fallbackListener((from, to, failure) -&gt;
 *             log.info("{}: {} failed, {} answers", route, from, to));
 * }
 * </pre>
 */
@FunctionalInterface
public interface ChatRouteCustomizer {

	/**
	 * Customize the builder of one route.
	 * @param route the route name, as configured under {@code chat.routes}
	 * @param builder the builder to customize
	 */
	void customize(String route, ChatTemplate.RouteBuilder builder);

}
