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

package dev.chatstarter.test.spring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Creates the {@link FakeChatProviderContextCustomizer} for test classes annotated with
 * {@link FakeChatProvider} (on the class, a superclass or an enclosing class). Registered
 * in {@code META-INF/spring.factories}.
 */
final class FakeChatProviderContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		Set<FakeChatProvider> annotations = TestContextAnnotationUtils.getMergedRepeatableAnnotations(testClass,
				FakeChatProvider.class);
		if (annotations.isEmpty()) {
			return null;
		}
		Set<String> names = new LinkedHashSet<>();
		List<FakeChatProviderContextCustomizer.Provider> providers = new ArrayList<>();
		for (FakeChatProvider annotation : annotations) {
			String name = annotation.name().strip();
			if (name.isEmpty()) {
				throw new IllegalStateException("@FakeChatProvider on " + testClass.getName() + " needs a name");
			}
			if (!names.add(name)) {
				throw new IllegalStateException(
						"@FakeChatProvider(name = \"" + name + "\") is declared twice for " + testClass.getName());
			}
			providers.add(new FakeChatProviderContextCustomizer.Provider(name, annotation.apiKey()));
		}
		return new FakeChatProviderContextCustomizer(providers);
	}

}
