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

package dev.chatstarter.core.state;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of {@link SharedState}: whether its store answers and how many decisions
 * were taken locally because it did not.
 *
 * @param available whether the store answered its last operation
 * @param unavailableSince when the store stopped answering, or {@code null} while it
 * answers
 * @param lastFailure why its last failed operation failed (the kind of failure and its
 * message), or {@code null}
 * @param localDecisions how many calls were decided by local limits because the store did
 * not answer, since start-up
 * @param leasesHeld the concurrency leases this replica holds now
 */
public record SharedStateStatus(boolean available, @Nullable Instant unavailableSince, @Nullable String lastFailure,
		long localDecisions, int leasesHeld) {

}
