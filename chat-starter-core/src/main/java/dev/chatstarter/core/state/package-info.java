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

/**
 * State that the replicas of an application share through a store (Redis, with the
 * starter's auto-configuration): client-side limits counted for all replicas at once, the
 * leases of concurrent calls, the cooldowns of providers and the keys taken out of key
 * pools. Without a store, every replica keeps this state for itself.
 * {@link dev.chatstarter.core.state.SharedStateStore} is the SPI of a store;
 * {@link dev.chatstarter.core.state.SharedState} is the one client of it that every
 * template of the application uses.
 */
@NullMarked
package dev.chatstarter.core.state;

import org.jspecify.annotations.NullMarked;
