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

package dev.chatstarter.core;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ChatTemplates} (kept in the autoconfigure module, which creates the
 * registry bean).
 */
class ChatTemplatesTests {

	private final ChatTemplate zeta = template("zeta");

	private final ChatTemplate alpha = template("alpha");

	@Test
	void keepsTheGivenOrderAndTheDefault() {
		ChatTemplates templates = ChatTemplates.of(ordered(), "alpha");
		assertThat(templates.names()).containsExactly("zeta", "alpha");
		assertThat(templates.asMap().keySet()).containsExactly("zeta", "alpha");
		assertThat(templates.defaultName()).isEqualTo("alpha");
		assertThat(templates.getDefault()).isSameAs(this.alpha);
		assertThat(templates.get("zeta")).isSameAs(this.zeta);
		assertThat(templates.find("zeta")).containsSame(this.zeta);
		assertThat(templates.find("beta")).isEmpty();
		assertThat(templates).hasToString("ChatTemplates[zeta, alpha] (default 'alpha')");
	}

	@Test
	void anUnknownNameIsAnErrorListingTheKnownNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatTemplates.of(ordered(), "zeta").get("beta"))
			.withMessage("No chat provider named 'beta'; known providers: [zeta, alpha]");
	}

	@Test
	void isImmutable() {
		Map<String, ChatTemplate> source = ordered();
		ChatTemplates templates = ChatTemplates.of(source, "zeta");
		source.remove("alpha");
		assertThat(templates.names()).containsExactly("zeta", "alpha");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> templates.asMap().remove("zeta"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> templates.names().clear());
	}

	@Test
	void theDefaultMustBeOneOfTheTemplates() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatTemplates.of(ordered(), "beta"))
			.withMessageContaining("'beta'")
			.withMessageContaining("[zeta, alpha]");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatTemplates.of(Map.of(), "beta"));
	}

	@Test
	void aSingleTemplateIsTheDefault() {
		ChatTemplates templates = ChatTemplates.of(this.zeta);
		assertThat(templates.names()).containsExactly("zeta");
		assertThat(templates.getDefault()).isSameAs(this.zeta);
	}

	private Map<String, ChatTemplate> ordered() {
		Map<String, ChatTemplate> map = new LinkedHashMap<>();
		map.put("zeta", this.zeta);
		map.put("alpha", this.alpha);
		return map;
	}

	private static ChatTemplate template(String provider) {
		return ChatTemplate.builder().provider(provider).baseUrl("http://localhost:9").build();
	}

}
