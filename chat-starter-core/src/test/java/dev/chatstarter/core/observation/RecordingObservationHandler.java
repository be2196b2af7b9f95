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

package dev.chatstarter.core.observation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Records the contexts of the observations it sees, like a tracing handler would.
 */
public class RecordingObservationHandler implements ObservationHandler<Observation.Context> {

	private final List<Observation.Context> started = new CopyOnWriteArrayList<>();

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	private final List<String> stoppedContextualNames = new CopyOnWriteArrayList<>();

	private volatile Consumer<ChatObservationContext> onStart = (context) -> {
	};

	/**
	 * Run an action on every chat context when it starts.
	 * @param onStart the action
	 */
	public void onStart(Consumer<ChatObservationContext> onStart) {
		this.onStart = onStart;
	}

	@Override
	public void onStart(Observation.Context context) {
		this.started.add(context);
		if (context instanceof ChatObservationContext chatContext) {
			this.onStart.accept(chatContext);
		}
	}

	@Override
	public void onStop(Observation.Context context) {
		this.stopped.add(context);
		this.stoppedContextualNames.add(context.getContextualName());
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return true;
	}

	public List<Observation.Context> started() {
		return this.started;
	}

	public List<Observation.Context> stopped() {
		return this.stopped;
	}

	public List<String> stoppedContextualNames() {
		return this.stoppedContextualNames;
	}

	public List<ChatObservationContext> stoppedChats() {
		return this.stopped.stream()
			.filter(ChatObservationContext.class::isInstance)
			.map(ChatObservationContext.class::cast)
			.toList();
	}

	public List<ToolObservationContext> stoppedTools() {
		return this.stopped.stream()
			.filter(ToolObservationContext.class::isInstance)
			.map(ToolObservationContext.class::cast)
			.toList();
	}

}
