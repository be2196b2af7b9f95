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

package dev.chatstarter.core.tool;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ToolContextTests {

	@Test
	void attributesAreCopiedAndUnmodifiable() {
		Map<String, Object> source = new HashMap<>(Map.of("user", "alice"));
		ToolContext context = ToolContext.of(source);
		source.put("user", "mallory");
		assertThat(context.get("user")).isEqualTo("alice");
		assertThat(context.attributes()).isUnmodifiable();
	}

	@Test
	void withReturnsANewContext() {
		ToolContext context = ToolContext.empty().with("user", "alice");
		assertThat(ToolContext.empty().attributes()).isEmpty();
		assertThat(context.with("tenant", 7).attributes()).containsOnly(Map.entry("user", "alice"),
				Map.entry("tenant", 7));
		assertThat(context.attributes()).containsOnlyKeys("user");
	}

	@Test
	void typedGet() {
		ToolContext context = ToolContext.of(Map.of("tenant", 7));
		assertThat(context.get("tenant", Integer.class)).isEqualTo(7);
		assertThat(context.get("missing", Integer.class)).isNull();
		assertThatExceptionOfType(ClassCastException.class).isThrownBy(() -> context.get("tenant", String.class));
	}

}
