package dev.chatstarter.autoconfigure;

import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when at least one provider is configured under {@code chat.providers}.
 */
final class OnChatProvidersCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Chat providers");
		Set<String> names = new ChatPropertySources(context.getEnvironment()).providerNames();
		if (names.isEmpty()) {
			return ConditionOutcome.noMatch(message.because("no chat.providers.* are configured"));
		}
		return ConditionOutcome.match(message.found("provider", "providers").items(names));
	}

}
