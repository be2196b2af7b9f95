package dev.chatstarter.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The chat-starter sample: a Spring MVC application whose controllers use {@code ChatTemplate}. With no provider
 * configured it talks to an embedded offline demo provider, so it runs without an API key.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
