package io.encaptio.application.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a service method needs, declared on the method of its service interface. The
 * authorization interceptor refuses a call whose actor lacks it, and refuses every method of a
 * service interface that declares none; an architecture test fails the build on such a method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requires {
  Permission value();
}
