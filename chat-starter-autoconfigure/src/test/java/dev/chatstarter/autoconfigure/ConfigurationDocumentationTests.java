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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the generated configuration metadata and keeps {@code docs/configuration.md} in
 * step with the code: every property is documented, no documented property is made up,
 * and every documented default is the real one.
 */
class ConfigurationDocumentationTests {

	private static final Path DOCUMENTATION = Path.of("..", "docs", "configuration.md");

	private static final Path OBSERVABILITY = Path.of("..", "docs", "observability.md");

	private static final Path PROPERTIES_SOURCE = Path.of("src", "main", "java", "dev", "chatstarter", "autoconfigure",
			"ChatProperties.java");

	private static final String PROVIDER_PREFIX = "chat.providers.<name>.";

	private static final String ROUTE_PREFIX = "chat.routes.<name>.";

	private static final String DEPLOYMENTS = "deployments[].";

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
		routeProperties().keySet().forEach((path) -> expected.add(ROUTE_PREFIX + path));
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
		BeanWrapper route = new BeanWrapperImpl(new ChatRouteProperties());
		BeanWrapper deployment = new BeanWrapperImpl(new ChatRouteProperties.Deployment());
		routeProperties().forEach((path, descriptor) -> {
			BeanWrapper owner = path.startsWith(DEPLOYMENTS) ? deployment : route;
			String property = path.startsWith(DEPLOYMENTS) ? path.substring(DEPLOYMENTS.length()) : path;
			assertDocumented(ROUTE_PREFIX + path, rows.get(ROUTE_PREFIX + path), descriptor.getPropertyType(),
					owner.getPropertyValue(camelCase(property)));
		});
		BeanWrapper global = new BeanWrapperImpl(new ChatProperties());
		assertDocumented("chat.enabled", rows.get("chat.enabled"), boolean.class, global.getPropertyValue("enabled"));
		assertDocumented("chat.default-provider", rows.get("chat.default-provider"), String.class,
				global.getPropertyValue("defaultProvider"));
	}

	/**
	 * Every documented property outside the provider and route maps has, in the generated
	 * metadata an IDE reads, a description, the documented type and the documented
	 * default; {@code management.health.chat.enabled} (documented in observability.md)
	 * too.
	 */
	@Test
	void metadataGivesEveryDocumentedPropertyItsDescriptionTypeAndDefault() throws IOException {
		Map<String, JsonNode> metadata = allMetadata();
		Map<String, List<String>> rows = documentedRows(DOCUMENTATION, "| `chat.");
		rows.putAll(documentedRows(OBSERVABILITY, "| `management.health.chat."));
		assertThat(rows).containsKey("management.health.chat.enabled");
		rows.forEach((name, row) -> {
			if (name.startsWith(PROVIDER_PREFIX) || name.startsWith(ROUTE_PREFIX)) {
				return;
			}
			JsonNode property = metadata.get(name);
			assertThat(property).as("metadata of " + name).isNotNull();
			assertThat(property.path("description").asString()).as(name + " description").isNotBlank();
			assertThat(simpleTypeName(property.path("type").asString())).as(name + " type").isEqualTo(row.get(1));
			String documentedDefault = row.get(2);
			if (documentedDefault.equals(NONE)) {
				assertThat(property.has("defaultValue")).as(name + " has no default").isFalse();
			}
			else {
				assertThat(property.path("defaultValue").asString()).as(name + " default")
					.isEqualTo(documentedDefault.substring(1, documentedDefault.length() - 1));
			}
		});
	}

	/**
	 * The provider properties sit under a {@code Map}, so, as for Spring Boot's own
	 * map-valued groups ({@code spring.ssl.bundle.jks.*}), the metadata has one
	 * {@code chat.providers} entry and the IDE completes the names from its value type;
	 * their descriptions come from the Javadoc of that type in the published
	 * {@code -sources} jar. Every provider property therefore needs a Javadoc comment on
	 * its field.
	 */
	@Test
	void everyProviderPropertyHasTheJavadocAnIdeShows() throws IOException {
		assertThat(allMetadata().get("chat.providers").path("type").asString()).endsWith("ChatProperties$Provider>");
		String source = Files.readString(PROPERTIES_SOURCE);
		providerProperties().forEach((path, descriptor) -> {
			String declaringClass = descriptor.getReadMethod().getDeclaringClass().getSimpleName();
			int body = source.indexOf("static final class " + declaringClass + " {");
			assertThat(body).as("source of " + declaringClass).isPositive();
			String javadocThenAnnotations = "\\*/\\s*\\n(\\s*@\\w+(\\([^)]*\\))?\\s*\\n)*";
			Matcher field = Pattern
				.compile(javadocThenAnnotations + "\\s*private [^;]*?\\b" + descriptor.getName() + "\\b\\s*(=|;)")
				.matcher(source);
			assertThat(field.find(body)).as(PROVIDER_PREFIX + path + " has a Javadoc comment on its field").isTrue();
		});
	}

	/**
	 * A metadata type as the documentation writes it:
	 * {@code java.util.Map<java.lang.String,a.B$C>} is {@code Map<String, C>}.
	 */
	private static String simpleTypeName(String type) {
		return type.replaceAll("(\\w+\\.)+", "").replaceAll("\\w+\\$", "").replace(",", ", ");
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
	 * Every leaf property of a provider, by its kebab-case path below
	 * {@code chat.providers.<name>}, found by walking the nested property classes.
	 */
	private static Map<String, PropertyDescriptor> providerProperties() {
		Map<String, PropertyDescriptor> properties = new LinkedHashMap<>();
		collect(ChatProperties.Provider.class, "", properties);
		assertThat(properties).hasSizeGreaterThan(30);
		return properties;
	}

	/**
	 * Every leaf property of a route, by its kebab-case path below
	 * {@code chat.routes.<name>}; those of each deployment below {@code deployments[]}.
	 */
	private static Map<String, PropertyDescriptor> routeProperties() {
		Map<String, PropertyDescriptor> properties = new LinkedHashMap<>();
		collect(ChatRouteProperties.class, "", properties);
		properties.remove("deployments");
		collect(ChatRouteProperties.Deployment.class, DEPLOYMENTS, properties);
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
		return documentedRows(DOCUMENTATION, "| `chat.");
	}

	private static Map<String, List<String>> documentedRows(Path documentation, String rowStart) throws IOException {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (String line : Files.readAllLines(documentation)) {
			if (!line.startsWith(rowStart)) {
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
		allMetadata().forEach((name, property) -> {
			if (name.startsWith("chat.")) {
				properties.put(name, property);
			}
		});
		return properties;
	}

	/**
	 * The properties of the starter's generated
	 * {@code META-INF/spring-configuration-metadata.json} (the one in the built classes,
	 * which the jar packages), by name.
	 */
	private static Map<String, JsonNode> allMetadata() throws IOException {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		JsonMapper mapper = JsonMapper.builder().build();
		Enumeration<URL> resources = ConfigurationDocumentationTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		while (resources.hasMoreElements()) {
			URL resource = resources.nextElement();
			if (!resource.getPath().contains("chat-starter-autoconfigure")) {
				continue;
			}
			try (InputStream input = resource.openStream()) {
				for (JsonNode property : mapper.readTree(input).path("properties")) {
					properties.put(property.path("name").asString(), property);
				}
			}
		}
		return properties;
	}

}
