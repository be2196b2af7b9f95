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
 * The exception hierarchy and the one place that maps provider failures onto it:
 * {@link dev.chatstarter.core.internal.error.ProviderErrorParser} recognises every error
 * body shape, {@link dev.chatstarter.core.internal.error.ChatErrorMapper} classifies
 * failed responses, in-body errors, finish reasons and transport failures,
 * {@link dev.chatstarter.core.internal.error.SecretRedactor} keeps API keys and
 * credential headers out of every message (also escaped, encoded, case-changed or
 * truncated echoes), and {@link dev.chatstarter.core.internal.text.ProviderText} keeps
 * provider text on one line and bounded. Every scan of provider text runs in linear time.
 */
@NullMarked
package dev.chatstarter.core.error;

import org.jspecify.annotations.NullMarked;
