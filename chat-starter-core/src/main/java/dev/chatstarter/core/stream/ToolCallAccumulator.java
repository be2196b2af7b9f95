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

package dev.chatstarter.core.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import dev.chatstarter.core.chat.ToolCall;

/**
 * Assembles the streamed tool calls of one choice from their {@link ToolCallDelta
 * fragments}, tolerating the ways providers deviate from the OpenAI shape:
 * <ul>
 * <li>A fragment is attributed by its {@code index} when present.</li>
 * <li>Without an index (Gemini, SGLang, grok2api), by its {@code id}: a new id starts a
 * new call, a known id continues that call; without either, it continues the last call. A
 * name arriving for a call that already has one starts a new call, since names are never
 * concatenated.</li>
 * <li>Ollama sends whole calls in one fragment, and parallel calls all at index 0 with
 * different ids: a fragment at a known index whose id differs from that call's id
 * <em>and</em> which carries a name starts a new call.</li>
 * <li>LM Studio and Kimi send a fresh id on every fragment: an id change without a name
 * continues the call, which keeps its first id.</li>
 * <li>The name may arrive after argument fragments: the arguments are kept until it does.
 * A name is set when first seen and never concatenated.</li>
 * </ul>
 * Arguments are not validated: they are only complete once the choice finished.
 *
 * <p>
 * Not thread-safe: one stream is consumed sequentially.
 */
public final class ToolCallAccumulator {

	private final List<PartialCall> calls = new ArrayList<>(2);

	private final Map<Integer, PartialCall> byIndex = new HashMap<>(4);

	private final Map<String, PartialCall> byId = new HashMap<>(4);

	private @Nullable PartialCall last;

	/**
	 * Add one fragment.
	 * @param delta the fragment
	 */
	public void add(ToolCallDelta delta) {
		Assert.notNull(delta, "delta must not be null");
		String id = StringUtils.hasText(delta.id()) ? delta.id() : null;
		boolean named = StringUtils.hasText(delta.name());
		PartialCall call = (delta.index() != null) ? byIndex(delta.index(), id, named) : withoutIndex(id, named);
		call.apply(id, named ? delta.name() : null, delta.arguments());
		if (id != null) {
			this.byId.putIfAbsent(id, call);
		}
		this.last = call;
	}

	private PartialCall byIndex(Integer index, @Nullable String id, boolean named) {
		PartialCall existing = this.byIndex.get(index);
		if (existing == null) {
			PartialCall known = (id != null) ? this.byId.get(id) : null;
			if (known != null) {
				this.byIndex.put(index, known);
				return known;
			}
			return start(index);
		}
		if (id != null && existing.id != null && !id.equals(existing.id)) {
			PartialCall known = this.byId.get(id);
			if (known != null) {
				return known;
			}
			if (named) {
				// Ollama: parallel calls at the same index, each with its own id and name
				return start(index);
			}
			// LM Studio, Kimi: a fresh id on every fragment of the same call
		}
		return existing;
	}

	private PartialCall withoutIndex(@Nullable String id, boolean named) {
		PartialCall last = this.last;
		if (id != null) {
			PartialCall known = this.byId.get(id);
			if (known != null) {
				return known;
			}
			if (last != null && last.id == null && !(named && last.name != null)) {
				// fragments without id came first, e.g. arguments before the name
				return last;
			}
			return start(null);
		}
		if (last == null || (named && last.name != null)) {
			return start(null);
		}
		return last;
	}

	private PartialCall start(@Nullable Integer index) {
		PartialCall call = new PartialCall();
		this.calls.add(call);
		if (index != null) {
			this.byIndex.put(index, call);
		}
		return call;
	}

	/**
	 * Whether no tool call was seen.
	 * @return {@code true} if {@link #toToolCalls()} would be empty
	 */
	public boolean isEmpty() {
		for (PartialCall call : this.calls) {
			if (!call.isEmpty()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return the assembled calls in order of first appearance. A missing id becomes
	 * {@code call_<n>} ({@code n} is the call's position, from 0), a missing name the
	 * empty string and empty arguments {@code {}}. Fragments that carried nothing at all
	 * are left out.
	 * @return the tool calls
	 */
	public List<ToolCall> toToolCalls() {
		List<ToolCall> result = new ArrayList<>(this.calls.size());
		for (PartialCall call : this.calls) {
			if (!call.isEmpty()) {
				result.add(call.toToolCall(result.size()));
			}
		}
		return result;
	}

	/**
	 * A call being assembled.
	 */
	private static final class PartialCall {

		private @Nullable String id;

		private @Nullable String name;

		private final StringBuilder arguments = new StringBuilder();

		void apply(@Nullable String id, @Nullable String name, @Nullable String arguments) {
			if (this.id == null) {
				this.id = id;
			}
			if (this.name == null) {
				this.name = name;
			}
			if (arguments != null) {
				this.arguments.append(arguments);
			}
		}

		boolean isEmpty() {
			return this.id == null && this.name == null && this.arguments.length() == 0;
		}

		ToolCall toToolCall(int position) {
			String id = (this.id != null) ? this.id : "call_" + position;
			String name = (this.name != null) ? this.name : "";
			String arguments = StringUtils.hasText(this.arguments) ? this.arguments.toString() : "{}";
			return new ToolCall(id, name, arguments);
		}

	}

}
