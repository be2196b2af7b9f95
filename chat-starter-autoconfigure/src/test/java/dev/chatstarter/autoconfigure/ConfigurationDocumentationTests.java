package dev.chatstarter.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the generated configuration metadata and keeps {@code docs/configuration.md} in step with the code: every
 * property is documented, no documented property is made up, and every documented default is the real one.
 */
class ConfigurationDocumentationTests {

	private static final Path DOCUMENTATION = Path.of("..", "docs", "configuration.md");

	private static final String PROVIDER_PREFIX = "chat.providers.<name>.";

	private static final String NONE = "—";

	private final ConversionService conversion = ApplicationConversionService.getSharedInstance();

	@Test
	void metadataDescribesTheChatProperties() throws IOException {
		Map<String, JsonNode> metadata = chatMetadata();
		assertThat(metadata).containsKeys("chat.enabled", "chat.default-provider", "chat.providers");
		assertThat(metadata.get("chat.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(metadata.get("chat.providers").get("type").asString())
			.isEqualTo("java.util.Map<java.lang.String,dev.chatstarter.autoconfigure.ChatProperties$Provider>");
		metadata.forEach((name, property) -> assertThat(property.path("description").asString()).as(name)
			.isNotBlank()
			.doesNotContain("{@"));
	}

	@Test
	void everyPropertyIsDocumentedAndNothingElse() throws IOException {
		Map<String, List<String>> rows = documentedRows();
		List<String> expected = new ArrayList<>(chatMetadata().keySet());
		providerProperties().keySet().forEach((path) -> expected.add(PROVIDER_PREFIX + path));
		assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void documentedDefaultsAndTypesAreTheRealOnes() throws IOException {
		Map<String, List<String>> rows = documentedRows();
		BeanWrapper provider = new BeanWrapperImpl(new ChatProperties.Provider());
		providerProperties().forEach((path, descriptor) -> {
			List<String> row = rows.get(PROVIDER_PREFIX + path);
			assertDocumented(PROVIDER_PREFIX + path, row, descriptor.getPropertyType(),
					provider.getPropertyValue(camelCase(path)));
		});
		BeanWrapper global = new BeanWrapperImpl(new ChatProperties());
		assertDocumented("chat.enabled", rows.get("chat.enabled"), boolean.class, global.getPropertyValue("enabled"));
		assertDocumented("chat.default-provider", rows.get("chat.default-provider"), String.class,
				global.getPropertyValue("defaultProvider"));
	}

	private void assertDocumented(String name, List<String> row, Class<?> type, Object actualDefault) {
		String documentedType = row.get(1);
		String documentedDefault = row.get(2);
		String description = row.get(3);
		assertThat(description).as(name + " description").isNotBlank();
		if (type.isEnum()) {
			assertThat(documentedType).as(name + " type").isEqualTo(type.getSimpleName());
			for (Object constant : type.getEnumConstants()) {
				assertThat(description).as(name + " values")
					.contains("`" + ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-') + "`");
			}
		}
		else {
			assertThat(documentedType).as(name + " type")
				.startsWith(ClassUtils.resolvePrimitiveIfNecessary(type).getSimpleName());
		}
		if (documentedDefault.equals(NONE)) {
			assertThat(actualDefault == null || (actualDefault instanceof Map<?, ?> map && map.isEmpty())
					|| (actualDefault instanceof Collection<?> collection && collection.isEmpty()))
				.as(name + " has no default but is " + actualDefault)
				.isTrue();
		}
		else {
			assertThat(documentedDefault).as(name + " default").startsWith("`").endsWith("`");
			Object parsed = this.conversion.convert(documentedDefault.substring(1, documentedDefault.length() - 1),
					ClassUtils.resolvePrimitiveIfNecessary(type));
			assertThat(parsed).as(name + " default").isEqualTo(actualDefault);
		}
	}

	/**
	 * Every leaf property of a provider, by its kebab-case path below {@code chat.providers.<name>}, found by walking
	 * the nested property classes.
	 */
	private static Map<String, PropertyDescriptor> providerProperties() {
		Map<String, PropertyDescriptor> properties = new LinkedHashMap<>();
		collect(ChatProperties.Provider.class, "", properties);
		assertThat(properties).hasSizeGreaterThan(30);
		return properties;
	}

	private static void collect(Class<?> type, String prefix, Map<String, PropertyDescriptor> properties) {
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() == null || descriptor.getName().equals("class")) {
				continue;
			}
			String path = prefix + DataObjectPropertyName.toDashedForm(descriptor.getName());
			if (descriptor.getPropertyType().getEnclosingClass() == ChatProperties.class
					&& !descriptor.getPropertyType().isEnum()) {
				collect(descriptor.getPropertyType(), path + ".", properties);
			}
			else {
				properties.put(path, descriptor);
			}
		}
	}

	private static String camelCase(String dashedPath) {
		StringBuilder result = new StringBuilder();
		boolean upper = false;
		for (char character : dashedPath.toCharArray()) {
			if (character == '-') {
				upper = true;
			}
			else {
				result.append(upper ? Character.toUpperCase(character) : character);
				upper = false;
			}
		}
		return result.toString();
	}

	/**
	 * The documentation's table rows by property name: name, type, default, description.
	 */
	private static Map<String, List<String>> documentedRows() throws IOException {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (String line : Files.readAllLines(DOCUMENTATION)) {
			if (!line.startsWith("| `chat.")) {
				continue;
			}
			String[] cells = line.substring(1, line.length() - 1).split(" \\| ");
			assertThat(cells).as(line).hasSize(4);
			List<String> row = new ArrayList<>();
			for (String cell : cells) {
				row.add(cell.trim());
			}
			String name = row.get(0).replace("`", "");
			assertThat(rows.put(name, row)).as("documented twice: " + name).isNull();
		}
		return rows;
	}

	private static Map<String, JsonNode> chatMetadata() throws IOException {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		JsonMapper mapper = JsonMapper.builder().build();
		Enumeration<URL> resources = ConfigurationDocumentationTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		while (resources.hasMoreElements()) {
			try (InputStream input = resources.nextElement().openStream()) {
				for (JsonNode property : mapper.readTree(input).path("properties")) {
					String name = property.path("name").asString();
					if (name.startsWith("chat.")) {
						properties.put(name, property);
					}
				}
			}
		}
		return properties;
	}

}
