package io.fulcrum.admin.rest;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import io.fulcrum.engine.json.Json;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * OpenAPI schemas of the API's Java types as the engine's mapper ({@link Json#mapper()}) writes
 * them: each property Jackson serialises, decimals as strings, timestamps as ISO strings, maps as
 * objects, polymorphic types ({@code Instrument}, explanation steps) as {@code oneOf} by their
 * {@code kind}. Records and classes become components named by their simple name and are referred
 * to by {@code $ref}. A property annotated with {@code @Schema(implementation = X.class)} (a raw
 * JSON text such as a stored decision) is described as {@code X}.
 */
final class JsonSchemas {

  static final String REF = "#/components/schemas/";

  private final ObjectMapper mapper = Json.mapper();
  private final SerializationConfig config = mapper.getSerializationConfig();
  private final Map<String, Schema> components = new TreeMap<>();
  private final Map<String, Class<?>> named = new TreeMap<>();

  /** Every component made so far, by name. */
  Map<String, Schema> components() {
    return components;
  }

  /** The schema of {@code type}: inline for scalars, arrays and maps, else a {@code $ref}. */
  Schema of(Type type) {
    return of(mapper.getTypeFactory().constructType(type));
  }

  private Schema of(JavaType type) {
    Class<?> raw = type.getRawClass();
    if (raw == String.class || raw == char.class || raw == Character.class) {
      return scalar(Schema.SchemaType.STRING, null);
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return scalar(Schema.SchemaType.BOOLEAN, null);
    }
    if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class) {
      return scalar(Schema.SchemaType.INTEGER, "int32");
    }
    if (raw == long.class || raw == Long.class || raw == BigInteger.class) {
      return scalar(Schema.SchemaType.INTEGER, "int64");
    }
    if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
      return scalar(Schema.SchemaType.NUMBER, null);
    }
    if (raw == BigDecimal.class) {
      return scalar(Schema.SchemaType.STRING, "decimal")
          .description("a decimal number as a string in plain notation")
          .example("1300.5");
    }
    if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
      return scalar(Schema.SchemaType.STRING, "date-time");
    }
    if (raw == LocalDate.class) {
      return scalar(Schema.SchemaType.STRING, "date");
    }
    if (raw == Duration.class) {
      return scalar(Schema.SchemaType.STRING, "duration");
    }
    if (raw.isEnum()) {
      Schema s = scalar(Schema.SchemaType.STRING, null);
      Arrays.stream(raw.getEnumConstants()).forEach(c -> s.addEnumeration(((Enum<?>) c).name()));
      return s;
    }
    if (JsonNode.class.isAssignableFrom(raw) || raw == Object.class) {
      return OASFactory.createSchema().description("any JSON value");
    }
    if (type.isArrayType() || Collection.class.isAssignableFrom(raw)) {
      return OASFactory.createSchema()
          .type(Schema.SchemaType.ARRAY)
          .items(of(type.getContentType()));
    }
    if (Map.class.isAssignableFrom(raw)) {
      return OASFactory.createSchema()
          .type(Schema.SchemaType.OBJECT)
          .additionalPropertiesSchema(of(type.getContentType()));
    }
    if (raw == java.util.Optional.class) {
      return of(type.containedTypeOrUnknown(0));
    }
    return ref(raw);
  }

  private static Schema scalar(Schema.SchemaType type, String format) {
    Schema s = OASFactory.createSchema().type(type);
    return format == null ? s : s.format(format);
  }

  /** A {@code $ref} to the component of {@code type}, made on first use. */
  private Schema ref(Class<?> type) {
    String name = type.getSimpleName();
    Class<?> known = named.get(name);
    if (known != null && known != type) {
      name = type.getName().replace('.', '_').replace('$', '_');
    }
    if (!named.containsKey(name)) {
      named.put(name, type);
      Schema component = OASFactory.createSchema();
      components.put(name, component); // before the properties: types may refer to themselves
      describe(type, component);
    }
    return OASFactory.createSchema().ref(REF + name);
  }

  private void describe(Class<?> type, Schema component) {
    JavaType javaType = mapper.getTypeFactory().constructType(type);
    AnnotatedClass annotated = config.introspectClassAnnotations(javaType).getClassInfo();
    JsonTypeInfo typeInfo = type.getAnnotation(JsonTypeInfo.class);
    if (typeInfo != null
        && (type.isInterface() || java.lang.reflect.Modifier.isAbstract(type.getModifiers()))) {
      Collection<NamedType> subtypes =
          mapper.getSubtypeResolver().collectAndResolveSubtypesByClass(config, annotated);
      var discriminator = OASFactory.createDiscriminator().propertyName(typeInfo.property());
      for (NamedType sub : subtypes) {
        if (sub.getType() == type || !sub.hasName()) {
          continue;
        }
        Schema subRef = ref(sub.getType());
        component.addOneOf(subRef);
        discriminator.addMapping(sub.getName(), subRef.getRef());
        Schema subSchema = components.get(subRef.getRef().substring(REF.length()));
        if (subSchema.getProperties() == null
            || !subSchema.getProperties().containsKey(typeInfo.property())) {
          subSchema.addProperty(
              typeInfo.property(),
              scalar(Schema.SchemaType.STRING, null).addEnumeration(sub.getName()));
          subSchema.addRequired(typeInfo.property());
        }
      }
      component.discriminator(discriminator);
      return;
    }
    component.type(Schema.SchemaType.OBJECT);
    BeanDescription bean = config.introspect(javaType);
    for (BeanPropertyDefinition p : bean.findProperties()) {
      if (!p.couldSerialize()) {
        continue;
      }
      AnnotatedMember accessor = p.getAccessor() != null ? p.getAccessor() : p.getField();
      org.eclipse.microprofile.openapi.annotations.media.Schema declared =
          accessor == null ? null : declared(type, p.getName());
      Schema property;
      if (declared != null && declared.implementation() != Void.class) {
        property =
            declared.type() == SchemaType.ARRAY
                ? OASFactory.createSchema()
                    .type(Schema.SchemaType.ARRAY)
                    .items(of(declared.implementation()))
                : of(declared.implementation());
      } else {
        property = of(p.getPrimaryType());
      }
      if (declared != null && !declared.description().isEmpty() && property.getRef() == null) {
        property.description(declared.description());
      }
      component.addProperty(p.getName(), property);
    }
  }

  /** The {@code @Schema} on a record component or field named {@code name}, if any. */
  private static org.eclipse.microprofile.openapi.annotations.media.Schema declared(
      Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        var field = c.getDeclaredField(name);
        var s =
            field.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        if (s != null) {
          return s;
        }
      } catch (NoSuchFieldException e) {
        // a property from a getter: look further up
      }
    }
    return null;
  }
}
