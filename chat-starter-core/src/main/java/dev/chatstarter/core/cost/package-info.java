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
 * What calls cost and how much a provider may spend:
 * {@link dev.chatstarter.core.cost.Pricing} per model, the cost of each call on
 * {@link dev.chatstarter.core.chat.ChatResponse#cost()}, and a
 * {@link dev.chatstarter.core.cost.Budget} per period, shared across replicas when the
 * application shares its state.
 */
@NullMarked
package dev.chatstarter.core.cost;

import org.jspecify.annotations.NullMarked;
