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

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link LeakDetection}, which runs after every test class of this module, really fails
 * on a leaked buffer.
 */
class LeakDetectionTests {

	@Test
	void aLeakedBufferFailsTheCheck() throws InterruptedException {
		LeakDetection detection = new LeakDetection();
		detection.beforeAll(null);
		leakABuffer();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> detection.afterAll(null))
			.withMessageContaining("Netty leak reports")
			.withMessageContaining("LEAK");
		// forget the deliberate leak so that this class itself passes the check
		detection.beforeAll(null);
	}

	private static void leakABuffer() {
		ByteBuf buffer = PooledByteBufAllocator.DEFAULT.buffer(64);
		buffer.writeInt(42);
	}

}
