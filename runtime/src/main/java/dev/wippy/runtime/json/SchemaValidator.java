package dev.wippy.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * JSON Schema draft 2020-12 validation of JSON text (spec 03 §3.8.3), through networknt's validator. Schemas are
 * checked against the 2020-12 meta-schema before use, so a misspelt keyword value fails as "not compilable"
 * instead of silently validating nothing.
 */
final class SchemaValidator {
    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final int CACHED_SCHEMAS = 128;

    /**
     * Only the meta-schemas bundled with the validator can be referenced: Lua code must not make the runtime fetch
     * URLs or read files through {@code $ref}.
     */
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaLoaders(loaders -> loaders.add(
                    new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));
    /**
     * Formats are only annotations in 2020-12 unless asked for; the spec asks. Locations read like {@code $.a[1]},
     * and English keeps messages stable whatever the machine's locale.
     */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.LEGACY)
            .locale(Locale.ENGLISH)
            .build();
    private static final JsonSchema META = FACTORY.getSchema(SchemaLocation.of(DIALECT), CONFIG);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaCache<JsonSchema> CACHE = new SchemaCache<>(CACHED_SCHEMAS);

    private SchemaValidator() {
    }

    /**
     * Compiles (or finds in the cache) the schema in {@code schemaText}.
     *
     * @throws JsonFailure when the text is not JSON or not a valid schema
     */
    static JsonSchema schema(String schemaText) throws JsonFailure {
        return CACHE.get(schemaText, SchemaValidator::compile);
    }

    /**
     * The violations of the JSON text {@code data} against {@code schema}, each naming where it is; empty when
     * the data conforms.
     *
     * @throws JsonFailure when {@code data} is not JSON
     */
    static List<String> violations(JsonSchema schema, String data) throws JsonFailure {
        return messages(schema.validate(parse(data, "invalid JSON data")));
    }

    private static JsonSchema compile(String text) throws JsonFailure {
        JsonNode node = parse(text, "invalid JSON schema");
        List<String> problems = messages(META.validate(node));
        if (!problems.isEmpty()) {
            throw new JsonFailure("invalid JSON schema: " + String.join("; ", problems));
        }
        try {
            JsonSchema schema = FACTORY.getSchema(node, CONFIG);
            // Resolve $ref and compile patterns now, so that a broken schema fails here rather than mid-validation.
            schema.initializeValidators();
            return schema;
        } catch (JsonSchemaException e) {
            throw new JsonFailure("invalid JSON schema: " + e.getMessage());
        }
    }

    /** Reads exactly one JSON value, held to the same rules as {@code json.decode}. */
    private static JsonNode parse(String text, String what) throws JsonFailure {
        try (JsonParser p = MAPPER.createParser(text)) {
            JsonNode node = MAPPER.readTree(p);
            if (node == null) {
                throw new JsonFailure(what + ": no JSON value");
            }
            if (p.nextToken() != null) {
                throw new JsonFailure(what + ": unexpected " + p.getText() + " after the JSON value");
            }
            return node;
        } catch (StreamReadException e) {
            throw new JsonFailure(what + ": " + JsonDecoder.problem(e));
        } catch (JsonFailure e) {
            throw e;
        } catch (IOException e) {
            throw new JsonFailure(what + ": " + e.getMessage());
        }
    }

    private static List<String> messages(Set<ValidationMessage> found) {
        return found.stream().map(ValidationMessage::getMessage).toList();
    }
}
