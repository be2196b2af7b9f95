package dev.chatstarter.core;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link LeakDetection}, which runs after every test class of this module, really fails on a leaked buffer.
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
