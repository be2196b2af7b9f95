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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails a test class when Netty reports a leaked buffer. Registered for every test class
 * of this module through JUnit's extension auto-detection ({@code META-INF/services} and
 * {@code junit-platform.properties}); the test JVM runs with PARANOID leak detection (see
 * the surefire {@code argLine}). Netty reports a leak through its logger once the leaked
 * buffer was garbage collected and another buffer is allocated, so after each class this
 * forces both and checks what was logged.
 */
public final class LeakDetection extends AppenderBase<ILoggingEvent> implements BeforeAllCallback, AfterAllCallback {

	private static final List<String> leaks = new CopyOnWriteArrayList<>();

	@Override
	public void beforeAll(ExtensionContext context) {
		assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
		Logger logger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
		if (logger.getAppender("leaks") == null) {
			setName("leaks");
			setContext(logger.getLoggerContext());
			start();
			logger.addAppender(this);
		}
		leaks.clear();
	}

	@Override
	public void afterAll(ExtensionContext context) throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(20);
			ByteBuf buffer = PooledByteBufAllocator.DEFAULT.buffer(64);
			buffer.release();
		}
		assertThat(leaks).as("Netty leak reports").isEmpty();
	}

	@Override
	protected void append(ILoggingEvent event) {
		if (event.getFormattedMessage().contains("LEAK")) {
			leaks.add(event.getFormattedMessage());
		}
	}

}
