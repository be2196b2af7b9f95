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

package dev.chatstarter.core.internal.output;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.Assert;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.output.StructuredOutputException;

/**
 * Parses the model's answer into a Java type with Jackson. Models and relays wrap JSON in
 * various ways, so the parser tries, in order, until one parses:
 * <ol>
 * <li>the text itself, trimmed (a byte-order mark and a leading
 * <code>&lt;think&gt;...&lt;/think&gt;</code> block removed);</li>
 * <li>the content of the first Markdown code fence (<code>```json ... ```</code>);</li>
 * <li>the part from the first <code>{</code> (or <code>[</code>) to the last
 * <code>}</code> (or <code>]</code>), which drops prose before and after the JSON.</li>
 * </ol>
 * If none parses, a {@link StructuredOutputException} says which type was expected and
 * why the last attempt failed, and carries the full text. Thread-safe.
 */
public final class EntityParser {

	private static final String FENCE = "```";

	private static final String THINK_OPEN = "<think>";

	private static final String THINK_CLOSE = "</think>";

	private final JsonMapper jsonMapper;

	/**
	 * Create a parser on Jackson's shared {@link JsonMapper}.
	 */
	public EntityParser() {
		this(JsonMapper.shared());
	}

	/**
	 * Create a parser.
	 * @param jsonMapper the mapper that reads the values
	 */
	public EntityParser(JsonMapper jsonMapper) {
		Assert.notNull(jsonMapper, "jsonMapper must not be null");
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Parse an answer into a class.
	 * @param <T> the type
	 * @param provider the provider that answered (for the exception)
	 * @param text the answer
	 * @param type the class
	 * @return the value, never {@code null}
	 * @throws StructuredOutputException if the text is not JSON of that type
	 */
	public <T> T parse(String provider, @Nullable String text, Class<T> type) {
		@SuppressWarnings("unchecked")
		T value = (T) parse(provider, text, (Type) type);
		return value;
	}

	/**
	 * Parse an answer into a generic type.
	 * @param <T> the type
	 * @param provider the provider that answered (for the exception)
	 * @param text the answer
	 * @param type the type reference
	 * @return the value, never {@code null}
	 * @throws StructuredOutputException if the text is not JSON of that type
	 */
	public <T> T parse(String provider, @Nullable String text, ParameterizedTypeReference<T> type) {
		Assert.notNull(type, "type must not be null");
		@SuppressWarnings("unchecked")
		T value = (T) parse(provider, text, type.getType());
		return value;
	}

	/**
	 * Parse an answer into a type.
	 * @param provider the provider that answered (for the exception)
	 * @param text the answer
	 * @param type a class or generic type
	 * @return the value, never {@code null}
	 * @throws StructuredOutputException if the text is not JSON of that type
	 */
	public Object parse(String provider, @Nullable String text, Type type) {
		Assert.notNull(provider, "provider must not be null");
		Assert.notNull(type, "type must not be null");
		if (text == null || text.isBlank()) {
			throw new StructuredOutputException(provider, type, text, "the answer is empty", null);
		}
		JavaType javaType = this.jsonMapper.getTypeFactory().constructType(type);
		JacksonException lastFailure = null;
		for (String candidate : candidates(text)) {
			try {
				Object value = this.jsonMapper.readValue(candidate, javaType);
				if (value == null) {
					throw new StructuredOutputException(provider, type, text, "the answer is JSON null", null);
				}
				return value;
			}
			catch (JacksonException ex) {
				lastFailure = ex;
			}
		}
		String reason = (lastFailure != null) ? lastFailure.getOriginalMessage() : "no JSON found";
		throw new StructuredOutputException(provider, type, text, reason, lastFailure);
	}

	/**
	 * Return the texts to try, most literal first, without duplicates.
	 * @param text the answer
	 * @return the candidates
	 */
	static List<String> candidates(String text) {
		List<String> candidates = new ArrayList<>(3);
		String stripped = stripThinking(text.strip().replace("\uFEFF", "")).strip();
		add(candidates, stripped);
		String fenced = fencedContent(stripped);
		if (fenced != null) {
			add(candidates, fenced);
		}
		String braced = bracedContent((fenced != null) ? fenced : stripped);
		if (braced != null) {
			add(candidates, braced);
		}
		return candidates;
	}

	private static void add(List<String> candidates, String candidate) {
		if (!candidate.isEmpty() && !candidates.contains(candidate)) {
			candidates.add(candidate);
		}
	}

	private static String stripThinking(String text) {
		if (text.startsWith(THINK_OPEN)) {
			int end = text.indexOf(THINK_CLOSE);
			if (end >= 0) {
				return text.substring(end + THINK_CLOSE.length());
			}
		}
		return text;
	}

	private static @Nullable String fencedContent(String text) {
		int open = text.indexOf(FENCE);
		if (open < 0) {
			return null;
		}
		int lineEnd = text.indexOf('\n', open);
		if (lineEnd < 0) {
			return null;
		}
		int close = text.indexOf(FENCE, lineEnd);
		return ((close >= 0) ? text.substring(lineEnd + 1, close) : text.substring(lineEnd + 1)).strip();
	}

	private static @Nullable String bracedContent(String text) {
		int object = text.indexOf('{');
		int array = text.indexOf('[');
		boolean isObject = object >= 0 && (array < 0 || object < array);
		int start = isObject ? object : array;
		if (start < 0) {
			return null;
		}
		int end = text.lastIndexOf(isObject ? '}' : ']');
		return (end > start) ? text.substring(start, end + 1) : null;
	}

}
