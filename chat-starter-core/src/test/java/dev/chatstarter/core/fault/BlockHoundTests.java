package dev.chatstarter.core.fault;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * BlockHound is installed for the whole test suite (blockhound-junit-platform): a blocking call on a Reactor or
 * Netty event-loop thread fails. This proves it is active.
 */
class BlockHoundTests {

	@Test
	void blockingOnAReactorThreadFails() {
		Mono<Long> blocking = Mono.delay(Duration.ofMillis(1)).doOnNext((tick) -> {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		StepVerifier.create(blocking).expectError(BlockingOperationError.class).verify(Duration.ofSeconds(10));
	}

}
