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
 * The engine behind {@code ChatTemplate}: not API. Types here and in the sub-packages may
 * change in any release.
 * <p>
 * A call walks down a pipeline of {@link dev.chatstarter.core.internal.ChatExchange}
 * stages, composed once when the template is built: tool loop ({@code internal.tool}) →
 * fallback and guard ({@code internal.resilience}) → observation
 * ({@code internal.observation}) → provider exchange ({@code internal.wire}, over
 * {@code dev.chatstarter.core.http}). Each stage knows only the one below it; answers and
 * chunks come back up the same way.
 */
@NullMarked
package dev.chatstarter.core.internal;

import org.jspecify.annotations.NullMarked;
