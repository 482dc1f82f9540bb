package io.encaptio.interfaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The portal's session and view-scoped beans travel between nodes inside the HTTP session, which
 * Liberty writes to the cluster with Java serialization after every request: a field whose value
 * cannot be serialized makes the node drop the whole write (SESN0302E) and another node serves the
 * person an older state. Every field such a bean keeps (injected proxies aside, which CDI checks at
 * deployment) must be serializable, down to the records and lists it holds.
 */
class SessionStateTest {

  @Test
  void everyFieldOfASessionOrViewScopedBeanCanBeSerialized() {
    List<Class<?>> beans = new ArrayList<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.encaptio.interfaces")) {
      if (type.isAnnotatedWith(ViewScoped.class) || type.isAnnotatedWith(SessionScoped.class)) {
        beans.add(type.reflect());
      }
    }
    assertThat(beans).as("the portal's stateful beans").hasSizeGreaterThan(20);

    List<String> problems = new ArrayList<>();
    for (Class<?> bean : beans) {
      if (!Serializable.class.isAssignableFrom(bean)) {
        problems.add(bean.getName() + " is not Serializable");
      }
      for (Class<?> c = bean;
          c != null && c.getName().startsWith("io.encaptio");
          c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (kept(field)) {
            check(
                field.getGenericType(),
                bean.getSimpleName() + "." + field.getName(),
                problems,
                new HashSet<>());
          }
        }
      }
    }
    assertThat(problems).as("fields that cannot travel in the session").isEmpty();
  }

  private static boolean kept(Field field) {
    int modifiers = field.getModifiers();
    return !Modifier.isStatic(modifiers)
        && !Modifier.isTransient(modifiers)
        && !field.isAnnotationPresent(Inject.class)
        && !field.isAnnotationPresent(EJB.class);
  }

  private static void check(Type type, String path, List<String> problems, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof ParameterizedType parameterized) {
      check(parameterized.getRawType(), path, problems, seen);
      for (Type argument : parameterized.getActualTypeArguments()) {
        check(argument, path + "<>", problems, seen);
      }
    } else if (type instanceof WildcardType wildcard) {
      for (Type bound : wildcard.getUpperBounds()) {
        check(bound, path, problems, seen);
      }
    } else if (type instanceof TypeVariable<?> variable) {
      for (Type bound : variable.getBounds()) {
        check(bound, path, problems, seen);
      }
    } else if (type instanceof GenericArrayType array) {
      check(array.getGenericComponentType(), path + "[]", problems, seen);
    } else if (type instanceof Class<?> c) {
      checkClass(c, path, problems, seen);
    }
  }

  private static void checkClass(Class<?> c, String path, List<String> problems, Set<Type> seen) {
    if (c.isPrimitive() || c == Object.class) {
      return;
    }
    if (c.isArray()) {
      check(c.getComponentType(), path + "[]", problems, seen);
      return;
    }
    // The collection interfaces are checked through their element types; what the code puts in
    // them (ArrayList, List.of, HashMap, ...) is serializable.
    if (c == List.class || c == Set.class || c == Map.class || c == Collection.class) {
      return;
    }
    if (!Serializable.class.isAssignableFrom(c)) {
      problems.add(path + ": " + c.getName());
      return;
    }
    if (c.isRecord()) {
      for (RecordComponent component : c.getRecordComponents()) {
        check(component.getGenericType(), path + "." + component.getName(), problems, seen);
      }
    } else if (c.getName().startsWith("io.encaptio") && !c.isEnum()) {
      for (Field field : c.getDeclaredFields()) {
        if (kept(field)) {
          check(field.getGenericType(), path + "." + field.getName(), problems, seen);
        }
      }
    }
  }
}
