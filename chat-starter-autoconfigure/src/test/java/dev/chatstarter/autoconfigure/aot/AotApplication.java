package dev.chatstarter.autoconfigure.aot;

import dev.chatstarter.autoconfigure.ChatAutoConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application {@link SpringApplicationAotProcessingTests} processes as {@code spring-boot:process-aot} processes
 * a {@code main} class (a top-level class: Spring Boot looks its generated initializer up by the class name).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration(ChatAutoConfiguration.class)
public class AotApplication {

	@Bean
	OrderTools orderTools() {
		return new OrderTools();
	}

	public static void main(String[] args) {
		SpringApplication.run(AotApplication.class, args);
	}

}
